// @vitest-environment jsdom
/**
 * The quiet-page wait (util/quiet.ts): the function runs once the loaded page has been left
 * alone for the time asked, and input, a change of what is shown or a long job puts it off.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdQuiet, pageActivity, whenQuiet } from '../../src/util/quiet';

describe('whenQuiet', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once the page has been left alone for the time asked, and only once', () => {
    const run = vi.fn();
    whenQuiet(4000, run);
    vi.advanceTimersByTime(3999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    pageActivity();
    window.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(10_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('starts the wait again on input and on a change of what is shown', () => {
    const run = vi.fn();
    whenQuiet(4000, run);
    vi.advanceTimersByTime(3000);
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(3000);
    document.body.dispatchEvent(new Event('input', { bubbles: true }));
    vi.advanceTimersByTime(3000);
    pageActivity();
    vi.advanceTimersByTime(3999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits while a long job holds the page, then the full time after it ends', () => {
    const run = vi.fn();
    whenQuiet(4000, run);
    const release = holdQuiet();
    vi.advanceTimersByTime(60_000);
    expect(run).not.toHaveBeenCalled();
    release();
    release(); // a second release changes nothing
    vi.advanceTimersByTime(3999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does not start before the page has loaded, and can be cancelled', () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const run = vi.fn();
    whenQuiet(4000, run);
    vi.advanceTimersByTime(60_000);
    expect(run).not.toHaveBeenCalled();
    readyState.mockReturnValue('complete');
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(4000);
    expect(run).toHaveBeenCalledTimes(1);

    const never = vi.fn();
    const cancel = whenQuiet(4000, never);
    vi.advanceTimersByTime(2000);
    cancel();
    vi.advanceTimersByTime(60_000);
    expect(never).not.toHaveBeenCalled();
    readyState.mockRestore();
  });
});
