// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { isPodUrl } from '../../../lib/immybot/pod-url';
import { createNativeTabWatch } from '../../../lib/pane/native-tab';

const POD = 'https://acme.immy.bot/technician-pod/psa/619/ticket/2152';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function frame(src: string): HTMLIFrameElement {
  const element = document.createElement('iframe');
  element.src = src;
  return element;
}

describe('isPodUrl', () => {
  it.each([POD, `${POD}/`, 'https://other.immy.bot/technician-pod/psa/1/ticket/9?x=1'])('knows %s', (url) =>
    expect(isPodUrl(url)).toBe(true),
  );
  it.each([
    'http://acme.immy.bot/technician-pod/psa/619/ticket/2152',
    'https://acme.immy.bot/technician-pod/psa/619/ticket/',
    'https://acme.immy.bot/technician-pod/psa/x/ticket/2152',
    'https://acme.immy.bot/api/v1/auth',
    'about:blank',
    '',
    'not a url',
  ])('rejects %s', (url) => expect(isPodUrl(url)).toBe(false));
});

describe('createNativeTabWatch', () => {
  it('answers whether the page holds a Technician Tools frame now', () => {
    document.body.replaceChildren(frame('https://example.com/'));
    const watch = createNativeTabWatch(document, () => undefined);
    expect(watch.watch(true)).toBe(false);
    document.body.append(frame(POD));
    expect(watch.watch(true)).toBe(true);
    expect(watch.watch(false)).toBe(false);
  });

  it('calls back when one comes, when one goes, and when a frame’s src turns into one', async () => {
    document.body.replaceChildren();
    const onChange = vi.fn();
    const watch = createNativeTabWatch(document, onChange);
    watch.watch(true);
    const tab = frame(POD);
    document.body.append(tab);
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
    tab.remove();
    await flush();
    expect(onChange).toHaveBeenCalledTimes(2);
    const other = frame('https://example.com/');
    document.body.append(other);
    await flush();
    expect(onChange).toHaveBeenCalledTimes(2);
    other.src = POD;
    await flush();
    expect(onChange).toHaveBeenCalledTimes(3);
    watch.watch(false);
  });

  it('stops watching when told: nothing calls back after that', async () => {
    document.body.replaceChildren();
    const onChange = vi.fn();
    const watch = createNativeTabWatch(document, onChange);
    watch.watch(true);
    watch.watch(false);
    document.body.append(frame(POD));
    await flush();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('does not see a frame inside a shadow root (the pane’s own)', () => {
    document.body.replaceChildren();
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(frame(POD));
    document.body.append(host);
    expect(createNativeTabWatch(document, () => undefined).watch(true)).toBe(false);
  });
});
