/**
 * The script injected before any page script (`page.addInitScript`): it times every event
 * listener, animation-frame, timeout, interval and observer callback the page runs, so the benchmark can
 * read how much main-thread JavaScript ran between two moments, whichever library ran it.
 * Kept as plain JavaScript text: it must run before the page's own modules, in every page.
 */
export const INSTRUMENT = String.raw`
(() => {
  if (window.__benchAcc) return;
  const now = performance.now.bind(performance);
  // js: ms spent in instrumented callbacks (outermost only); depth: nesting guard.
  const acc = { js: 0, depth: 0, callbacks: 0 };
  Object.defineProperty(window, '__benchAcc', { value: acc });
  const raf = window.requestAnimationFrame.bind(window);
  const caf = window.cancelAnimationFrame.bind(window);
  Object.defineProperty(window, '__benchRaf', { value: raf });
  const timed = (fn, self, args) => {
    if (acc.depth > 0) return fn.apply(self, args);
    acc.depth++;
    const t0 = now();
    try {
      return fn.apply(self, args);
    } finally {
      acc.js += now() - t0;
      acc.callbacks++;
      acc.depth--;
    }
  };
  window.requestAnimationFrame = function (cb) {
    return raf(function (t) { return timed(cb, this, [t]); });
  };
  window.cancelAnimationFrame = caf;
  const st = window.setTimeout.bind(window);
  const si = window.setInterval.bind(window);
  window.setTimeout = function (cb, ms, ...rest) {
    if (typeof cb !== 'function') return st(cb, ms, ...rest);
    return st(function () { return timed(cb, this, rest); }, ms);
  };
  window.setInterval = function (cb, ms, ...rest) {
    if (typeof cb !== 'function') return si(cb, ms, ...rest);
    return si(function () { return timed(cb, this, rest); }, ms);
  };
  const wrappers = new WeakMap();
  const wrap = (listener) => {
    if (listener === null || (typeof listener !== 'function' && typeof listener !== 'object')) return listener;
    let w = wrappers.get(listener);
    if (w === undefined) {
      w = typeof listener === 'function'
        ? function (ev) { return timed(listener, this, [ev]); }
        : function (ev) { return timed(listener.handleEvent, listener, [ev]); };
      wrappers.set(listener, w);
    }
    return w;
  };
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    return add.call(this, type, wrap(listener), options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    return remove.call(this, type, (listener && wrappers.get(listener)) || listener, options);
  };
  // Observer callbacks (a view that redraws on resize pays there).
  for (const name of ['ResizeObserver', 'MutationObserver', 'IntersectionObserver']) {
    const Base = window[name];
    if (typeof Base !== 'function') continue;
    const Wrapped = class extends Base {
      constructor(cb, ...rest) {
        super(function (...args) { return timed(cb, this, args); }, ...rest);
      }
    };
    window[name] = Wrapped;
  }
  // Long tasks, from the start: the benchmark reads those inside the window it measures.
  const longTasks = [];
  Object.defineProperty(window, '__benchLongTasks', { value: longTasks });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();
`;
