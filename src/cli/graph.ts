/**
 * `npm run graph:check`, `graph:export` and `graph:review`: validate and lint the course's
 * chapters (or files) and print a summary or every located error; compile them and write the
 * graph in an exchange format; write their review sheets for lecturers. A chapter is named by its
 * id (its folder in graph/); without one, every chapter of graph/course.yaml.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuthoredGraph } from '../model/authored';
import { chapterFile, parseCourse } from '../model/course';
import { GraphCheckError, formatError, type GraphError } from '../model/errors';
import { EXPORT_FORMATS } from '../io/formats';
import { lintGraph } from '../model/lint';
import { loadGraphSource, type GraphSource } from '../model/load';
import { edgeKindIds, ID_PATTERN, nodeKindIds } from '../model/vocabulary';
import { isLang, type Lang } from '../model/sentence';
import type { CompiledGraph } from '../model/types';
import { markedItemCoverage } from '../model/validate';

/** Where the CLI reads and writes; swapped in tests. */
export interface CliIO {
  stdout(line: string): void;
  stderr(line: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  /** Size of a file in bytes, checked against the import limit before it is read (optional). */
  fileSize?(path: string): number;
}

const nodeIO: CliIO = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  },
  fileSize: (path) => statSync(path).size,
};

/** The course folder the CLI reads chapter ids in (LINKAGE_GRAPH_DIR when set, as the build does). */
const GRAPH_DIR = process.env['LINKAGE_GRAPH_DIR'] ?? 'graph';
/** The authoring file of chapter `id`: `graph/<id>/<id>.yaml`. */
const chapterPath = (id: string): string => chapterFile(GRAPH_DIR, id);
/** The chapter the app opens first; its file is the default of the commands taking one graph. */
export const DEFAULT_GRAPH = chapterPath('chapter-02');

const USAGE = `usage:
  npm run graph:check [-- [--strict] [CHAPTER|FILE ...]]
      validate the chapters (default: every chapter of ${GRAPH_DIR}/course.yaml) and their
      transcripts; print a summary and the lint warnings of each (FILE:LINE PATH: MESSAGE,
      then "warnings N"), or every error as FILE:LINE PATH: MESSAGE and exit 1;
      --strict: warnings are errors (exit 1). CHAPTER is a chapter id (its folder in ${GRAPH_DIR}/)
  npm run graph:review -- --out PATH [--chapter CHAPTER|FILE]
      write the lecturer's review sheet: one static printable HTML page per chapter, slide
      by slide, with the lint's findings; PATH is the file, or a folder for every chapter
      of a course of several (one CHAPTER.html each)
  npm run graph:export -- --format ${EXPORT_FORMATS.join('|')} --out PATH [--in CHAPTER|FILE]
                         [--lang zh-Hant|zh-Hans|en] [--kinds ATTRIBUTE|none]
      compile the chapters (default: every chapter; PATH a folder when there are several,
      CHAPTER.FORMAT each) and write them; --in may also be a GEXF, GraphML or graphology
      JSON file, converted as the app imports it (--kinds: the node attribute giving the
      kinds, or none); --lang: the language of the CSV of propositions (default zh-Hant)
  (or: tsx src/cli/graph.ts check|export|review ...)

exit status: 0 ok, 1 the graph has errors, 2 bad arguments or unreadable input`;

function usageError(io: CliIO, message: string): number {
  io.stderr(`graph: ${message}`);
  io.stderr(USAGE);
  return 2;
}

function printErrors(io: CliIO, errors: readonly GraphError[]): void {
  for (const e of errors) io.stderr(formatError(e));
  io.stderr(`${errors.length} error${errors.length === 1 ? '' : 's'}`);
}

/** A chapter id (a folder of the course), as opposed to a file path. */
const isChapterId = (arg: string): boolean => ID_PATTERN.test(arg) && !/\.(ya?ml|json|gexf|graphml|xml)$/.test(arg);

/** The files `args` name (chapter ids or paths), or every chapter of the course; an exit status after printing when the course cannot be read. */
function targets(io: CliIO, args: readonly string[]): Array<{ id: string | null; file: string }> | number {
  if (args.length > 0) return args.map((a) => (isChapterId(a) ? { id: a, file: chapterPath(a) } : { id: null, file: a }));
  const courseFile = join(GRAPH_DIR, 'course.yaml').replace(/\\/g, '/');
  const src = readSource(io, courseFile);
  if ('error' in src) {
    io.stderr(`graph: ${src.error}`);
    return 2;
  }
  try {
    const readable = (id: string) => {
      try {
        io.readFile(chapterPath(id));
        return true;
      } catch {
        return false;
      }
    };
    const course = parseCourse(src.text, courseFile, readable);
    return course.chapters.map((id) => ({ id, file: chapterPath(id) }));
  } catch (err) {
    if (err instanceof GraphCheckError) {
      printErrors(io, err.errors);
      return 1;
    }
    throw err;
  }
}

