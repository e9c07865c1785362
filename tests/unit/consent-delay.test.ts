import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_DELAY_MS, type ConsentView, watchConsentDelay } from '../../lib/consent-delay';

/** A window stand-in whose focus and visibility the test sets, firing the events a browser would. */
function fakeView(initially: { focused: boolean; visible: boolean }) {
  const state = { ...initially };
  const win = new EventTarget();
  const doc = new EventTarget();
  Object.defineProperties(doc, {
    visibilityState: { get: () => (state.visible ? 'visible' : 'hidden') },
    hasFocus: { value: () => state.focused },
  });
  const view = Object.assign(win, {
    document: doc,
    setTimeout: (handler: () => void, ms: number) => setTimeout(handler, ms) as unknown as number,
    clearTimeout: (id: number | undefined) => clearTimeout(id),
  }) as unknown as ConsentView;
  return {
    view,
    focus() {
      state.focused = true;
      win.dispatchEvent(new Event('focus'));
    },
    blur() {
      // A browser fires blur while the document may still report focus.
      win.dispatchEvent(new Event('blur'));
      state.focused = false;
    },
    hide() {
      state.visible = false;
      doc.dispatchEvent(new Event('visibilitychange'));
    },
    show() {
      state.visible = true;
      doc.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

let ready: boolean[];
const latest = () => ready.at(-1);

beforeEach(() => {
  vi.useFakeTimers();
  ready = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchConsentDelay', () => {
  it('is 750 ms', () => {
    expect(CONSENT_DELAY_MS).toBe(750);
  });

  it('a shown, focused window is ready after the delay, not a moment before', () => {
    const { view } = fakeView({ focused: true, visible: true });
    watchConsentDelay(view, (r) => ready.push(r));
    expect(latest()).toBe(false);
    vi.advanceTimersByTime(749);
    expect(latest()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(latest()).toBe(true);
  });

  it('a window that opened without focus waits for focus, then the whole delay', () => {
    const w = fakeView({ focused: false, visible: true });
    watchConsentDelay(w.view, (r) => ready.push(r));
    vi.advanceTimersByTime(5000);
    expect(latest()).toBe(false);
    w.focus();
    vi.advanceTimersByTime(749);
    expect(latest()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(latest()).toBe(true);
  });

  it('a hidden window is never ready, even focused', () => {
    const w = fakeView({ focused: true, visible: false });
    watchConsentDelay(w.view, (r) => ready.push(r));
    vi.advanceTimersByTime(5000);
    expect(latest()).toBe(false);
    w.show();
    vi.advanceTimersByTime(750);
    expect(latest()).toBe(true);
  });

  it('every blur starts the wait over, and takes readiness away at once', () => {
    const w = fakeView({ focused: true, visible: true });
    watchConsentDelay(w.view, (r) => ready.push(r));
    vi.advanceTimersByTime(700);
    w.blur();
    w.focus();
    vi.advanceTimersByTime(700);
    expect(latest()).toBe(false);
    vi.advanceTimersByTime(50);
    expect(latest()).toBe(true);
    w.blur();
    expect(latest()).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(latest()).toBe(false);
  });

  it('focus stolen and given back quickly, again and again, never lets it become ready', () => {
    const w = fakeView({ focused: true, visible: true });
    watchConsentDelay(w.view, (r) => ready.push(r));
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(500);
      w.blur();
      w.focus();
    }
    expect(ready).not.toContain(true);
  });

  it('hiding takes readiness away; showing starts the wait over', () => {
    const w = fakeView({ focused: true, visible: true });
    watchConsentDelay(w.view, (r) => ready.push(r));
    vi.advanceTimersByTime(750);
    expect(latest()).toBe(true);
    w.hide();
    expect(latest()).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(latest()).toBe(false);
    w.show();
    vi.advanceTimersByTime(749);
    expect(latest()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(latest()).toBe(true);
  });

  it('stops watching when told to', () => {
    const w = fakeView({ focused: true, visible: true });
    const stop = watchConsentDelay(w.view, (r) => ready.push(r));
    stop();
    vi.advanceTimersByTime(5000);
    w.blur();
    w.focus();
    vi.advanceTimersByTime(5000);
    expect(ready).toEqual([false]);
  });
});
