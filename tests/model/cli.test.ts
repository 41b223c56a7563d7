import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

const ROOT = process.cwd();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A temp folder holding a graph file and a copy of the chapter transcript beside it. */
function workspace(yaml: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'linkage-cli-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'graph/chapter-02/chapter-02.md'), join(dir, 'source/chapter-02.md'));
  const file = join(dir, 'chapter-02.yaml');
  writeFileSync(file, yaml);
  return { dir, file };
}

/** Runs the real command line, as `npm run graph:check` does. */
function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'src/cli/graph.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `main` in-process against an in-memory IO. */
const runInProcess = (args: string[], files: Record<string, string> = {}) => runCli(args, { files });

const BROKEN = `chapter:
  id: chapter-02
  title: 電子政務與傳統管理
  en: E-Government and Traditional Management
  transcript: source/chapter-02.md
  slides: 20
  sections: []
nodes:
  - id: tr.function
    kind: transformation
    label: 行政職能由管制職能轉變為服務職能
    en: Administrative functions shift from regulation to service
    slides: [7]
    quote: 行政職能由管制職能轉變為服務職能
  - id: st.service
    kind: state
    label: 服務職能
    en: Service
    slides: [7]
    quote: 服務職能
edges:
  - { source: tr.functon, kind: to, target: st.service, slides: [7] }
`;

