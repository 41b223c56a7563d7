import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

/** `npm run graph:check -- --strict` on the chapter: no error and no lint warning. */
describe('graph/chapter-02/chapter-02.yaml', () => {
  it('passes graph:check --strict', async () => {
    const r = await runCli(['check', '--strict'], { disk: true });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').at(-1)).toBe('warnings 0');
    // check writes nothing
    expect(r.written.size).toBe(0);
  }, 60_000);
});
