import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { GECKO_ID } from './lib/gecko-id';
import { HOSTED_HALO_MATCHES } from './lib/halo/hosts';
import { IMMYBOT_MATCH } from './lib/immybot/instance';
import { TOGGLE_COMMAND, TOGGLE_SHORTCUT } from './lib/shortcut';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  analysis: { enabled: !!process.env.ANALYZE, template: 'raw-data', outputFile: 'stats/stats.json' },
  vite: () => ({ plugins: [preact({ prerender: { enabled: false } })] }),
  // `npm run zip`: the store zips, and for Firefox the sources zip addons.mozilla.org reviews. It holds what the build
  // needs and SOURCE_CODE_REVIEW.md (the reviewer's steps); WXT already leaves out node_modules, dotfiles, .output and
  // *.test/*.spec files. tests/ and local output go too: tests/e2e/release.spec.ts rebuilds from the zip without them.
  zip: {
    excludeSources: [
      'tests/**',
      'test-results/**',
      'playwright-report/**',
      'demo-screenshots/**',
      'stats/**',
      '**/*.log',
    ],
  },
  hooks: {
    // The content script runs on every HaloPSA page and calls only APIs that return promises natively (Chrome
    // MV3, Firefox), so it skips webextension-polyfill (~3 KB gzipped). Every other context keeps it.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const resolve = config.resolve;
      const alias = resolve?.alias;
      const isPolyfill = (replacement: unknown) => String(replacement).includes('webextension-polyfill');
      if (resolve && Array.isArray(alias)) resolve.alias = alias.filter((a) => !isPolyfill(a.replacement));
      else if (alias)
        for (const [find, replacement] of Object.entries(alias))
          if (isPolyfill(replacement)) delete (alias as Record<string, string>)[find];
    },
  },
  manifest: ({ browser }) => ({
    name: 'ImmyBot Technician Tools for HaloPSA',
    short_name: 'ImmyBot Tools',
    description: 'Shows ImmyBot Technician Tools beside every HaloPSA ticket, hosted or self-hosted.',
    // storage: settings and pane layout; scripting: put the pane into open tabs after an update and
    // register it for self-hosted HaloPSA; activeTab: the toolbar popup reads the current tab on click.
    permissions: ['storage', 'scripting', 'activeTab'],
    host_permissions: [...HOSTED_HALO_MATCHES, IMMYBOT_MATCH],
    // What an organization may set by policy (storage.managed); lib/settings/policy.ts reads it.
    storage: { managed_schema: 'managed_schema.json' },
    // Enterprise builds pin the Chrome/Edge extension id with a public key (docs/admin.md); others get the store's.
    ...(browser !== 'firefox' && process.env.EXTENSION_KEY && { key: process.env.EXTENSION_KEY }),
    // Self-hosted HaloPSA: requested one origin at a time from the user's click, never all at once.
    optional_host_permissions: ['https://*/*', 'http://localhost/*'],
    // The pane's own page, framed by the content script into HaloPSA tickets (hosted or self-hosted): every control
    // and ImmyBot answer lives there, out of the page's reach. Chrome gives it a per-session address, so a site
    // cannot probe for it; the page itself shows nothing on a page that is not a listed site's ticket.
    web_accessible_resources: [
      {
        resources: ['pane.html'],
        matches: ['https://*/*', 'http://localhost/*'],
        ...(browser !== 'firefox' && { use_dynamic_url: true }),
      },
    ],
    action: { default_title: 'ImmyBot Technician Tools' },
    // Changeable in the browser's shortcut settings (chrome://extensions/shortcuts, Firefox's add-on manager).
    commands: {
      [TOGGLE_COMMAND]: {
        suggested_key: { default: TOGGLE_SHORTCUT },
        description: 'Jump between HaloPSA and Technician Tools for this ticket',
      },
    },
    // Chrome only, asked from the sign-in window: keeps ImmyBot signed in inside HaloPSA frames where
    // third-party cookies are blocked. Firefox has no contentSettings API, so its manifest omits it.
    ...(browser !== 'firefox' && { optional_permissions: ['contentSettings'] }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // data_collection_permissions needs Firefox 140 (desktop) / 142 (Android).
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
