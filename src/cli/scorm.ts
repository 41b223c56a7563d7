/**
 * `npm run package:scorm -- --version 1.2|2004 --out FILE`: a SCORM package of a chapter for a
 * course's LMS (Moodle, Canvas, Blackboard…): the built site, its imsmanifest.xml (src/lms/manifest)
 * and the schema files the version requires, zipped. The SCO launches index.html with the
 * bridge's parameters (the version, the mastery threshold, the activity reported) and the
 * starting view as a hash, checked against the app's URL keys and the chapter.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { zipSync, type Zippable } from 'fflate';
import Graph from 'graphology';
import { defaultScope, formatScope } from '../model/build/scope';
import { chapterEntry } from '../model/course';
import type { CompiledGraph, EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../model/types';
import { fromHash, urlContextOf } from '../state/url';
import { DEFAULT_MASTERY, launchQuery, type LmsActivity } from '../lms/config';
import type { ScormVersion } from '../lms/find-api';
import { LAUNCH_FILE, MANIFEST_FILE, manifestXml, packageIdentifier, SCHEMAS } from '../lms/manifest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the schema files are kept (offline copies of the public ADL and IMS files). */
export const SCHEMA_DIR = join(ROOT, 'src', 'lms', 'schemas');

const USAGE = `usage:
  npm run package:scorm -- --version 1.2|2004 --out FILE.zip [--chapter ID] [--start HASH]
                           [--mastery 0.8|80%] [--no-build] [--dist DIR]
      writes a SCORM package of the chapter (default: the course's default chapter):
      --start    the view the package opens on, as the app's URL hash
                 (default mode=revision; e.g. "mode=build&ex=kit&scope=slides:6-13" for a map exercise);
                 in Build mode the exercise is the activity reported, else revision of the chapter
      --mastery  the mastery threshold, a share (0.8) or a percentage (80%); default ${DEFAULT_MASTERY}
      --no-build use the site already built in --dist (default dist/) instead of building it`;

export interface PackageInput {
  readonly version: ScormVersion;
  /** The built site. */
  readonly distDir: string;
  readonly chapterId: string;
  /** Whether the chapter is the course's default one (else the launch hash names it). */
  readonly defaultChapter: boolean;
  readonly graph: CompiledGraph;
  readonly course: { readonly title: string; readonly titleEn: string };
  /** The starting view, as the app's URL hash (with or without `#`). */
  readonly start: string;
  readonly mastery: number;
}

export interface Package {
  readonly zip: Uint8Array;
  readonly manifest: string;
  /** Every file of the zip. */
  readonly entries: readonly string[];
  readonly parameters: string;
  readonly activity: LmsActivity;
}

