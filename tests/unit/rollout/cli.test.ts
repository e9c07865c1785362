import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extensionIdFromKey } from '../../../lib/rollout/extension-id';
import { KIT_FILES } from './parsers';

// `npm run rollout-kit` is `tsx lib/rollout/cli.ts`: run it as an admin would, into a scratch folder.
const root = resolve(__dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'rollout-kit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const { EXTENSION_KEY: _, ...rest } = process.env;
  return spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'lib/rollout/cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...rest, ...env },
  });
}

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)).map((f) => `${entry.name}/${f}`) : [entry.name],
  );

/** A key pair as `openssl rsa -pubout -outform DER | base64` would give it (docs/admin.md, "Pin the id"). */
const publicKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');
/** docs/admin.md's step 3: sha256 of the DER key, first 32 hex digits, 0-9a-f → a-p (`tr 0-9a-f a-p`). */
const idAsTheDocsSay = (key: string) =>
  createHash('sha256')
    .update(Buffer.from(key, 'base64'))
    .digest('hex')
    .slice(0, 32)
    .replace(/[0-9a-f]/g, (d) => 'abcdefghijklmnop'['0123456789abcdef'.indexOf(d)]);

describe('npm run rollout-kit', () => {
  it('writes every file for --id, the .reg as UTF-16 and the script with a BOM', () => {
    const out = join(scratch, 'by-id');
    const run = cli(['--id', 'abcdefghijklmnopabcdefghijklmnop', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(listFiles(out).sort()).toEqual(KIT_FILES);
    expect([...readFileSync(join(out, 'windows/immybot-technician-tools.reg')).subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect([...readFileSync(join(out, 'windows/Install-TechnicianTools.ps1')).subarray(0, 3)]).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
    const linux = JSON.parse(readFileSync(join(out, 'linux/immybot-technician-tools.json'), 'utf8'));
    expect(Object.keys(linux['3rdparty'].extensions)).toEqual(['abcdefghijklmnopabcdefghijklmnop']);
  });

  it('takes the id of the key in EXTENSION_KEY by default, as docs/admin.md computes it', () => {
    const out = join(scratch, 'by-key');
    const run = cli(['--out', out], { EXTENSION_KEY: publicKey });
    expect(run.status, run.stderr).toBe(0);
    const id = idAsTheDocsSay(publicKey);
    expect(extensionIdFromKey(publicKey)).toBe(id);
    expect(run.stdout).toContain(`Rollout kit for extension ${id} (the id of the key in EXTENSION_KEY`);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain(`extension id \`${id}\``);
  });

  it('without --id or EXTENSION_KEY writes nothing and says what it needs (exit 2)', () => {
    const out = join(scratch, 'no-id');
    const run = cli(['--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--id');
    expect(run.stderr).toContain('EXTENSION_KEY');
    expect(() => readdirSync(out)).toThrow();
  });

  it('refuses an id that is not one (exit 2)', () => {
    const run = cli(['--id', 'EXTENSION_ID', '--out', join(scratch, 'bad')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('32 letters a-p');
  });

  it('refuses an EXTENSION_KEY that is not a base64 key', () => {
    expect(() => extensionIdFromKey('not a key!')).toThrow(/EXTENSION_KEY/);
  });
});
