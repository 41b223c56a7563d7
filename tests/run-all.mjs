/**
 * `npm test`: the type check, the unit project and the end-to-end project, side by side.
 *
 * Why not one `vitest run`: the e2e project runs its files one at a time (see vitest.config.ts),
 * and Vitest 4 runs a project whose files run one at a time in a group of its own, after every
 * other project has finished. So in one run the e2e files wait for the unit files (about two
 * minutes of CPU, one file at a time on 2 cores). Here the e2e run starts at once (its
 * global setup builds the site for ~40 s), the type check runs beside that build, and the unit
 * run starts once the type check has passed: at most two busy processes at a time besides
 * Chromium, and the whole takes about as long as the e2e run alone.
 *
 * A type error stops everything, as `tsc --noEmit && vitest run` did. The e2e output is shown
 * as it comes; the type check's and the unit run's when each ends. Exits 1 if any part failed.
 * Extra arguments go to both Vitest runs (e.g. `npm test -- tests/state`); a filter that leaves
 * one project without files does not fail that project.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const extra = process.argv.slice(2);
const filterArgs = extra.length > 0 ? [...extra, '--passWithNoTests'] : [];
const children = new Set();

/** Runs `cmd`; resolves to its exit code. Output is streamed (live) or kept and printed at the end. */
function run(name, cmd, args, live) {
  return new Promise((resolve) => {
    // A process group of its own, so that stopping it stops what it started (workers, Chromium).
    const child = spawn(cmd, args, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    children.add(child);
    const out = [];
    if (!live) {
      child.stdout.on('data', (b) => out.push(b));
      child.stderr.on('data', (b) => out.push(b));
    }
    child.on('close', (code, signal) => {
      children.delete(child);
      const status = code ?? (signal ? 1 : 0);
      if (!live) {
        process.stdout.write(`\n──── ${name} ${status === 0 ? 'passed' : 'FAILED'} ────\n`);
        process.stdout.write(Buffer.concat(out));
      }
      resolve(status);
    });
  });
}

function stopAll() {
  for (const child of children) {
    try {
      if (process.platform === 'win32') child.kill('SIGTERM');
      else process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

const bin = (name) => join(import.meta.dirname, '..', 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const e2e = run('e2e', bin('vitest'), ['run', '--project', 'e2e', ...filterArgs], true);
const typecheck = run('tsc --noEmit', bin('tsc'), ['--noEmit'], false);
const unit = typecheck.then((code) => {
  if (code !== 0) {
    process.stdout.write('\nThe type check failed: the tests are stopped.\n');
    stopAll();
    return code;
  }
  return run('unit', bin('vitest'), ['run', '--project', 'unit', ...filterArgs], false);
});
const codes = await Promise.all([typecheck, unit, e2e]);
const failed = ['tsc --noEmit', 'unit', 'e2e'].filter((_, i) => codes[i] !== 0);
process.stdout.write(failed.length ? `\nnpm test: FAILED (${failed.join(', ')})\n` : '\nnpm test: type check, unit and e2e passed\n');
process.exit(failed.length ? 1 : 0);
