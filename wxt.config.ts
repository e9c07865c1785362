import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HOSTED_HALO_MATCHES } from './lib/halo/hosts';
import { IMMYBOT_MATCH } from './lib/immybot/instance';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  analysis: { enabled: !!process.env.ANALYZE, template: 'raw-data', outputFile: 'stats/stats.json' },
  vite: () => ({ plugins: [preact({ prerender: { enabled: false } })] }),
  manifest: ({ browser }) => ({
    name: 'ImmyBot Technician Tools for HaloPSA',
    short_name: 'ImmyBot Tools',
    description: 'Shows ImmyBot Technician Tools beside every HaloPSA ticket, hosted or self-hosted.',
    // storage: settings and pane layout; scripting: put the pane back into open tabs after an update.
    permissions: ['storage', 'scripting'],
    host_permissions: [...HOSTED_HALO_MATCHES, IMMYBOT_MATCH],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'technician-tools@immybot-halopsa.extension',
          // data_collection_permissions needs Firefox 140 (desktop) / 142 (Android).
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
