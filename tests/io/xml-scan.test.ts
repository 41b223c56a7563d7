/**
 * The XML first pass: each error class located, and what passes counted. Bad input first, then
 * the rules (duplicates and missing endpoints refused; self-loops and parallel edges pass).
 */
import { describe, expect, it } from 'vitest';
import { MAX_EDGES, MAX_NODES, MAX_XML_DEPTH } from '../../src/io/limits';
import { formatProblem, GraphImportError } from '../../src/io/problems';
import { bareAmpersand, scanXml, type XmlDialect } from '../../src/io/xml-scan';

function refuse(text: string, dialect: XmlDialect = 'gexf'): GraphImportError {
  try {
    scanXml(text, 'f.xml', dialect);
  } catch (err) {
    expect(err).toBeInstanceOf(GraphImportError);
    return err as GraphImportError;
  }
  throw new Error('accepted');
}

const gexf = (body: string) => `<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph>\n${body}\n</graph>\n</gexf>`;

describe('scanXml refuses', () => {
  it('malformed XML, with line and column', () => {
    const e = refuse(gexf('<nodes><node id="a"></nodes>'));
    expect(e.code).toBe('syntax');
    expect(e.problems[0]).toMatchObject({ line: 4 });
    expect(e.problems[0]!.message).toMatch(/not well-formed XML/);
  });

  it('a bare ampersand, at its own position (not where the parser gives up)', () => {
    const e = refuse(gexf('<nodes>\n  <node id="a" label="R & D"/>\n</nodes>'));
    expect(formatProblem(e.problems[0]!)).toBe('f.xml:5:25: the GEXF is not well-formed XML: a bare "&" in "<node id="a" label="R & D"/>"; write it as &amp;');
    expect(bareAmpersand('<a b="&amp; &#38; &#x26; &lt;"/><!-- & --><![CDATA[ & ]]>')).toBe(-1);
    expect(bareAmpersand('<a>&</a>')).toBe(3);
  });

  it('a truncated file, naming the element left open', () => {
    const e = refuse(gexf('<nodes><node id="a"/></nodes><edges><edge source="a" tar').split('</graph>')[0]!);
    expect(e.code).toBe('syntax');
    expect(e.problems[0]!.message).toMatch(/^the file ends before the XML is complete \(<edges> opened at line 4 is never closed\): it looks truncated/);
  });

  it('entity declarations (billion laughs) before anything expands', () => {
    const e = refuse('<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><gexf><graph/></gexf>');
    expect(e.code).toBe('unsafe');
    expect(e.problems[0]!.message).toMatch(/declares XML entities/);
  });

  it(`nesting deeper than ${MAX_XML_DEPTH}`, () => {
    const e = refuse(`<graphml><graph>${'<data>'.repeat(100_000)}x${'</data>'.repeat(100_000)}</graph></graphml>`, 'graphml');
    expect(e.code).toBe('unsafe');
    expect(e.problems[0]!.where).toBe('<data>');
    expect(e.problems[0]!.message).toMatch(/nested more than 64 deep/);
  });

  it('a root element of another format, an empty file, no <graph>, two GEXF graphs', () => {
    expect(refuse('<graphml><graph/></graphml>', 'gexf').problems[0]!.message).toBe('expected a GEXF file, whose root element is <gexf>; found <graphml>');
    expect(refuse('<svg/>', 'graphml').code).toBe('structure');
    expect(refuse('', 'gexf').code).toBe('syntax');
    expect(refuse('<gexf><meta/></gexf>').problems[0]!.message).toMatch(/no <graph> element/);
    expect(refuse('<gexf><graph/><graph/></gexf>').problems[0]!.message).toMatch(/more than one <graph>/);
  });

  it('nodes without ids and edges without ends', () => {
    const e = refuse(gexf('<nodes><node label="x"/><node id="b"/></nodes><edges><edge source="b"/></edges>'));
    expect(e.code).toBe('structure');
    expect(e.problems.map(formatProblem)).toEqual([
      'f.xml:4:8 <node> #1: a node has no id; give every <node> a unique id="…"',
      'f.xml:4:54 <edge> #1: the edge has no target; every <edge> needs source="…" and target="…" naming nodes',
    ]);
  });

  it('duplicate node ids and duplicate edge ids, each with the first line', () => {
    const nodes = refuse(gexf('<nodes>\n<node id="a"/>\n<node id="a"/>\n</nodes>'));
    expect(nodes.code).toBe('duplicate-node');
    expect(formatProblem(nodes.problems[0]!)).toMatch(/^f\.xml:6:1 <node id="a">: node id "a" is used twice \(first at line 5\)/);
    const edges = refuse(gexf('<nodes><node id="a"/><node id="b"/></nodes><edges>\n<edge id="e" source="a" target="b"/>\n<edge id="e" source="b" target="a"/></edges>'));
    expect(edges.code).toBe('duplicate-edge');
    expect(edges.problems[0]!.message).toMatch(/edge id "e" is used twice \(first at line 5\)/);
  });

  it('edges to undeclared nodes, even when edges come before nodes (GraphML)', () => {
    const e = refuse('<graphml><graph edgedefault="directed"><edge source="a" target="z"/><edge source="y" target="x"/><node id="a"/></graph></graphml>', 'graphml');
    expect(e.code).toBe('missing-endpoint');
    expect(e.problems.map((p) => p.message)).toEqual([
      'node "z" is not declared; Linkage does not create missing nodes: add <node id="z"> or remove the edge',
      'node "y" and node "x" are not declared; Linkage does not create missing nodes: add <node id="y"> and <node id="x"> or remove the edge',
    ]);
  });

  it('hyperedges', () => {
    expect(refuse('<graphml><graph><node id="a"/><hyperedge><endpoint node="a"/></hyperedge></graph></graphml>', 'graphml').problems[0]!.message).toMatch(/hyperedges are not supported/);
  });

  it(`more than ${MAX_NODES} nodes or ${MAX_EDGES} edges, while reading`, () => {
    const many = gexf(`<nodes>${Array.from({ length: MAX_NODES + 5 }, (_, i) => `<node id="${i}"/>`).join('')}</nodes>`);
    const e = refuse(many);
    expect(e.code).toBe('too-many');
    expect(e.problems[0]!.message).toMatch(/more than 100,000 nodes \(the limit\); reading stopped here/);
    const edges = gexf(`<nodes><node id="a"/></nodes><edges>${'<edge source="a" target="a"/>'.repeat(MAX_EDGES + 1)}</edges>`);
    expect(refuse(edges).problems[0]!.message).toMatch(/more than 300,000 edges/);
  }, 30_000);
});

describe('scanXml accepts', () => {
  it('self-loops, parallel edges, edges without ids, any namespace, and counts them', () => {
    const scan = scanXml(
      gexf('<nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="a"/><edge source="a" target="b"/><edge source="a" target="b"/></edges>'),
      'f.gexf',
      'gexf',
    );
    expect(scan).toEqual({ dialect: 'gexf', nodes: 2, edges: 3, version: '1.3', dynamic: false });
  });

  it('dynamic GEXF (its time intervals are ignored later)', () => {
    expect(scanXml('<gexf version="1.1"><graph mode="dynamic"><nodes/></graph></gexf>', 'f', 'gexf')).toMatchObject({ dynamic: true, version: '1.1' });
  });

  it('a DOCTYPE without entities', () => {
    expect(scanXml('<!DOCTYPE graphml SYSTEM "graphml.dtd"><graphml><graph/></graphml>', 'f', 'graphml').nodes).toBe(0);
  });
});