function readSource(io: CliIO, file: string): { text: string } | { error: string } {
  try {
    return { text: io.readFile(file) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: `cannot read ${file}${code ? ` (${code})` : ''}` };
  }
}

/** Reads and validates FILE; returns the loaded source, or an exit status after printing. */
function load(io: CliIO, file: string): GraphSource | number {
  const src = readSource(io, file);
  if ('error' in src) {
    io.stderr(`graph: ${src.error}`);
    return 2;
  }
  const loaded = loadGraphSource(
    src.text,
    file,
    (path) => {
      try {
        return io.readFile(path);
      } catch (err) {
        throw new Error((err as NodeJS.ErrnoException).code ?? String(err));
      }
    },
    (path) => {
      try {
        return io.readFile(path);
      } catch (err) {
        // No vocabulary file: the chapter speaks the shared vocabulary.
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  );
  if (loaded.errors.length > 0) {
    printErrors(io, loaded.errors);
    return 1;
  }
  return loaded;
}

function countBy<K extends string>(keys: readonly K[], values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return keys
    .filter((k) => counts.has(k))
    .map((k) => `${k} ${counts.get(k)}`)
    .join(', ');
}

/** The summary `check` prints for a valid graph. */
export function summarize(source: GraphSource): string[] {
  const parsed = source.parsed!;
  const g: AuthoredGraph = parsed.graph;
  const lines = [
    `${parsed.file}: ok`,
    `  chapter  ${g.chapter.id} ${g.chapter.title} (${g.chapter.slides} slide${g.chapter.slides === 1 ? '' : 's'}, ${g.chapter.sections.length} section${g.chapter.sections.length === 1 ? '' : 's'})`,
    `  nodes    ${g.nodes.length}: ${countBy(nodeKindIds(source.vocabulary), g.nodes.map((n) => n.kind))}`,
    `  edges    ${g.edges.length}: ${countBy(edgeKindIds(source.vocabulary), g.edges.map((e) => e.kind))}`,
  ];
  if (source.transcript) {
    const coverage = markedItemCoverage(parsed, source.transcript);
    const covered = coverage.filter((c) => c.nodes.length > 0).length;
    lines.push(`  marked items covered  ${covered}/${coverage.length}`);
  }
  const withNodes = new Set(g.nodes.flatMap((n) => n.slides));
  const all = Array.from({ length: g.chapter.slides }, (_, i) => i + 1);
  const bare = all.filter((s) => !withNodes.has(s));
  lines.push(`  slides covered        ${all.length - bare.length}/${all.length}${bare.length ? ` (no node on slide ${bare.join(', ')})` : ''}`);
  return lines;
}

function check(io: CliIO, argv: string[]): number {
  const strict = argv.includes('--strict');
  const args = argv.filter((a) => a !== '--strict');
  const option = args.find((a) => a.startsWith('-'));
  if (option !== undefined) return usageError(io, `unknown option ${option}`);
  const files = targets(io, args);
  if (typeof files === 'number') return files;
  // Every chapter is checked; the worst outcome is the exit status.
  let status = 0;
  for (const { file } of files) status = Math.max(status, checkOne(io, file, strict));
  return status;
}

function checkOne(io: CliIO, file: string, strict: boolean): number {
  const loaded = load(io, file);
  if (typeof loaded === 'number') return loaded;
  const warnings = lintGraph(loaded.parsed!, loaded.vocabulary);
  if (strict && warnings.length > 0) {
    // --strict: the warnings are errors.
    printErrors(io, warnings);
    return 1;
  }
  for (const line of summarize(loaded)) io.stdout(line);
  for (const w of warnings) io.stdout(formatError(w));
  io.stdout(`warnings ${warnings.length}`);
  return 0;
}

/** Parses `--name value` / `--name=value` options; returns an error message on junk. */
function options(args: string[], names: readonly string[]): Map<string, string> | string {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) return `unexpected argument ${arg}`;
    const name = m[1]!;
    if (!names.includes(name)) return `unknown option --${name}`;
    const value = m[2] ?? args[++i];
    if (value === undefined || value === '') return `--${name} needs a value`;
    if (out.has(name)) return `--${name} given twice`;
    out.set(name, value);
  }
  return out;
}

/** True for an authoring file, which is compiled with its transcript as `check` reads it. */
const isAuthoring = (file: string): boolean => /\.ya?ml$/i.test(file);

