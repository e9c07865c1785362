/**
 * `npm run rollout-kit [-- --id <extension id>] [--out <folder>] [--chrome-update-url <url>] [--edge-update-url <url>]
 * [--firefox-install-url <url>]`: writes the rollout kit (lib/rollout/kit.ts) to .output/rollout/.
 *
 * The Chrome/Edge id: --id, else the id of the key in EXTENSION_KEY (the key wxt.config.ts pins enterprise builds
 * with). With neither it stops and says so: a kit for a made-up id would configure nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extensionIdFromKey } from './extension-id';
import { encodeKitFile, rolloutKit } from './kit';

const root = resolve(import.meta.dirname, '../..');

function main(): void {
  const { values: args } = parseArgs({
    options: {
      id: { type: 'string' },
      out: { type: 'string', default: join(root, '.output', 'rollout') },
      'chrome-update-url': { type: 'string' },
      'edge-update-url': { type: 'string' },
      'firefox-install-url': { type: 'string' },
    },
    strict: true,
  });

  let extensionId = args.id;
  let idSource = 'given with --id';
  if (!extensionId && process.env.EXTENSION_KEY) {
    extensionId = extensionIdFromKey(process.env.EXTENSION_KEY);
    idSource = 'the id of the key in EXTENSION_KEY, the one your enterprise build pins';
  }
  if (!extensionId) {
    console.error(
      "Which extension id is the kit for? Pass --id <32 letters a-p> (the store id, or your build's: chrome://extensions shows it),\n" +
        'or set EXTENSION_KEY to the public key your enterprise build pins (docs/admin.md, "Pin the id").',
    );
    process.exit(2);
  }

  const schema = JSON.parse(readFileSync(join(root, 'public', 'managed_schema.json'), 'utf8'));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const files = rolloutKit(schema, {
    extensionId,
    idSource,
    version,
    updateUrls: {
      ...(args['chrome-update-url'] && { chrome: args['chrome-update-url'] }),
      ...(args['edge-update-url'] && { edge: args['edge-update-url'] }),
    },
    firefoxInstallUrl: args['firefox-install-url'],
  });
  const out = resolve(args.out as string);
  for (const file of files) {
    const path = join(out, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, encodeKitFile(file));
  }
  console.log(`Rollout kit for extension ${extensionId} (${idSource}) in ${out}:`);
  for (const file of files) console.log(`  ${file.path}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
