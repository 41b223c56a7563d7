/**
 * The chapter map's first frame (src/views/map/renderer.ts, gpu-layers.ts), in real headless
 * Chromium, from a log of the page's WebGL calls and of the names painted: the programs it draws
 * with were made and drawn once before the map was built (so the GPU had them ready), it draws no
 * picking pass, its WebGL work is sent to the GPU before the first name is painted, and right
 * after it the picking pass is drawn, so that the map answers the pointer.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sharedBrowser } from './browser';
import { nodeUnderPointer, state, waitReady } from './harness';
import { openTab } from './tabs';

const browser = sharedBrowser();

/**
 * Logs, in order, every WebGL draw (its context, program and frame buffer), copy and flush, and
 * every name painted on the map's names layer; each entry says whether the app had published
 * itself yet (`window.linkage`, set in the task that draws the map's first frame, right after it).
 */
const SPY = String.raw`(() => {
  const log = (window.__glLog = []);
  let published = false, value;
  Object.defineProperty(window, 'linkage', { configurable: true, enumerable: true, get() { return value; }, set(v) { value = v; published = true; } });
  const ids = new WeakMap();
  let next = 0;
  const idOf = (o) => { if (!o) return null; if (!ids.has(o)) ids.set(o, ++next); return ids.get(o); };
  for (const C of [WebGLRenderingContext, WebGL2RenderingContext]) {
    const P = C.prototype;
    for (const name of ['drawArrays', 'drawArraysInstanced', 'drawElements', 'drawElementsInstanced']) {
      const f = P[name];
      if (!f) continue;
      P[name] = function (...args) {
        log.push({ op: 'draw', gl: idOf(this), program: idOf(this.getParameter(this.CURRENT_PROGRAM)), fb: this.getParameter(this.FRAMEBUFFER_BINDING), published });
        return f.apply(this, args);
      };
    }
    for (const name of ['copyTexSubImage2D', 'flush']) {
      const f = P[name];
      P[name] = function (...args) { log.push({ op: name, gl: idOf(this), published }); return f.apply(this, args); };
    }
  }
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (...args) {
    if (this.canvas.classList.contains('sigma-labels')) log.push({ op: 'name', published });
    return fill.apply(this, args);
  };
})();`;

interface Report {
  /** Programs drawn onto a canvas in the first frame, and of those, the ones whose first draw ever that was. */
  firstFrame: { programs: number; unprepared: number; pickingDraws: number; names: number };
  /** Contexts drawn on in the first frame, and those whose work was copied from and flushed between their last draw and the first name. */
  contexts: { drawn: number; sent: number };
  /** Picking passes drawn after the first frame. */
  pickingAfter: number;
}

describe('the chapter map’s first frame', () => {
  it('draws with programs prepared before the map was built, no picking pass, and sends its WebGL work before the names; the picking pass follows and the map answers the pointer', async () => {
    const url = inject('baseUrl') + '#lang=en';
    const { page, close } = await openTab(browser(), url, { own: true });
    try {
      await page.addInitScript({ content: SPY });
      await page.goto(url);
      await waitReady(page);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
      const report: Report = await page.evaluate(() => {
        type Entry = { op: string; gl?: number; program?: number; fb?: unknown; published: boolean };
        const log = (window as any).__glLog as Entry[];
        const picking = (window as any).linkage.net.renderer.frameBuffers.nodes;
        const before = log.filter((e) => !e.published);
        const canvasDraws = before.filter((e) => e.op === 'draw' && e.fb === null);
        const programs = [...new Set(canvasDraws.map((e) => e.program))];
        const unprepared = programs.filter((p) => log.find((e) => e.op === 'draw' && e.program === p)!.fb === null);
        const firstName = log.findIndex((e) => e.op === 'name');
        const contexts = [...new Set(canvasDraws.map((e) => e.gl))];
        const sent = contexts.filter((gl) => {
          let last = -1;
          log.forEach((e, i) => {
            if (i < firstName && e.op === 'draw' && e.gl === gl && e.fb === null) last = i;
          });
          const copy = log.findIndex((e, i) => i > last && i < firstName && e.op === 'copyTexSubImage2D' && e.gl === gl);
          return copy > 0 && log.some((e, i) => i > copy && i < firstName && e.op === 'flush' && e.gl === gl);
        });
        return {
          firstFrame: { programs: programs.length, unprepared: unprepared.length, pickingDraws: before.filter((e) => e.op === 'draw' && e.fb === picking).length, names: before.filter((e) => e.op === 'name').length },
          contexts: { drawn: contexts.length, sent: sent.length },
          pickingAfter: log.filter((e) => e.published && e.op === 'draw' && e.fb === picking).length,
        };
      });
      // Nodes, straight links with and without arrowheads, curved links: each prepared.
      expect(report.firstFrame.programs).toBeGreaterThanOrEqual(4);
      expect(report.firstFrame.unprepared).toBe(0);
      expect(report.firstFrame.pickingDraws).toBe(0);
      expect(report.firstFrame.names).toBeGreaterThan(50);
      // The links' layer and the nodes' layer.
      expect(report.contexts.drawn).toBe(2);
      expect(report.contexts.sent).toBe(2);
      expect(report.pickingAfter).toBeGreaterThan(0);

      const target = await nodeUnderPointer(page);
      expect(target).not.toBeNull();
      await page.mouse.move(target!.x, target!.y);
      await expect.poll(async () => (await state(page)).hovered).toBe(target!.key);
    } finally {
      await close();
    }
  });
});
