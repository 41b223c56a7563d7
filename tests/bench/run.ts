/**
 * `npm run bench`: runs the benchmark (see bench.ts), prints the report as JSON on stdout and
 * writes it to bench-results/ (git-ignored); progress goes to stderr.
 *
 *   npm run bench                               full run: 1k, 10k, 50k, every renderer
 *   npm run bench -- --sizes 1000,10000         some sizes only
 *   npm run bench -- --renderers app,naive      some renderers only (app, naive, d3-svg, cytoscape)
 *   npm run bench -- --quick                    1k, one repetition of everything (the smoke test's run)
 *   npm run bench -- --reps 3,5,60              loads, updates and pan/zoom frames for every case
 *   npm run bench -- --out FILE                 write the report to FILE as well
 *   npm run bench -- --app-dist DIR             use the app already built into DIR (with its
 *                                               manifest: vite build --manifest) instead of building it
 *   npm run bench -- --app-dist DIR --chapter-module FILE
 *                                               and that build's compiled chapter module (virtual:chapter)
 *                                               for the benchmark pages, instead of compiling the chapter again
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RENDERERS, defaultReps, RENDERERS, runBench, type RendererName } from './bench';

const REPO = resolve(import.meta.dirname, '../..');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    renderers: { type: 'string', default: DEFAULT_RENDERERS.join(',') },
    quick: { type: 'boolean', default: false },
    'chapter-reps': { type: 'string', default: '9' },
    reps: { type: 'string' },
    out: { type: 'string' },
    'app-dist': { type: 'string' },
    'chapter-module': { type: 'string' },
  },
});

const sizes = values.quick ? [1000] : values.sizes.split(',').map((s) => Number(s.trim()));
if (!sizes.every((n) => Number.isInteger(n) && n >= 2 && n <= 200_000)) {
  console.error(`bench: --sizes takes node counts between 2 and 200000, comma-separated (got "${values.sizes}")`);
  process.exit(2);
}
const renderers = values.renderers.split(',').map((s) => s.trim()) as RendererName[];
const unknown = renderers.filter((r) => !(RENDERERS as readonly string[]).includes(r));
if (unknown.length > 0 || !renderers.includes('app')) {
  console.error(`bench: --renderers takes app plus any of ${RENDERERS.join(', ')} (got "${values.renderers}")`);
  process.exit(2);
}
const chapterReps = values.quick ? 1 : Number(values['chapter-reps']);
const fixed = values.reps?.split(',').map(Number);
if (fixed && (fixed.length !== 3 || !fixed.every((n) => Number.isInteger(n) && n >= 0) || fixed[0]! < 1)) {
  console.error(`bench: --reps takes three integers: loads (≥ 1), updates and frames (≥ 0), e.g. 3,5,60 (got "${values.reps}")`);
  process.exit(2);
}

process.env['VITE_CONFIG_NATIVE_IGNORE_WARNING'] ??= 'true';
const report = await runBench({
  sizes,
  renderers,
  chapterReps,
  reps: fixed ? () => ({ load: fixed[0]!, ops: fixed[1]!, frames: fixed[2]! }) : values.quick ? () => ({ load: 1, ops: 1, frames: 10 }) : defaultReps,
  viewport: { width: 1280, height: 800 },
  log: (line) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`),
  ...(values['app-dist'] ? { appDir: resolve(values['app-dist']) } : {}),
  ...(values['chapter-module'] ? { chapterModule: readFileSync(resolve(values['chapter-module']), 'utf8') } : {}),
});

const text = `${JSON.stringify(report, null, 2)}\n`;
// A quick run (the smoke test's) never replaces latest.json.
const stamp = report.date.replace(/[:.]/g, '-');
const file = join(REPO, 'bench-results', values.quick ? `quick-${stamp}.json` : `bench-${stamp}.json`);
const latest = values.quick ? [] : [join(REPO, 'bench-results', 'latest.json')];
for (const path of [file, ...latest, ...(values.out ? [resolve(values.out)] : [])]) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
process.stdout.write(text);
console.error(`[bench] ${report.durationS} s; written to ${file}`);
