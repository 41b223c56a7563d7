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
 *
 * And when only a few slots were written since the buffer's last upload (a hover, a selection,
 * a focus or a path rewrites the few items it singles out, out of 100k nodes and 300k links),
 * only those slots go, in runs of adjacent slots (`bufferSubData`), not the whole array: at 100k
 * nodes a whole upload of the links is ≈ 10 MB, 50 ms of script and a wait on the GPU. Each
 * program notes the slots `process` writes, up to {@link FEW_SLOTS} or an eighth of its items;
 * past that, or after a write it cannot place, the whole array goes, as before.
 */
import { EdgeProgram, NodeProgram, Program } from 'sigma/rendering';
import { slotRuns } from './slot-runs';

/** The part of sigma's Program (3.0) this reads: its arrays, and the write count it is given here. */
interface Written {
  array: Float32Array;
  constantArray: Float32Array;
  isInstanced: boolean;
  normalProgram?: BoundInfo;
  /** Floats per item slot. */
  STRIDE: number;
  writes?: number;
  /** The slots written since the write count was `slotsSince`; null when not known (all may differ). */
  slots?: number[] | null;
  slotsSince?: number;
}

/** Most slots a program notes for a partial upload (and at most an eighth of its items). */
const FEW_SLOTS = 4_096;

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
  p.slots = null;
}

/** Records that sigma's `process` wrote `slot` of `program`'s item array. */
function slotWritten(p: Written, slot: number): void {
  p.writes = (p.writes ?? 0) + 1;
  const slots = p.slots;
  if (slots === undefined) p.slots = null;
  else if (slots !== null) {
    if (slots.length < FEW_SLOTS && slots.length * 8 * p.STRIDE < p.array.length) slots.push(slot);
    else p.slots = null;
  }
}

/** What each buffer received last: the item array, and its program's write count then. */
const held = new WeakMap<WebGLBuffer, { array: Float32Array; writes: number }>();
/** Buffers that hold their program's constant array. */
const constants = new WeakSet<WebGLBuffer>();
/** While a program binds: the arrays whose upload to the bound buffer is skipped. */
let skipArray: Float32Array | null = null;
let skipConstant: Float32Array | null = null;
/** While a program binds: the array of which only these slots go to the bound buffer. */
let partial: { array: Float32Array; stride: number; slots: readonly number[] } | null = null;
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
      if (partial !== null && data === partial.array) {
        // The buffer holds this array as it was at its last upload, but for these slots.
        const { array, stride } = partial;
        const target = args[0] as number;
        for (const [first, end] of slotRuns(partial.slots)) {
          this.bufferSubData(target, first * stride * array.BYTES_PER_ELEMENT, array.subarray(first * stride, end * stride));
        }
        return;
      }
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
    const same = last !== undefined && last.array === this.array;
    skipArray = same && last.writes === writes ? this.array : null;
    // Only some slots written since this buffer's upload, and all of them noted.
    const slots = this.slots;
    partial = same && skipArray === null && slots != null && this.slotsSince === last.writes ? { array: this.array, stride: this.STRIDE, slots } : null;
    skipConstant = this.isInstanced && constants.has(info.constantBuffer) ? this.constantArray : null;
    try {
      bind.call(this, info);
    } finally {
      skipArray = null;
      skipConstant = null;
      partial = null;
    }
    held.set(info.buffer, { array: this.array, writes });
    // Slots are noted from this upload on.
    this.slots = [];
    this.slotsSince = writes;
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
    // process(index, slot, …data): sigma writes the item's slot of the array.
    p.process = function (this: Written, ...args: unknown[]) {
      slotWritten(this, args[1] as number);
      process.apply(this, args);
    };
  }
}

install();
