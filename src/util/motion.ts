import type { Camera as SigmaCamera } from 'sigma';
import type { CameraState } from 'sigma/types';

/** True when the reader asked the system for less motion: animations then jump to their end. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Moves the map's camera to `target` in `ms`, or at once when the reader asked for less motion.
 * Resolves when the camera is there. (Not sigma's `animate` with 0 ms: its first step divides
 * by the duration, which gives a camera at NaN when no millisecond has passed, and a move that
 * ends in that first step never keeps its promise.)
 */
export function glide(camera: SigmaCamera, target: Partial<CameraState>, ms: number): Promise<void> {
  if (ms > 0 && !prefersReducedMotion()) return camera.animate(target, { duration: ms });
  camera.setState(target);
  return Promise.resolve();
}
