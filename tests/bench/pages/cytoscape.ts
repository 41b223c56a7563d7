/**
 * Baseline: Cytoscape.js 3.35 (canvas renderer, default performance options), preset positions,
 * no labels. Each change is one `cy.batch` of class changes; Cytoscape.js draws in its own
 * animation frame, so its drawing shows in `jsTotal` rather than in the synchronous `js`.
 */
import cytoscape from 'cytoscape';
import { expose, naiveMatch, type OpArgs, type OpName, type Target } from './probe';

interface Serialized {
  nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
  edges: Array<{ key?: string; source: string; target: string }>;
}

const stage = document.getElementById('stage')!;
let cy: cytoscape.Core;

const style: cytoscape.StylesheetJson = [
  { selector: 'node', style: { 'background-color': 'data(color)', width: 'data(d)', height: 'data(d)' } },
  { selector: 'edge', style: { width: 0.5, 'line-color': '#bbb', 'curve-style': 'haystack' } },
  { selector: '.faded', style: { 'background-color': '#e6e6e6', 'line-color': '#eee' } },
  { selector: '.hidden', style: { display: 'none' } },
  { selector: '.lit', style: { 'line-color': '#555' } },
  { selector: 'node:selected', style: { 'border-width': 2, 'border-color': '#111' } },
];

function fadeAllBut(keep: cytoscape.CollectionReturnValue): void {
  cy.elements().addClass('faded');
  keep.removeClass('faded');
}

const target: Target = {
  async load(text) {
    const data = JSON.parse(text) as Serialized;
    const { width, height } = stage.getBoundingClientRect();
    const elements: cytoscape.ElementDefinition[] = [];
    for (const n of data.nodes) {
      const a = n.attributes;
      elements.push({
        group: 'nodes',
        data: { ...a, id: n.key, d: 2 * Math.max(1.5, Number(a['size'] ?? 2)) },
        position: { x: Number(a['x']) * width, y: -Number(a['y']) * height },
      });
    }
    // Lean graphs leave link keys out (the app's importer gives them keys): the order stands in.
    data.edges.forEach((e, i) => elements.push({ group: 'edges', data: { id: e.key ?? `e${i}`, source: e.source, target: e.target } }));
    const firstRender = new Promise<void>((resolve) => {
      cy = cytoscape({ container: stage, elements, style, layout: { name: 'preset' }, pixelRatio: 1 });
      cy.one('render', () => resolve());
    });
    await firstRender;
  },
  prepare(op: OpName, a: OpArgs) {
    if (op === 'search') cy.batch(() => fadeAllBut(cy.nodes().filter((n) => naiveMatch(n.data(), a.queryBefore))));
    else if (op === 'focus') cy.batch(() => cy.$id(a.select).select());
  },
  apply(op: OpName, a: OpArgs) {
    cy.batch(() => {
      switch (op) {
        case 'search':
          fadeAllBut(cy.nodes().filter((n) => naiveMatch(n.data(), a.queryAfter)));
          break;
        case 'hover':
          fadeAllBut(cy.$id(a.hover).closedNeighborhood());
          break;
        case 'select': {
          const node = cy.$id(a.select);
          node.select();
          fadeAllBut(node.closedNeighborhood());
          break;
        }
        case 'focus': {
          const around = cy.$id(a.select).closedNeighborhood().closedNeighborhood();
          cy.elements().not(around).addClass('hidden');
          break;
        }
        case 'path': {
          const found = cy.elements().aStar({ root: cy.$id(a.pathFrom), goal: cy.$id(a.pathTo), directed: false });
          fadeAllBut(found.path);
          found.path.edges().addClass('lit');
          break;
        }
        case 'filter': {
          const hidden = new Set(a.hiddenSections);
          cy.nodes()
            .filter((n) => hidden.has(n.data('section')))
            .addClass('hidden');
          break;
        }
      }
    });
  },
  reset() {
    cy.batch(() => {
      cy.elements().removeClass('faded hidden lit');
      cy.elements().unselect();
    });
  },
  stage: () => stage,
  visibleNodes: () => cy.nodes().filter((n) => !n.hasClass('hidden')).length,
};

expose(target);
