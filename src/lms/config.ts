/**
 * What a package asks of the bridge, carried in the launch address's query (the manifest's
 * `parameters`, set by `npm run package:scorm`): the SCORM version it was made for, the mastery
 * threshold, and the activity whose completion and score are reported — revision of the whole
 * chapter, or one map exercise (Build mode: its type and scope). Pure, shared by the command
 * line and the bridge.
 */
import type { ScormVersion } from './find-api';

export type LmsActivity = { readonly kind: 'revision' } | { readonly kind: 'exercise'; readonly type: string; readonly scope: string };

export interface LaunchConfig {
  /** The version the package was made for (searched first); null: either. */
  readonly version: ScormVersion | null;
  /** The package's mastery threshold in [0, 1] (the LMS's own, when it has one, wins); null: none. */
  readonly mastery: number | null;
  readonly activity: LmsActivity;
}

export const DEFAULT_MASTERY = 0.8;
const VERSIONS: Record<string, ScormVersion> = { scorm12: '1.2', scorm2004: '2004' };

/** `activity` as text: `revision`, or `exercise:<type>:<scope>` (scope as in the URL, e.g. slides:6-13). */
export function formatActivity(activity: LmsActivity): string {
  return activity.kind === 'revision' ? 'revision' : `exercise:${activity.type}:${activity.scope}`;
}

/** Reads {@link formatActivity}'s text; null when it is not one. */
export function parseActivity(text: string): LmsActivity | null {
  if (text === 'revision') return { kind: 'revision' };
  const m = /^exercise:([a-z]{1,20}):(.{1,220})$/.exec(text);
  return m ? { kind: 'exercise', type: m[1]!, scope: m[2]! } : null;
}

/** The query of the launch address (`?lms=scorm12&mastery=0.8&activity=revision`). */
export function launchQuery(config: LaunchConfig): string {
  const q = new URLSearchParams();
  if (config.version) q.set('lms', config.version === '1.2' ? 'scorm12' : 'scorm2004');
  if (config.mastery !== null) q.set('mastery', String(config.mastery));
  q.set('activity', formatActivity(config.activity));
  return `?${q.toString()}`;
}

/** The configuration in a launch address's query; what is missing or wrong takes the default (revision, no threshold, either version). Never throws. */
export function parseLaunch(search: string): LaunchConfig {
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(search);
  } catch {
    q = new URLSearchParams();
  }
  const version = VERSIONS[q.get('lms') ?? ''] ?? null;
  const m = Number(q.get('mastery') ?? 'NaN');
  const mastery = q.has('mastery') && Number.isFinite(m) && m >= 0 && m <= 1 ? m : null;
  const activity = parseActivity(q.get('activity') ?? '') ?? { kind: 'revision' };
  return { version, mastery, activity };
}
