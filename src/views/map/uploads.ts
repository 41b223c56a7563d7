/**
 * The map's programs upload their item arrays to the GPU only when an item in them was written,
 * and once for both layers that draw from them.
 *
 * sigma 3.0 binds each program twice per render (the picture and the picking layer), each with
 * a buffer of its own, and uploads the program's whole item array each time, and an instanced
 * program its constant array too, though most renders change nothing in them: a pan or zoom
 * changes only the camera uniforms, a search the slots of the few nodes it singles out, never a
 * link's. At 10k nodes and 30k links that is megabytes copied to the GPU per frame for nothing.
 *
 * So a program's picking layer draws from its picture's buffers (the same items in the same
 * layout, in the same context); each program counts the writes to its array (sigma writes an
 * item's slot only in `process`, and makes a new array only in `reallocate`; code that writes a
 * slot itself calls {@link markWritten}); and each buffer remembers the array and count it last
 * received: when both are unchanged, the upload is skipped and the buffer keeps what it holds.
 * A constant array never changes: it is uploaded once per buffer.
 */
import { EdgeProgram, NodeProgram, Program } from 'sigma/rendering';

/** The part of sigma's Program (3.0) this reads: its arrays, and the write count it is given here. */
interface Written {
  array: Float32Array;
  constantArray: Float32Array;
  isInstanced: boolean;
  normalProgram?: BoundInfo;
  writes?: number;
}

/** A program's bound form for one layer (sigma's ProgramInfo): its context and buffers. */
interface BoundInfo {
  gl: WebGLRenderingContext;
  buffer: WebGLBuffer;
  constantBuffer: WebGLBuffer;
}

/** Records that `program`'s item array was written outside sigma's `process`. */
export function markWritten(program: object): void {
  const p = program as Written;
  p.writes = (p.writes ?? 0) + 1;
}

/** What each buffer received last: the item array, and its program's write count then. */
const held = new WeakMap<WebGLBuffer, { array: Float32Array; writes: number }>();
/** Buffers that hold their program's constant array. */
const constants = new WeakSet<WebGLBuffer>();
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

/** Installs the sharing, the counting and the skipping on sigma's programs (once). */
function install(): void {
  type Proto = {
    bindProgram(info: BoundInfo): void;
    reallocate(capacity: number): void;
    getProgramInfo(name: string, gl: WebGLRenderingContext, ...rest: unknown[]): BoundInfo;
    linkageUploads?: true;
  };
  const proto = Program.prototype as unknown as Proto;
  if (proto.linkageUploads) return;
  proto.linkageUploads = true;
  const programInfo = proto.getProgramInfo;
  proto.getProgramInfo = function (this: Written, name: string, gl: WebGLRenderingContext, ...rest: unknown[]) {
    const info = programInfo.call(this, name, gl, ...rest);
    // sigma makes the picture's form first, then the picking layer's.
    const picture = this.normalProgram;
    if (name === 'pick' && picture !== undefined && picture.gl === gl) {
      gl.deleteBuffer(info.buffer);
      info.buffer = picture.buffer;
      if (this.isInstanced) {
        gl.deleteBuffer(info.constantBuffer);
        info.constantBuffer = picture.constantBuffer;
      }
    }
    return info;
  };
  const bind = proto.bindProgram;
  proto.bindProgram = function (this: Written, info: BoundInfo) {
    watch(info.gl);
    const last = held.get(info.buffer);
    const writes = this.writes ?? 0;
    skipArray = last !== undefined && last.array === this.array && last.writes === writes ? this.array : null;
    skipConstant = this.isInstanced && constants.has(info.constantBuffer) ? this.constantArray : null;
    try {
      bind.call(this, info);
    } finally {
      skipArray = null;
      skipConstant = null;
    }
    held.set(info.buffer, { array: this.array, writes });
    if (this.isInstanced) constants.add(info.constantBuffer);
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
      markWritten(this);
      process.apply(this, args);
    };
  }
}

install();