/** Compiles an authoring file with its transcript; returns the compiled form or an exit status. */
async function compileAuthoring(io: CliIO, file: string): Promise<CompiledGraph | number> {
  const loaded = load(io, file);
  if (typeof loaded === 'number') return loaded;
  if (!loaded.transcript) {
    io.stderr('graph: the graph has no transcript to compile against (chapter.transcript)');
    return 1;
  }
  try {
    const { compileGraph } = await import('../model/compile');
    return compileGraph(loaded.parsed!, loaded.transcript, { vocabulary: loaded.vocabulary });
  } catch (err) {
    if (err instanceof GraphCheckError) {
      printErrors(io, err.errors);
      return 1;
    }
    io.stderr(`graph: compiling failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

/** Imports a GEXF, GraphML or graphology JSON file as the app does; returns it or an exit status. */
async function importForeign(io: CliIO, file: string, kinds: string | undefined): Promise<CompiledGraph | number> {
  const { checkFileSize } = await import('../io/limits');
  const { importGraphText } = await import('../io/import');
  const { GraphImportError, formatProblem } = await import('../io/problems');
  try {
    if (io.fileSize) checkFileSize(io.fileSize(file), file);
    const src = readSource(io, file);
    if ('error' in src) {
      io.stderr(`graph: ${src.error}`);
      return 2;
    }
    const options = kinds === undefined ? {} : { kindAttribute: kinds === 'none' ? null : kinds };
    const { graph, report } = await importGraphText({ name: file, text: src.text }, options);
    io.stderr(`${file}: ${report.format}, ${report.nodes} nodes, ${report.edges} edges; ${report.notes.join('; ')}`);
    return graph;
  } catch (err) {
    if (err instanceof GraphImportError) {
      for (const p of err.problems) io.stderr(formatProblem(p));
      if (err.total > err.problems.length) io.stderr(`… and ${err.total - err.problems.length} more`);
      io.stderr(`${err.total} error${err.total === 1 ? '' : 's'} (${err.code})`);
      return 1;
    }
    const code = (err as NodeJS.ErrnoException).code;
    io.stderr(`graph: cannot read ${file}${code ? ` (${code})` : ''}`);
    return 2;
  }
}

async function exportGraph(io: CliIO, args: string[]): Promise<number> {
  const opts = options(args, ['format', 'out', 'in', 'lang', 'kinds']);
  if (typeof opts === 'string') return usageError(io, opts);
  const format = opts.get('format');
  const out = opts.get('out');
  if (!format) return usageError(io, `export needs --format ${EXPORT_FORMATS.join('|')}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return usageError(io, `unknown format "${format}": expected one of ${EXPORT_FORMATS.join(', ')}`);
  }
  if (!out) return usageError(io, 'export needs --out PATH');
  const lang = opts.get('lang') ?? 'zh-Hant';
  if (!isLang(lang)) return usageError(io, `unknown language "${lang}": expected zh-Hant, zh-Hans or en`);

  const files = targets(io, opts.has('in') ? [opts.get('in')!] : []);
  if (typeof files === 'number') return files;
  for (const { id, file } of files) {
    if (isAuthoring(file) && opts.has('kinds')) return usageError(io, '--kinds applies to GEXF, GraphML and JSON files; an authoring file names its kinds');
    const compiled = isAuthoring(file) ? await compileAuthoring(io, file) : await importForeign(io, file, opts.get('kinds'));
    if (typeof compiled === 'number') return compiled;
    let text: string;
    if (format === 'json') text = `${JSON.stringify(compiled, null, 2)}\n`;
    else {
      const { default: Graph } = await import('graphology');
      const { exportGraph: write } = await import('../io/export');
      text = write(Graph.from(compiled), format as 'gexf' | 'graphml' | 'csv', lang as Lang);
    }
    const target = files.length > 1 ? join(out, `${id}.${format}`) : out;
    io.writeFile(target, text);
    io.stdout(`wrote ${target}`);
  }
  return 0;
}

/** `review --out PATH [--chapter CHAPTER|FILE]`: writes the lecturer's review sheet of each valid chapter. */
async function review(io: CliIO, args: string[]): Promise<number> {
  const opts = options(args, ['out', 'chapter']);
  if (typeof opts === 'string') return usageError(io, opts);
  const out = opts.get('out');
  if (!out) return usageError(io, 'review needs --out PATH');
  const files = targets(io, opts.has('chapter') ? [opts.get('chapter')!] : []);
  if (typeof files === 'number') return files;
  const { reviewSheet } = await import('./review');
  for (const { id, file } of files) {
    const loaded = load(io, file);
    if (typeof loaded === 'number') return loaded;
    const warnings = lintGraph(loaded.parsed!, loaded.vocabulary);
    const target = files.length > 1 ? join(out, `${id}.html`) : out;
    io.writeFile(target, reviewSheet(loaded.parsed!, loaded.transcript, warnings, loaded.vocabulary));
    io.stdout(`wrote ${target} (${loaded.parsed!.graph.chapter.slides} slides, warnings ${warnings.length})`);
  }
  return 0;
}

/** Runs the CLI on `argv` (without `node script`); resolves to the exit status. */
export async function main(argv: string[], io: CliIO = nodeIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) return usageError(io, 'missing command: check, export or review');
  if (command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (command === 'check') return check(io, rest);
  if (command === 'export') return exportGraph(io, rest);
  if (command === 'review') return review(io, rest);
  return usageError(io, `unknown command "${command}": expected check, export or review`);
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`graph: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
