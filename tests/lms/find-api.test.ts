/**
 * Finding the LMS's API (src/lms/find-api.ts) in fake window trees: on the window, up the parents,
 * on the opener and its parents; the version asked for first; windows of another origin passed
 * over; no API, no LMS.
 */
import { describe, expect, it } from 'vitest';
import { findLmsApi, type WindowLike } from '../../src/lms/find-api';
import { fakeLms } from './fake-lms';

interface FakeWindow extends WindowLike {
  parent: FakeWindow | null;
  opener: FakeWindow | null;
  [name: string]: unknown;
}

/** A top window and `depth` frames nested under it; returns the innermost. */
function frames(depth: number, top: Record<string, unknown> = {}): { top: FakeWindow; inner: FakeWindow } {
  const topWin = { ...top, opener: null } as FakeWindow;
  topWin.parent = topWin; // a top window is its own parent
  let inner = topWin;
  for (let i = 0; i < depth; i++) inner = { parent: inner, opener: null } as FakeWindow;
  return { top: topWin, inner };
}

const api12 = () => fakeLms('1.2').found.runtime;
const api2004 = () => fakeLms('2004').found.runtime;

describe('finding the LMS API', () => {
  it('none anywhere: no LMS', () => {
    expect(findLmsApi(frames(3).inner)).toBeNull();
  });

  it('on a parent a few frames up, either version', () => {
    const a = frames(4, { API: api12() });
    expect(findLmsApi(a.inner)?.version).toBe('1.2');
    const b = frames(2, { API_1484_11: api2004() });
    expect(findLmsApi(b.inner)?.version).toBe('2004');
  });

  it('on the opener (the LMS opened the package in a new window) or the opener’s parents', () => {
    const lms = frames(2, { API_1484_11: api2004() });
    const popup = frames(1);
    popup.top.opener = lms.inner;
    expect(findLmsApi(popup.inner)).toBeNull(); // the inner frame's own opener is null…
    expect(findLmsApi(popup.top)?.version).toBe('2004'); // …the popup's top window has one
  });

  it('prefers the version the package was made for, else 2004', () => {
    const both = frames(1, { API: api12(), API_1484_11: api2004() });
    expect(findLmsApi(both.inner)?.version).toBe('2004');
    expect(findLmsApi(both.inner, '1.2')?.version).toBe('1.2');
    expect(findLmsApi(both.inner, '2004')?.version).toBe('2004');
    // The preferred version on the opener still wins over the other one in the frames.
    const lms = frames(0, { API: api12() });
    const page = frames(1, { API_1484_11: api2004() });
    page.inner.opener = lms.top;
    expect(findLmsApi(page.inner, '1.2')?.version).toBe('1.2');
  });

  it('passes over a window of another origin (reading it throws) and keeps searching above it', () => {
    const { top, inner } = frames(3, { API: api12() });
    const foreign = inner.parent!;
    Object.defineProperty(foreign, 'API', { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } });
    Object.defineProperty(foreign, 'API_1484_11', { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } });
    expect(findLmsApi(inner)?.runtime).toBe(top['API']);
    // A parent that cannot even be named ends the walk up, without an error.
    const sealed = { opener: null } as FakeWindow;
    Object.defineProperty(sealed, 'parent', { get: () => { throw new DOMException('Blocked', 'SecurityError'); } });
    expect(findLmsApi(sealed)).toBeNull();
  });

  it('an object without the runtime’s functions is not an API; the depth is limited', () => {
    expect(findLmsApi(frames(1, { API: { LMSInitialize: () => 'true' } }).inner)).toBeNull();
    expect(findLmsApi(frames(1, { API: 'yes' }).inner)).toBeNull();
    const deep = frames(12, { API: api12() });
    expect(findLmsApi(deep.inner, null, 10)).toBeNull();
    expect(findLmsApi(deep.inner, null, 12)?.version).toBe('1.2');
  });
});
