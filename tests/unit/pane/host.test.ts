// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPaneHost, PANE_TAG, PUSH_STYLE_ATTRIBUTE, removePanes, SKIP_TAG } from '../../../lib/pane/host';

const CSS = '.theme{color:red}';

let doc: Document;
beforeEach(() => {
  doc = document.implementation.createHTMLDocument('HaloPSA');
  doc.body.innerHTML = '<div id="maincontent">ticket</div>';
});

function panes() {
  return doc.querySelectorAll(PANE_TAG);
}

function pushStyles() {
  return doc.querySelectorAll(`style[${PUSH_STYLE_ATTRIBUTE}]`);
}

describe('createPaneHost', () => {
  it('appends one host to <html> whose shadow root holds the css and the container', () => {
    const pane = createPaneHost(doc, CSS);
    expect(panes()).toHaveLength(1);
    const host = panes()[0] as HTMLElement;
    expect(host.parentElement).toBe(doc.documentElement);
    expect(host.getAttribute('style')).toContain('position: fixed !important');
    expect(host.getAttribute('style')).toContain('all: initial !important');

    const root = pane.container.getRootNode() as ShadowRoot;
    expect(root).not.toBe(doc);
    expect(root.host).toBe(host);
    expect(root.querySelector('style')?.textContent).toBe(CSS);
    expect(pane.container.tagName).toBe('DIV');
    // The page itself is untouched: only the skip link's host leads <html>, ahead of HaloPSA's controls.
    expect(doc.body.innerHTML).toBe('<div id="maincontent">ticket</div>');
    expect(doc.documentElement.firstElementChild?.tagName.toLowerCase()).toBe(SKIP_TAG);
    expect(pushStyles()).toHaveLength(0);
  });

  it('leaves exactly one pane when called twice, and the old container is gone', () => {
    const first = createPaneHost(doc, CSS);
    const second = createPaneHost(doc, CSS);
    expect(panes()).toHaveLength(1);
    expect(first.container.isConnected).toBe(false);
    expect(second.container.isConnected).toBe(true);
  });

  it('removes panes and page pushes an older extension instance left anywhere in the page', () => {
    doc.documentElement.append(doc.createElement(PANE_TAG));
    doc.body.append(doc.createElement(PANE_TAG));
    const leftover = doc.createElement('style');
    leftover.setAttribute(PUSH_STYLE_ATTRIBUTE, '');
    leftover.textContent = 'html{margin-right:440px !important;}';
    doc.documentElement.append(leftover);
    const haloStyle = doc.createElement('style');
    doc.head.append(haloStyle);

    createPaneHost(doc, CSS);
    expect(panes()).toHaveLength(1);
    expect(pushStyles()).toHaveLength(0);
    expect(haloStyle.isConnected).toBe(true);
  });

  it.each([
    ['<html>', (d: Document) => d.documentElement.classList.add('theme-dark'), true],
    ['<body>', (d: Document) => d.body.classList.add('theme-dark'), true],
    ['a nested element only', (d: Document) => d.getElementById('maincontent')?.classList.add('theme-dark'), false],
    ['nothing', () => undefined, false],
  ])('theme when theme-dark is on %s: told to the pane', (_, mark, dark) => {
    mark(doc);
    const heard: boolean[] = [];
    createPaneHost(doc, CSS, undefined, (value) => heard.push(value));
    expect(heard).toEqual([dark]);
  });
});

describe('skip link', () => {
  it('is one button that runs onSkip on a real click only', () => {
    let skips = 0;
    createPaneHost(doc, CSS, () => skips++);
    createPaneHost(doc, CSS, () => skips++);
    const hosts = doc.querySelectorAll(SKIP_TAG);
    expect(hosts).toHaveLength(1);
    const button = hosts[0].shadowRoot?.querySelector('button');
    expect(button?.textContent).toBe('Skip to Technician Tools');
    button?.click(); // A script's click is untrusted.
    expect(skips).toBe(0);
  });
});

describe('push / remove', () => {
  it('keeps one style element with the margin and updates it', () => {
    const pane = createPaneHost(doc, CSS);
    pane.push(440);
    expect(pushStyles()).toHaveLength(1);
    expect(pushStyles()[0].textContent).toBe('html{margin-right:440px !important;}');
    expect(pushStyles()[0].parentElement).toBe(doc.documentElement);

    pane.push(512.6);
    expect(pushStyles()).toHaveLength(1);
    expect(pushStyles()[0].textContent).toBe('html{margin-right:513px !important;}');
  });

  it.each([0, -10])('push(%s) releases the page, and a later push brings it back', (width) => {
    const pane = createPaneHost(doc, CSS);
    pane.push(440);
    pane.push(width);
    expect(pushStyles()).toHaveLength(0);
    pane.push(36);
    expect(pushStyles()).toHaveLength(1);
    expect(pushStyles()[0].textContent).toBe('html{margin-right:36px !important;}');
  });

  it('remove() takes away the host, its skip link and the page push, and is safe to repeat', () => {
    const pane = createPaneHost(doc, CSS);
    pane.push(440);
    pane.remove();
    expect(panes()).toHaveLength(0);
    expect(doc.querySelectorAll(SKIP_TAG)).toHaveLength(0);
    expect(pushStyles()).toHaveLength(0);
    expect(() => pane.remove()).not.toThrow();
  });

  it('an older instance removing itself leaves the newer pane and its push alone', () => {
    const older = createPaneHost(doc, CSS);
    older.push(440);
    const newer = createPaneHost(doc, CSS);
    newer.push(500);
    older.remove();
    expect(panes()).toHaveLength(1);
    expect(newer.container.isConnected).toBe(true);
    expect(pushStyles()).toHaveLength(1);
    expect(pushStyles()[0].textContent).toBe('html{margin-right:500px !important;}');
  });

  it('removePanes removes every host, skip link and push', () => {
    createPaneHost(doc, CSS).push(440);
    removePanes(doc);
    expect(panes()).toHaveLength(0);
    expect(doc.querySelectorAll(SKIP_TAG)).toHaveLength(0);
    expect(pushStyles()).toHaveLength(0);
  });
});
