// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isDarkTheme, watchTheme } from '../../../lib/pane/theme';

const page = (htmlClass = '', bodyClass = '') => {
  const doc = document.implementation.createHTMLDocument('HaloPSA');
  doc.documentElement.className = htmlClass;
  doc.body.className = bodyClass;
  return doc;
};

describe('isDarkTheme: HaloPSA decides when it says, the system otherwise', () => {
  it.each([
    ['theme-dark on <html>', page('theme-dark'), false, true],
    ['theme-dark on <body>', page('', 'app theme-dark'), false, true],
    ['HaloPSA light theme under a dark system', page('theme-light'), true, false],
    ['another HaloPSA theme class on <body> under a dark system', page('', 'theme-blue'), true, false],
    ['no sign from HaloPSA, dark system', page('', 'app'), true, true],
    ['no sign from HaloPSA, light system', page(), false, false],
  ])('%s', (_, doc, systemDark, dark) => expect(isDarkTheme(doc, systemDark)).toBe(dark));

  it('a nested element marked theme-dark is no sign', () => {
    const doc = page();
    doc.body.innerHTML = '<div class="theme-dark"></div>';
    expect(isDarkTheme(doc, false)).toBe(false);
  });
});

describe('watchTheme', () => {
  it('follows HaloPSA switching its theme, and stops when asked', async () => {
    const doc = page('theme-light');
    const seen: boolean[] = [];
    const stop = watchTheme(doc, (dark) => seen.push(dark));
    doc.body.classList.add('theme-dark');
    await new Promise((resolve) => setTimeout(resolve));
    stop();
    doc.body.classList.remove('theme-dark');
    await new Promise((resolve) => setTimeout(resolve));
    expect(seen).toEqual([false, true]);
  });
});
