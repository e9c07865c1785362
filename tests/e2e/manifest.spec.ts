import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';

// `npm test` builds both before the end-to-end tests run.
const manifest = (target: 'chrome-mv3' | 'firefox-mv3') =>
  JSON.parse(readFileSync(resolve('.output', target, 'manifest.json'), 'utf8'));
const HOSTED = [
  'https://*.halopsa.com/*',
  'https://*.haloitsm.com/*',
  'https://*.haloservicedesk.com/*',
  'https://*.trial.usehalo.com/*',
];

for (const target of ['chrome-mv3', 'firefox-mv3'] as const) {
  test(`${target}: least privilege — hosted HaloPSA and *.immy.bot only, everything else optional`, () => {
    const m = manifest(target);
    expect(m.manifest_version).toBe(3);
    expect([...m.host_permissions].sort()).toEqual([...HOSTED, 'https://*.immy.bot/*'].sort());
    // Chrome's side panel needs its permission; Firefox's sidebar needs none.
    const sidePanel = target === 'chrome-mv3' ? ['sidePanel'] : [];
    expect([...m.permissions].sort()).toEqual(['activeTab', 'scripting', ...sidePanel, 'storage']);
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*']);
    const everything = JSON.stringify(m);
    expect(everything).not.toContain('<all_urls>');
    expect(m.permissions).not.toContain('tabs');
    expect(m.content_scripts).toHaveLength(1);
    expect([...m.content_scripts[0].matches].sort()).toEqual([...HOSTED].sort());
  });
}

test('chrome-mv3 asks for contentSettings only as an optional permission', () => {
  expect(manifest('chrome-mv3').optional_permissions).toEqual(['contentSettings']);
});

test('firefox-mv3 names no permission Firefox does not know, and carries its gecko settings', () => {
  const m = manifest('firefox-mv3');
  expect(JSON.stringify(m)).not.toContain('contentSettings');
  expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
  expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
});

test('both builds carry the side panel page and the shortcut', () => {
  expect(manifest('chrome-mv3').side_panel).toEqual({ default_path: 'sidepanel.html' });
  expect(manifest('firefox-mv3').sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
  for (const target of ['chrome-mv3', 'firefox-mv3'] as const) {
    expect(manifest(target).commands['toggle-technician-tools'].suggested_key).toEqual({ default: 'Alt+Shift+T' });
  }
});