describe('graph check (spawned)', () => {
  it('exits 1 and prints located errors on stderr for a broken file', () => {
    const { file } = workspace(BROKEN);
    const r = run(['check', file]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('chapter-02.yaml:22 edges[0].source: no node "tr.functon" (did you mean "tr.function"?)');
    expect(lines).toContain(
      'chapter-02.yaml:9 nodes[0]: transformation "tr.function" has no outgoing "from" edge: expected exactly one, to its old state (add { source: tr.function, kind: from, target: … })',
    );
    expect(lines).toContain(
      'chapter-02.md:58 slide 8: marked item "行政過程由暗箱操作向行政公開轉化" (★) is not represented by any node (expected a node whose quote contains "行政過程由暗箱操作向行政公開轉化")',
    );
    expect(lines.at(-1)).toMatch(/^\d+ errors$/);
    expect(r.stdout).toBe('');
  }, 60_000);


  it('exits 0 with a summary for graph/chapter-02/chapter-02.yaml', () => {
    const r = run(['check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^graph\/chapter-02\/chapter-02\.yaml: ok$/m);
    expect(r.stdout).toMatch(/^ {2}nodes {4}\d+: chapter 1, section 4, /m);
    expect(r.stdout).toMatch(/^ {2}marked items covered {2}47\/47$/m);
    expect(r.stdout).toMatch(/^ {2}slides covered {8}20\/20$/m);
  }, 60_000);
});

describe('graph CLI (in process)', () => {
  it('prints usage and exits 2 on bad arguments', async () => {
    for (const args of [[], ['frobnicate'], ['check', '--strong'], ['review'], ['review', '--out'], ['review', '--out', 'x.html', '--lang', 'en'], ['export', '--out', 'x.json'], ['export', '--format', 'json'], ['export', '--format', 'pdf', '--out', 'x'], ['export', '--format', 'json', '--out']]) {
      const r = await runInProcess(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^graph: .+\nusage:/);
    }
    const help = await runInProcess(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage:/);
  });

  it('takes chapters by id, and checks every chapter of the course without one', async () => {
    const files = { 'graph/course.yaml': 'title: 課\nen: C\nchapters: [a, b]\n', 'graph/a/a.yaml': 'x', 'graph/b/b.yaml': 'y' };
    // Every chapter is read, in course order; each reports its own errors.
    const all = await runInProcess(['check'], files);
    expect(all.status).toBe(1);
    expect(all.stderr).toMatch(/^a\.yaml:1: [^\n]+\n1 error\nb\.yaml:1: [^\n]+\n1 error$/);
    const one = await runInProcess(['check', 'b'], files);
    expect(one.stderr).toMatch(/^b\.yaml:1: /);
    const missing = await runInProcess(['check', 'a', 'c'], files);
    expect(missing).toMatchObject({ status: 2 });
    expect(missing.stderr).toMatch(/graph: cannot read graph\/c\/c\.yaml \(ENOENT\)$/);
    // A course listing a chapter without its folder.
    const broken = await runInProcess(['check'], { 'graph/course.yaml': 'title: 課\nen: C\nchapters: [a, d]\n', 'graph/a/a.yaml': 'x' });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('course.yaml:3 chapters[1]: no chapter folder "d" beside the course file');
  });

  it('refuses an unknown language for the CSV (the other formats are tested in tests/io/cli-export.test.ts)', async () => {
    const r = await runInProcess(['export', '--format', 'csv', '--lang', 'fr', '--out', 'x.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^graph: unknown language "fr": expected zh-Hant, zh-Hans or en\nusage:/);
  });

  it('exits 2 when the file cannot be read, and 1 when its transcript cannot', async () => {
    const missing = await runInProcess(['check', 'nowhere.yaml']);
    expect(missing).toMatchObject({ status: 2, stderr: 'graph: cannot read nowhere.yaml (ENOENT)' });
    const noTranscript = await runInProcess(['check', 'g/x.yaml'], { 'g/x.yaml': BROKEN });
    expect(noTranscript.status).toBe(1);
    expect(noTranscript.stderr.split('\n')[0]).toBe(
      'x.yaml:5 chapter.transcript: cannot read the transcript g/source/chapter-02.md (ENOENT); the path is relative to this file',
    );
  });

  // In process: the spawned tests above show the real command line's exit codes and streams.
  it('exits 1 with the YAML error located when the file is malformed', async () => {
    const r = await runInProcess(['check', 'g/chapter-02.yaml'], {
      'g/chapter-02.yaml': BROKEN.replace('slides: [7]\n    quote: 服務職能', 'slides: [7\n    quote: 服務職能'),
      'g/source/chapter-02.md': readFileSync('graph/chapter-02/chapter-02.md', 'utf8'),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^chapter-02\.yaml:\d+ nodes\[1\]\S*: malformed YAML: /m);
    expect(r.stdout).toBe('');
  });

  it('does not export a graph with errors', async () => {
    const r = await runInProcess(['export', '--format', 'json', '--in', 'g/x.yaml', '--out', 'out.json'], {
      'g/x.yaml': BROKEN,
      'g/source/chapter-02.md': readFileSync('graph/chapter-02/chapter-02.md', 'utf8'),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('x.yaml:22 edges[0].source: no node "tr.functon" (did you mean "tr.function"?)');
    expect(r.written.size).toBe(0);
  });

  it('exports graph/chapter-02/chapter-02.yaml as graphology JSON', async () => {
    const files = {
      'graph/course.yaml': readFileSync('graph/course.yaml', 'utf8'),
      'graph/chapter-02/chapter-02.yaml': readFileSync('graph/chapter-02/chapter-02.yaml', 'utf8'),
      'graph/chapter-02/chapter-02.md': readFileSync('graph/chapter-02/chapter-02.md', 'utf8'),
    };
    const r = await runInProcess(['export', '--format=json', '--out', 'dist/graph.json'], files);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.written.get('dist/graph.json')!) as { attributes: { id: string }; nodes: Array<{ key: string }>; edges: unknown[] };
    expect(json.attributes.id).toBe('chapter-02');
    expect(json.nodes.map((n) => n.key)).toContain('tr.function');
    expect(json.edges.length).toBeGreaterThan(0);
  }, 60_000); // compiling lays the chapter out (a few seconds)
});

describe('graph check: lint warnings and --strict', () => {
  const clean = readFileSync('tests/fixtures/lint/clean.yaml', 'utf8');
  const md = readFileSync('tests/fixtures/lint/source/chapter-01.md', 'utf8');
  const warned = clean.replace('en: Public participation,', 'en: The public takes part,');
  const files = (yaml: string) => ({ 'g/chapter-01.yaml': yaml, 'g/source/chapter-01.md': md });

  it('prints the warnings after the summary and exits 0; --strict makes them errors and exits 1', async () => {
    const warning = 'chapter-01.yaml:24 nodes[7].en: English label "The public takes part" is not a noun phrase: it holds the finite verb "takes"; a sentence uses it as a subject or object, so name the thing (rewrite it as a noun phrase)';
    const lax = await runInProcess(['check', 'g/chapter-01.yaml'], files(warned));
    expect(lax.status).toBe(0);
    expect(lax.stderr).toBe('');
    expect(lax.stdout.split('\n').slice(-2)).toEqual([warning, 'warnings 1']);
    for (const args of [['check', '--strict', 'g/chapter-01.yaml'], ['check', 'g/chapter-01.yaml', '--strict']]) {
      const strict = await runInProcess(args, files(warned));
      expect(strict.status, args.join(' ')).toBe(1);
      expect(strict.stdout).toBe('');
      expect(strict.stderr.split('\n')).toEqual([warning, '1 error']);
    }
  });

  it('passes --strict on a clean file', async () => {
    const r = await runInProcess(['check', '--strict', 'g/chapter-01.yaml'], files(clean));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^g\/chapter-01\.yaml: ok$/m);
    expect(r.stdout.split('\n').at(-1)).toBe('warnings 0');
  });

  it('exits 1 under --strict from the real command line', () => {
    // The same file passes without --strict: shown in process above, and the real command line's
    // exit 0 by the chapter's check.
    const { dir, file } = workspace(warned);
    cpSync(join(ROOT, 'tests/fixtures/lint/source/chapter-01.md'), join(dir, 'source/chapter-01.md'));
    const r = run(['check', '--strict', file]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('1 error');
  }, 60_000);

  it('writes the review sheet, and refuses a graph with errors', async () => {
    const r = await runInProcess(['review', '--chapter', 'g/chapter-01.yaml', '--out', 'out/review.html'], files(warned));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('wrote out/review.html (3 slides, warnings 1)');
    expect(r.written.get('out/review.html')).toMatch(/^<!doctype html>/);
    const broken = await runInProcess(['review', '--chapter', 'g/x.yaml', '--out', 'out/review.html'], { 'g/x.yaml': BROKEN });
    expect(broken.status).toBe(1);
    expect(broken.written.size).toBe(0);
  });
});
