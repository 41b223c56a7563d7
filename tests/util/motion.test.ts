import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Camera as SigmaCamera } from 'sigma';
import { glide } from '../../src/util/motion';

// sigma's module reads WebGL constants as it loads; the camera itself needs no WebGL.
let Camera: typeof SigmaCamera;
beforeAll(async () => {
  Object.assign(globalThis, { WebGL2RenderingContext: class {}, WebGLRenderingContext: class {} });
  ({ Camera } = await import('sigma'));
});

/** Pretends the reader asked (or did not ask) the system for less motion. */
function reducedMotion(reduce: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: reduce && query.includes('prefers-reduced-motion: reduce') }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('glide', () => {
  it('with less motion asked for, puts the camera at its target at once, and keeps its promise', async () => {
    reducedMotion(true);
    const camera = new Camera();
    let done = false;
    const move = glide(camera, { x: 0.2, y: 0.7, ratio: 0.5 }, 500).then(() => (done = true));
    expect(camera.getState()).toEqual({ x: 0.2, y: 0.7, ratio: 0.5, angle: 0 });
    expect(camera.isAnimated()).toBe(false);
    await move;
    expect(done).toBe(true);
  });

  it('a move of 0 ms is a jump, never a camera at NaN', async () => {
    reducedMotion(false);
    const camera = new Camera();
    await glide(camera, { ratio: 2 }, 0);
    expect(camera.getState()).toEqual({ x: 0.5, y: 0.5, ratio: 2, angle: 0 });
  });

  it('otherwise animates over the given time, ending at the target', async () => {
    reducedMotion(false);
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const camera = new Camera();
    const move = glide(camera, { x: 0.9 }, 400);
    expect(camera.isAnimated()).toBe(true);
    now.mockReturnValue(1_200);
    frames.shift()!(0);
    expect(camera.getState().x).toBeGreaterThan(0.5);
    expect(camera.getState().x).toBeLessThan(0.9);
    now.mockReturnValue(1_400);
    frames.shift()!(0);
    await move;
    expect(camera.getState().x).toBe(0.9);
    now.mockRestore();
  });
});
