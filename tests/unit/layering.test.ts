import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The layering rules live in biome.json; these probes lint small files against the real config in a scratch copy
// of the tree, so a rule that stops firing (or fires on a legal import) fails here, not in review.
const root = resolve(__dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'layering-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Diagnostic {
  category: string;
  location: { path: string };
}

const refused: [path: string, from: string, why: string][] = [
  ['lib/halo/probe.ts', '../immybot/pod-url', 'halo and immybot are peers'],
  ['lib/halo/probe.ts', '@/lib/immybot/pod-url', 'an alias cannot slip past'],
  ['lib/immybot/probe.ts', '~/lib/halo/hosts', 'any alias spelling'],
  ['lib/settings/probe.ts', '../messaging/client', 'settings never send'],
  ['lib/messaging/probe.ts', '../background/messages', 'messaging sits below the services'],
  ['lib/pane/probe.ts', '../background/messages', 'services are peers'],
  ['lib/background/probe.ts', '../pane/dock', 'services are peers'],
  ['lib/background/handlers/probe.ts', '../../pane/dock', 'services are peers, one folder down too'],
  ['lib/background/handlers/probe.ts', '../../../components/pane/PanePage', 'a handler imports no component'],
  ['components/pane/probe.ts', '../../lib/background/messages', 'components ask by message'],
  ['components/pane/probe.ts', '@@/lib/background/messages', 'components ask by message, whatever the spelling'],
  ['lib/probe.ts', './halo/hosts', 'the shared pieces import no folder'],
  ['lib/rollout/probe.ts', '../settings/policy', 'the rollout kit imports only lib/*.ts'],
  ['lib/rollout/probe.ts', '../../components/options/OptionsPage', 'the rollout kit imports no component'],
  ['lib/rollout/probe.ts', '@/lib/settings/policy', 'the rollout kit, whatever the spelling'],
];
const allowed: [path: string, from: string][] = [
  ['lib/halo/probe.ts', '../ids'],
  ['lib/settings/probe.ts', '../immybot/connection'],
  ['lib/background/probe.ts', '../messaging/protocol'],
  ['lib/background/handlers/probe.ts', '../../messaging/protocol'],
  ['components/pane/probe.ts', '../../lib/pane/view'],
  ['entrypoints/pane/probe.ts', '../../components/pane/PanePage'],
  ['lib/rollout/probe.ts', '../gecko-id'],
  ['lib/rollout/probe.ts', './schema'],
];
// Two files that import each other by type only: still a cycle.
const cycle = {
  'lib/settings/cycle-a.ts': "import type { B } from './cycle-b';\nexport type A = { b?: B };\n",
  'lib/settings/cycle-b.ts': "import type { A } from './cycle-a';\nexport type B = { a?: A };\n",
};

/** Every probe gets its own file (case number in the name) in one scratch tree, linted in one run. */
const probePath = (path: string, n: number) => path.replace(/probe\.ts$/, `probe-${n}.ts`);
const files: Record<string, string> = { ...cycle };
[...refused, ...allowed].forEach(([path, from], n) => {
  files[probePath(path, n)] = `import { x } from '${from}';\nexport const y = x;\n`;
});
const diagnostics = lint(files);
const found = (path: string) => diagnostics.filter((d) => d.location.path === path).map((d) => d.category);

function lint(tree: Record<string, string>): Diagnostic[] {
  copyFileSync(join(root, 'biome.json'), join(scratch, 'biome.json'));
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), text);
  }
  let out: string;
  try {
    out = execFileSync(join(root, 'node_modules/.bin/biome'), ['lint', '--vcs-enabled=false', '--reporter=json', '.'], {
      cwd: scratch,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    // Biome exits 1 when it finds errors; its report is still on stdout.
    out = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(out) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.category.startsWith('lint/'));
}

describe('layering rules (biome.json)', () => {
  it.each(refused.map((row, n) => [...row, n] as const))('%s may not import %s (%s)', (path, _from, _why, n) => {
    expect(found(probePath(path, n))).toEqual(['lint/style/noRestrictedImports']);
  });

  it.each(allowed.map((row, n) => [...row, n + refused.length] as const))('%s may import %s', (path, _from, n) => {
    expect(found(probePath(path, n))).toEqual([]);
  });

  it('refuses an import cycle, type-only imports included', () => {
    for (const path of Object.keys(cycle)) expect(found(path)).toEqual(['lint/suspicious/noImportCycles']);
  });
});
