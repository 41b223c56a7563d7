/**
 * A fake SCORM runtime (either version) for the unit tests: it keeps what is set, answers what is
 * asked, and can be told to refuse a call or an element (with the standard error codes) or to
 * throw, as a misbehaving LMS might.
 */
import type { FoundApi, ScormVersion } from '../../src/lms/find-api';

export interface FakeLms {
  readonly found: FoundApi;
  readonly values: Map<string, string>;
  /** Every call, in order: name and arguments. */
  readonly calls: string[];
  /** Elements whose SetValue is refused (error 351 "General Set Failure" / 1.2's 101). */
  readonly refuseSet: Set<string>;
  /** Calls that fail (return "false" with error 101) or throw. */
  readonly refuseCall: Set<'initialize' | 'commit' | 'terminate'>;
  readonly throwOn: Set<'get' | 'set' | 'commit'>;
}

export function fakeLms(version: ScormVersion, initial: Record<string, string> = {}): FakeLms {
  const values = new Map(Object.entries(initial));
  const calls: string[] = [];
  const refuseSet = new Set<string>();
  const refuseCall = new Set<'initialize' | 'commit' | 'terminate'>();
  const throwOn = new Set<'get' | 'set' | 'commit'>();
  let error = '0';
  const ok = () => ((error = '0'), 'true');
  const fail = (code: string) => ((error = code), 'false');
  const init = () => (calls.push('initialize'), refuseCall.has('initialize') ? fail('101') : ok());
  const finish = () => (calls.push('terminate'), refuseCall.has('terminate') ? fail('101') : ok());
  const get = (e: string) => {
    calls.push(`get ${e}`);
    if (throwOn.has('get')) throw new Error('LMS exploded');
    if (!values.has(e)) {
      error = version === '2004' ? '403' : '0';
      return '';
    }
    error = '0';
    return values.get(e)!;
  };
  const set = (e: string, v: string) => {
    calls.push(`set ${e}=${v.length > 40 ? `${v.slice(0, 40)}…` : v}`);
    if (throwOn.has('set')) throw new Error('LMS exploded');
    if (refuseSet.has(e)) return fail(version === '2004' ? '351' : '101');
    values.set(e, v);
    return ok();
  };
  const commit = () => {
    calls.push('commit');
    if (throwOn.has('commit')) throw new Error('LMS exploded');
    return refuseCall.has('commit') ? fail(version === '2004' ? '391' : '101') : ok();
  };
  const lastError = () => error;
  const errorString = (c: string) => ({ '0': 'No Error', '101': 'General Exception', '351': 'General Set Failure', '391': 'General Commit Failure', '403': 'Data Model Element Value Not Initialized' })[c] ?? 'Unknown';
  const found: FoundApi =
    version === '1.2'
      ? {
          version,
          runtime: {
            LMSInitialize: init,
            LMSFinish: finish,
            LMSGetValue: get,
            LMSSetValue: set,
            LMSCommit: commit,
            LMSGetLastError: lastError,
            LMSGetErrorString: errorString,
            LMSGetDiagnostic: errorString,
          },
        }
      : {
          version,
          runtime: {
            Initialize: init,
            Terminate: finish,
            GetValue: get,
            SetValue: set,
            Commit: commit,
            GetLastError: lastError,
            GetErrorString: errorString,
            GetDiagnostic: errorString,
          },
        };
  return { found, values, calls, refuseSet, refuseCall, throwOn };
}
