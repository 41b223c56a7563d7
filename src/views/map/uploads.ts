/**
 * The map's programs upload their item arrays to the GPU only when an item in them was written.
 *
 * sigma 3.0 binds each program twice per render (the picture and the picking layer) and uploads
 * the program's whole item array each time, and an instanced program its constant array too,
 * though most renders change nothing in them: a pan or zoom changes only the camera uniforms, a
 * search the slots of the few nodes it singles out, never a link's. At 10k nodes and 30k links
 * that is megabytes copied to the GPU per frame for nothing.
 *
 * So each program counts the writes to its array (sigma writes an item's slot only in `process`,
 * and makes a new array only in `reallocate`; code that writes a slot itself calls
 * {@link markWritten}), and each of its bound buffers (picture, picking) remembers the array
 * and count it last received: when both are unchanged, the upload is skipped and the buffer
 * keeps what it holds. A constant array never changes: it is uploaded once per buffer.
 */
import { EdgeProgram, NodeProgram, Program } from 'sigma/rendering';

/** What a program buffer received last: the item array, and the program's write count then. */
interface Uploaded {
  array: Float32Array;
  writes: number;
  constant: boolean;
}

/** The part of sigma's Program (3.0) this reads: its arrays, and the write count it is given here. */
interface Written {
  array: Float32Array;
  constantArray: Float32Array;
  writes?: number;
}

/** A program's bound form for one layer (sigma's ProgramInfo): its context. */
interface BoundInfo {
  gl: WebGLRenderingContext;
}

/** Records that `program`'s item array was written outside sigma's `process`. */
export function markWritten(program: object): void {
  const p = program as Written;
  p.writes = (p.writes ?? 0) + 1;
}

const uploaded = new WeakMap<BoundInfo, Uploaded>();
/** While a program binds: the arrays whose upload to the bound buffer is skipped. */
let skipArray: Float32Array | null = null;
let skipConstant: Float32Array | null = null;
const contexts = new WeakSet<WebGLRenderingContext>();

/** Makes `gl.bufferData` skip the arrays named above (only while a program binds are any named). */
function watch(gl: WebGLRenderingContext): void {
  if (contexts.has(gl)) return;
  contexts.add(gl);
  const upload = gl.bufferData;
  Object.defineProperty(gl, 'bufferData', {
    configurable: true,
    value(this: WebGLRenderingContext, ...args: unknown[]) {
      const data = args[1];
      if (data !== null && (data === skipArray || data === skipConstant)) return;
      return (upload as (...a: unknown[]) => void).apply(this, args);
    },
  });
}

/** Installs the counting and the skipping on sigma's programs (once; idempotent). */
function install(): void {
  const proto = Program.prototype as unknown as { bindProgram(info: BoundInfo): void; reallocate(capacity: number): void; linkageUploads?: true };
  if (proto.linkageUploads) return;
  proto.linkageUploads = true;
  const bind = proto.bindProgram;
  proto.bindProgram = function (this: Written, info: BoundInfo) {
    watch(info.gl);
    const last = uploaded.get(info);
    const writes = this.writes ?? 0;
    skipArray = last !== undefined && last.array === this.array && last.writes === writes ? this.array : null;
    skipConstant = last?.constant ? this.constantArray : null;
    try {
      bind.call(this, info);
    } finally {
      skipArray = null;
      skipConstant = null;
    }
    uploaded.set(info, { array: this.array, writes, constant: true });
  };
  const reallocate = proto.reallocate;
  proto.reallocate = function (this: Written, capacity: number) {
    markWritten(this);
    reallocate.call(this, capacity);
  };
  for (const Item of [NodeProgram, EdgeProgram]) {
    const p = Item.prototype as unknown as { process(...args: unknown[]): void };
    const process = p.process;
    p.process = function (this: Written, ...args: unknown[]) {
      this.writes = (this.writes ?? 0) + 1;
      process.apply(this, args);
    };
  }
}

install();
