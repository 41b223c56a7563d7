/**
 * The SCORM package (src/cli/scorm.ts, src/lms/manifest.ts): the manifest of each version valid
 * against the SCORM schemas (offline, libxml2 in WebAssembly), its identifier, titles, SCO, launch
 * parameters and mastery threshold; every file of the zip listed and every listed file in the zip;
 * the starting view checked against the app's URL keys. Built on a small stand-in site (the
 * browser test packages the real one).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Document as XmlDocument, type Element as XmlElement } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePackage, parseMastery, type PackageInput } from '../../src/cli/scorm';
import { parseLaunch } from '../../src/lms/config';
import type { ScormVersion } from '../../src/lms/find-api';
import { MANIFEST_FILE, SCHEMAS } from '../../src/lms/manifest';
import type { CompiledGraph } from '../../src/model/types';
import { compiledChapter } from '../helpers/chapter';
import { schemaErrors } from './xsd';

let dist = '';
let graph: CompiledGraph;
const SITE = ['index.html', 'sw.js', 'manifest.webmanifest', 'assets/index-abc.js', 'assets/index-abc.css', 'icons/icon 192.png'];

beforeAll(() => {
  graph = compiledChapter();
  dist = mkdtempSync(join(tmpdir(), 'linkage-scorm-site-'));
  for (const f of SITE) {
    mkdirSync(join(dist, f, '..'), { recursive: true });
    writeFileSync(join(dist, f), `<!-- ${f} -->`);
  }
  // Vite's own manifest folder is not part of the site.
  mkdirSync(join(dist, '.vite'));
  writeFileSync(join(dist, '.vite', 'manifest.json'), '{}');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const input = (version: ScormVersion, over: Partial<PackageInput> = {}): PackageInput => ({
  version,
  distDir: dist,
  chapterId: 'chapter-02',
  defaultChapter: true,
  graph,
  course: { title: '電子政務概論', titleEn: 'Introduction to E-Government' },
  start: 'mode=revision',
  mastery: 0.8,
  ...over,
});

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const byTag = (node: XmlDocument | XmlElement, tag: string): XmlElement[] => Array.from(node.getElementsByTagName(tag));

describe.each(['1.2', '2004'] as const)('SCORM %s package', (version) => {
  it('its manifest is valid against the SCORM schemas', async () => {
    const pkg = makePackage(input(version));
    expect(await schemaErrors(version, pkg.manifest)).toEqual([]);
  }, 30_000);

  it('the schemas catch a broken manifest (the validation is real)', async () => {
    const pkg = makePackage(input(version));
    // 1.2's CP schema checks the ADL attributes strictly; 2004's takes them laxly (libxml2 then
    // leaves them unchecked: the test below checks scormType itself), but checks the sequencing.
    const broken = version === '1.2' ? pkg.manifest.replace('scormtype="sco"', 'scormtype="lesson"') : pkg.manifest.replace('>0.8</imsss:minNormalizedMeasure>', '>1.5</imsss:minNormalizedMeasure>');
    expect((await schemaErrors(version, broken)).join('\n')).toMatch(version === '1.2' ? /lesson/ : /1\.5/);
    expect((await schemaErrors(version, pkg.manifest.replace('<organizations', '<organisations').replace('</organizations>', '</organisations>'))).length).toBeGreaterThan(0);
  }, 30_000);

  it('names the chapter in 繁體 and English, launches index.html as its one SCO with the package parameters and threshold', () => {
    const pkg = makePackage(input(version, { mastery: 0.75 }));
    const doc = parse(pkg.manifest);
    expect(doc.documentElement!.getAttribute('identifier')).toBe('linkage-chapter-02');
    const item = byTag(doc, 'item');
    expect(item).toHaveLength(1);
    expect(byTag(item[0]!, 'title')[0]!.textContent).toBe('電子政務與傳統管理 · E-Government and Traditional Management');
    expect(byTag(doc, 'organization')[0]!.getElementsByTagName('title')[0]!.textContent).toBe('電子政務概論 · Introduction to E-Government');
    const scos = byTag(doc, 'resource').filter((r) => (r.getAttribute('adlcp:scormtype') ?? r.getAttribute('adlcp:scormType')) === 'sco');
    expect(scos).toHaveLength(1);
    const types = byTag(doc, 'resource').map((r) => r.getAttribute(version === '1.2' ? 'adlcp:scormtype' : 'adlcp:scormType'));
    expect(types).toEqual(['sco', 'asset']);
    expect(scos[0]!.getAttribute('href')).toBe('index.html');
    expect(item[0]!.getAttribute('identifierref')).toBe(scos[0]!.getAttribute('identifier'));
    const parameters = item[0]!.getAttribute('parameters')!;
    expect(parameters).toBe(`?lms=${version === '1.2' ? 'scorm12' : 'scorm2004'}&mastery=0.75&activity=revision#mode=revision`);
    expect(parseLaunch(parameters.slice(0, parameters.indexOf('#')))).toEqual({ version, mastery: 0.75, activity: { kind: 'revision' } });
    if (version === '1.2') expect(byTag(doc, 'adlcp:masteryscore')[0]!.textContent).toBe('75');
    else {
      const objective = byTag(doc, 'imsss:primaryObjective')[0]!;
      expect(objective.getAttribute('satisfiedByMeasure')).toBe('true');
      expect(byTag(objective, 'imsss:minNormalizedMeasure')[0]!.textContent).toBe('0.75');
    }
  });

  it('lists every file of the zip, and the zip holds every file listed (the site, the schema files, the manifest at the root)', () => {
    const pkg = makePackage(input(version));
    const zip = unzipSync(pkg.zip);
    const inZip = Object.keys(zip).sort();
    expect(strFromU8(zip[MANIFEST_FILE]!)).toBe(pkg.manifest);
    const listed = byTag(parse(pkg.manifest), 'file').map((f) => decodeURIComponent(f.getAttribute('href')!));
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed, MANIFEST_FILE].sort()).toEqual(inZip);
    expect(inZip).toEqual([...SITE, ...SCHEMAS[version].files, MANIFEST_FILE].sort());
    // A name with a space is listed as a URL.
    expect(pkg.manifest).toContain('href="icons/icon%20192.png"');
    // The same site makes the same zip.
    expect(makePackage(input(version)).zip).toEqual(pkg.zip);
  });
});

describe('the starting view', () => {
  it('a map exercise (Build mode) is the activity reported', () => {
    const pkg = makePackage(input('2004', { start: '#mode=build&ex=kit&scope=slides:6-13' }));
    expect(pkg.activity).toEqual({ kind: 'exercise', type: 'kit', scope: 'slides:6-13' });
    expect(pkg.parameters).toBe('?lms=scorm2004&mastery=0.8&activity=exercise%3Akit%3Aslides%3A6-13#mode=build&ex=kit&scope=slides:6-13');
    expect(parseLaunch(pkg.parameters.split('#')[0]!).activity).toEqual({ kind: 'exercise', type: 'kit', scope: 'slides:6-13' });
  });

  it('unknown keys, bad values and slides the chapter does not have are refused with the reason', () => {
    expect(() => makePackage(input('1.2', { start: 'mode=revisoin' }))).toThrow(/--start: .*mode/);
    expect(() => makePackage(input('1.2', { start: 'mode=build&scope=slides:6-99' }))).toThrow(/--start: .*scope/);
    expect(() => makePackage(input('1.2', { start: 'colour=red' }))).toThrow(/--start: /);
    expect(() => makePackage(input('1.2', { start: 'ch=chapter-02' }))).toThrow(/--chapter/);
  });

  it('a chapter other than the default one is named in the launch hash', () => {
    const pkg = makePackage(input('1.2', { defaultChapter: false, start: 'mode=revision' }));
    expect(pkg.parameters.endsWith('#ch=chapter-02&mode=revision')).toBe(true);
  });

  it('a site that was not built is refused', () => {
    expect(() => makePackage(input('1.2', { distDir: join(dist, 'nowhere') }))).toThrow(/build the site first/);
  });

  it('the bridge reads garbled launch parameters as the defaults (revision, no threshold, either version)', () => {
    expect(parseLaunch('?lms=scorm3&mastery=2&activity=bogus')).toEqual({ version: null, mastery: null, activity: { kind: 'revision' } });
    expect(parseLaunch('')).toEqual({ version: null, mastery: null, activity: { kind: 'revision' } });
    expect(parseLaunch('?lms=scorm2004&mastery=0&activity=revision')).toEqual({ version: '2004', mastery: 0, activity: { kind: 'revision' } });
  });

  it('reads the threshold as a share or a percentage', () => {
    expect(parseMastery('0.8')).toBe(0.8);
    expect(parseMastery('75%')).toBe(0.75);
    expect(parseMastery('1')).toBe(1);
    for (const bad of ['80', '1.5', '-0.1', 'x', '120%']) expect(parseMastery(bad), bad).toBeNull();
  });
});
