// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trusted } from '../../../lib/pane/trusted';

/** An event as the browser hands a listener; `isTrusted` is read-only on real events. */
function eventWith(isTrusted: boolean) {
  return { type: 'click', isTrusted, preventDefault: vi.fn() } as unknown as Event & {
    preventDefault: ReturnType<typeof vi.fn>;
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('trusted', () => {
  it('runs the handler for a real user action, with that event, and leaves its default alone', () => {
    const handler = vi.fn();
    const event = eventWith(true);
    trusted(handler)(event);
    expect(handler).toHaveBeenCalledExactlyOnceWith(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('ignores an event a page script made, and cancels its default action', () => {
    const handler = vi.fn();
    const event = eventWith(false);
    trusted(handler)(event);
    expect(handler).not.toHaveBeenCalled();
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('decides per event: one wrapper, trusted and untrusted events mixed', () => {
    const handler = vi.fn();
    const wrapped = trusted(handler);
    const events = [eventWith(false), eventWith(true), eventWith(false), eventWith(true)];
    for (const event of events) wrapped(event);
    expect(handler.mock.calls).toEqual([[events[1]], [events[3]]]);
  });

  // What a HaloPSA page script can do to our controls: none of it reaches the handler.
  it.each<[string, (button: HTMLButtonElement) => void]>([
    ['button.click()', (button) => button.click()],
    [
      'dispatchEvent(new MouseEvent("click"))',
      (button) => button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })),
    ],
    ['dispatchEvent(new Event("click"))', (button) => button.dispatchEvent(new Event('click', { cancelable: true }))],
  ])('a page script’s %s does nothing', (_, fire) => {
    const handler = vi.fn();
    const button = document.createElement('button');
    button.addEventListener('click', trusted(handler));
    document.body.append(button);
    fire(button);
    expect(handler).not.toHaveBeenCalled();
  });

  it('a synthetic click on a link has its navigation cancelled', () => {
    const link = document.createElement('a');
    link.href = 'https://evil.test/';
    const handler = vi.fn();
    link.addEventListener('click', trusted(handler));
    document.body.append(link);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(handler).not.toHaveBeenCalled();
    expect(click.defaultPrevented).toBe(true);
  });
});
