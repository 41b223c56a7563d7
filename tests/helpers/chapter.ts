/**
 * The compiled chapter for the unit tests that only read it. Compiling lays the chapter out
 * (5–10 s on a busy 2-core machine) and a dozen test files need it, each in a fresh module
 * context: so it is compiled once and kept on disk (node_modules/.cache/linkage-tests), keyed by
 * everything the compiled form could depend on — every file under graph/ and src/, and the
 * lockfile. Any change there compiles it again; a fresh clone compiles it in the first file that
 * asks. Each call returns a fresh copy (structured-cloned: -0, undefined and the rest kept as
 * compileGraphFile returned them), so a test may change it freely.
 *
 * tests/model/compile.test.ts still compiles the file itself: compiling is what it tests.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { compileGraphFile } from '../../src/cli/compile-file';
import { DEFAULT_GRAPH } from '../../src/cli/graph';
import type { CompiledGraph } from '../../src/model/types';

const ROOT = process.cwd();
const CACHE = join(ROOT, 'node_modules', '.cache', 'linkage-tests');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

/** A digest of the inputs of a compile: the sources, the graph files, the locked dependencies. */
function inputsDigest(file: string): string {
  const hash = createHash('sha256').update(file);
  for (const path of [...filesUnder(join(ROOT, 'graph')), ...filesUnder(join(ROOT, 'src')), join(ROOT, 'package-lock.json')]) {
    if (!existsSync(path) || !statSync(path).isFile()) continue;
    hash.update(`\0${relative(ROOT, path)}\0`).update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 24);
}

const memo = new Map<string, Buffer>();

/** `file` (the chapter by default) as compileGraphFile compiles it; a fresh copy per call. */
export function compiledChapter(file: string = DEFAULT_GRAPH): CompiledGraph {
  let bytes = memo.get(file);
  if (!bytes) {
    const path = join(CACHE, `${inputsDigest(file)}.v8`);
    if (existsSync(path)) bytes = readFileSync(path);
    else {
      bytes = serialize(compileGraphFile(file));
      mkdirSync(CACHE, { recursive: true });
      // Written aside, then renamed: a file running at the same time never reads half of it.
      const partial = `${path}.${process.pid}.partial`;
      writeFileSync(partial, bytes);
      renameSync(partial, path);
      // Compiles of older sources are of no more use.
      for (const old of readdirSync(CACHE)) if (old.endsWith('.v8') && join(CACHE, old) !== path) rmSync(join(CACHE, old), { force: true });
    }
    memo.set(file, bytes);
  }
  return deserialize(bytes) as CompiledGraph;
}
