import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/graph';

/** `npm run graph:check -- --strict` on the chapter: no error and no lint warning. */
describe('graph/chapter-02.yaml', () => {
  it('passes graph:check --strict', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIO = {
      stdout: (l) => out.push(l),
      stderr: (l) => err.push(l),
      readFile: (p) => readFileSync(p, 'utf8'),
      writeFile: () => {
        throw new Error('check writes nothing');
      },
    };
    const status = await main(['check', '--strict'], io);
    expect(err).toEqual([]);
    expect(status).toBe(0);
    expect(out.at(-1)).toBe('warnings 0');
  });
});
