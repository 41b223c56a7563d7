/**
 * Runs the graph CLI's `main` in-process against an in-memory IO: files come from `files`, or
 * from disk when `disk` is set; what it writes is kept in memory.
 */
import { readFileSync, statSync } from 'node:fs';
import { main, type CliIO } from '../../src/cli/graph';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
  written: Map<string, string>;
}

export async function runCli(args: string[], options: { files?: Record<string, string>; disk?: boolean; sizes?: Record<string, number> } = {}): Promise<CliRun> {
  const { files = {}, disk = false, sizes = {} } = options;
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const io: CliIO = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    readFile: (p) => {
      if (p in files) return files[p]!;
      if (disk) return readFileSync(p, 'utf8');
      throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    },
    writeFile: (p, t) => written.set(p, t),
    ...(disk ? { fileSize: (p: string) => sizes[p] ?? (p in files ? Buffer.byteLength(files[p]!) : statSync(p).size) } : {}),
  };
  const status = await main(args, io);
  return { status, stdout: out.join('\n'), stderr: err.join('\n'), written };
}