/** Every file under `dir`, relative and `/`-separated (Vite's own .vite/ folder left out). */
function siteFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (d === dir && e.name === '.vite') continue;
        walk(p);
      } else if (e.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The start hash checked: only the app's keys, valid for this chapter. Throws with every problem. */
function checkStart(input: PackageInput, graph: LinkageGraph): { hash: string; activity: LmsActivity } {
  const body = input.start.replace(/^#/, '');
  const parts = body === '' ? [] : body.split('&');
  if (parts.some((p) => p.startsWith('ch='))) throw new Error('--start: leave out ch= (the package names its chapter with --chapter)');
  const hash = `#${[...(input.defaultChapter ? [] : [`ch=${encodeURIComponent(input.chapterId)}`]), ...parts].join('&')}`;
  const read = fromHash(hash, urlContextOf(graph, undefined, input.chapterId));
  if (!read) throw new Error(`--start: ${JSON.stringify(input.start)} is not a hash of the app`);
  if (read.problems.length > 0) throw new Error(`--start: ${read.problems.join('; ')}`);
  const s = read.state;
  const activity: LmsActivity =
    s.mode === 'build' ? { kind: 'exercise', type: s.exercise.type, scope: formatScope(s.exercise.scope ?? defaultScope(graph)) } : { kind: 'revision' };
  return { hash, activity };
}

/** The package of `input`: its zip, manifest and file list. Throws on a bad start hash or a site that is not built. */
export function makePackage(input: PackageInput): Package {
  if (!existsSync(join(input.distDir, LAUNCH_FILE))) throw new Error(`${input.distDir} has no ${LAUNCH_FILE}: build the site first (npm run build), or leave out --no-build`);
  const graph = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(input.graph);
  const { hash, activity } = checkStart(input, graph);
  const entry = chapterEntry(graph, false);
  const parameters = launchQuery({ version: input.version, mastery: input.mastery, activity }) + hash;
  const site = siteFiles(input.distDir);
  const schemas = SCHEMAS[input.version];
  const clash = site.find((f) => f === MANIFEST_FILE || schemas.files.includes(f));
  if (clash) throw new Error(`${input.distDir}/${clash}: the site has a file of the package's own name`);
  const manifest = manifestXml({
    version: input.version,
    identifier: packageIdentifier(input.chapterId),
    courseTitle: `${input.course.title} · ${input.course.titleEn}`,
    title: `${entry.title} · ${entry.titleEn}`,
    files: site,
    parameters,
    mastery: input.mastery,
  });
  const files: Zippable = { [MANIFEST_FILE]: new TextEncoder().encode(manifest) };
  for (const f of schemas.files) files[f] = readFileSync(join(SCHEMA_DIR, schemas.folder, f));
  for (const f of site) files[f] = readFileSync(join(input.distDir, ...f.split('/')));
  // A fixed date: the same site gives the same zip.
  const zip = zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  return { zip, manifest, entries: Object.keys(files), parameters, activity };
}

/** A threshold as a share: `0.8` or `80%`. */
export function parseMastery(text: string): number | null {
  const pct = /^(\d{1,3}(?:\.\d+)?)%$/.exec(text);
  const n = pct ? Number(pct[1]) / 100 : /^\d(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : null;
}

const OPTIONS = {
  version: { type: 'string' },
  out: { type: 'string' },
  chapter: { type: 'string' },
  start: { type: 'string' },
  mastery: { type: 'string' },
  'no-build': { type: 'boolean' },
  dist: { type: 'string' },
  help: { type: 'boolean' },
} as const;

/** The options given; strict, so an unknown option or a missing value throws node's own message. */
const readOptions = (argv: string[]) => parseArgs({ args: argv, options: OPTIONS, strict: true }).values;

export async function main(argv: string[]): Promise<number> {
  let values: ReturnType<typeof readOptions>;
  try {
    values = readOptions(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 1;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const version = values.version;
  const out = values.out;
  const mastery = parseMastery(values.mastery ?? String(DEFAULT_MASTERY));
  const problems = [
    ...(version === '1.2' || version === '2004' ? [] : [`--version must be 1.2 or 2004${version ? `, not ${JSON.stringify(version)}` : ''}`]),
    ...(out ? [] : ['--out FILE.zip is required']),
    ...(mastery === null ? [`--mastery must be a share from 0 to 1 (0.8) or a percentage (80%), not ${JSON.stringify(values.mastery)}`] : []),
  ];
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n${USAGE}\n`);
    return 1;
  }
  try {
    // Loaded here: the course compiler (and Vite) only for a real run.
    const { compileChapter, courseDir, loadCourse } = await import('./course-file');
    const dir = courseDir(ROOT);
    const course = loadCourse(dir);
    const chapterId = values.chapter ?? course.defaultChapter;
    if (!course.chapters.includes(chapterId)) throw new Error(`--chapter: no chapter ${JSON.stringify(chapterId)} in the course (${course.chapters.join(', ')})`);
    const distDir = resolve(values.dist ?? join(ROOT, 'dist'));
    if (!values['no-build']) {
      const { build } = await import('vite');
      process.stdout.write(`building the site into ${distDir}…\n`);
      await build({ root: ROOT, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
    }
    const pkg = makePackage({
      version: version as ScormVersion,
      distDir,
      chapterId,
      defaultChapter: chapterId === course.defaultChapter,
      graph: compileChapter(dir, chapterId),
      course: { title: course.title, titleEn: course.en },
      start: values.start ?? 'mode=revision',
      mastery: mastery!,
    });
    const file = resolve(out!);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, pkg.zip);
    process.stdout.write(
      `${file}: SCORM ${version} package of ${chapterId}, ${pkg.entries.length} files, ${(statSync(file).size / 1024).toFixed(0)} KB; launches ${LAUNCH_FILE}${pkg.parameters}\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
