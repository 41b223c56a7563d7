/**
 * What the reader has achieved, as events: a checked map exercise. Build mode publishes; whoever
 * reports results (the LMS bridge, when the page runs inside a course's LMS) subscribes. No DOM.
 */
import type { ExerciseType, Scope } from '../model/build/types';

export interface ExerciseChecked {
  readonly kind: 'exercise-checked';
  /** The graph's key (see state/progress graphKeyOf). */
  readonly graph: string;
  readonly type: ExerciseType;
  readonly scope: Scope;
  /** Right propositions ÷ propositions of the scope's map, in [0, 1]. */
  readonly convergence: number;
  /** Right ÷ all the student made, in [0, 1]. */
  readonly salience: number;
}

export type Activity = ExerciseChecked;

type Listener = (activity: Activity) => void;
const listeners = new Set<Listener>();

/** Tells every subscriber; a subscriber that throws does not stop the others. */
export function publishActivity(activity: Activity): void {
  for (const listener of [...listeners]) {
    try {
      listener(activity);
    } catch {
      // A reporter's failure must never reach the view that published.
    }
  }
}

export function subscribeActivity(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
