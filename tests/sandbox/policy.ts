import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LINUX_POLICY_FILE } from '../../lib/rollout/kit';
import { chromiumPolicyJson } from '../../lib/rollout/json';

/**
 * Real enterprise policy for Chromium on Linux (docs/development.md, "Enterprise policy"): Chromium reads every
 * `*.json` in this folder at startup, and hands a `3rdparty.extensions.<id>` section to that extension's
 * `chrome.storage.managed`. Writing here needs root.
 */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Only root can write the machine's policy folder; tests that need it skip otherwise. */
export const canWriteChromiumPolicy = (): boolean => process.getuid?.() === 0;

/**
 * The id Chromium gives an unpacked extension (no manifest `key`): SHA-256 of its absolute path, first 32
 * hex digits, each mapped 0-f → a-p. Chromium resolves symlinks first (MakeAbsoluteFilePath is realpath on
 * POSIX), so the same build reached through a symlink keeps its id; so does this function.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(realpathSync(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

const FILE_PREFIX = 'immybot-tools-e2e-';
/** This extension id's files only: other worktrees (other paths, other ids) may be testing at the same time. */
const ownFiles = (extensionId: string) =>
  readdirSync(CHROMIUM_POLICY_DIR, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.startsWith(`${FILE_PREFIX}${extensionId}`))
    .map((entry) => join(CHROMIUM_POLICY_DIR, entry.name));

/** Removes policy files an earlier, crashed run left for this extension id; returns what it removed. */
export function removeStalePolicies(extensionId: string): string[] {
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const stale = ownFiles(extensionId);
  for (const file of stale) rmSync(file, { force: true });
  return stale;
}

export interface PolicyFile {
  path: string;
  /** Idempotent; also runs on process exit if the test never got to it. */
  remove(): void;
}

/**
 * The Linux policy file of the rollout kit for `extensionId`, made the way an admin makes it
 * (`npm run rollout-kit -- --id <id>`): `{"3rdparty": {"extensions": {"<id>": the kit's sample values}}}`.
 */
export function rolloutKitPolicy(extensionId: string): string {
  const out = mkdtempSync(join(tmpdir(), 'immybot-rollout-kit-'));
  try {
    const { EXTENSION_KEY: _, ...env } = process.env;
    execFileSync(resolve('node_modules/.bin/tsx'), [resolve('lib/rollout/cli.ts'), '--id', extensionId, '--out', out], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return readFileSync(join(out, LINUX_POLICY_FILE), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Writes a policy file (its text as given, e.g. the rollout kit's) as this run's own file, before the browser starts.
 * Chromium also watches the folder (measured with Chromium 156: a new file reaches a running browser's
 * storage.managed after ~5 s, a removal after ~1 s), so remove it only after that browser closed.
 */
export function writeChromiumPolicyFile(extensionId: string, text: string): PolicyFile {
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const path = join(CHROMIUM_POLICY_DIR, `${FILE_PREFIX}${extensionId}-${process.pid}.json`);
  writeFileSync(path, text, { mode: 0o644 });
  const remove = () => {
    rmSync(path, { force: true });
    process.off('exit', remove);
  };
  process.on('exit', remove);
  return { path, remove };
}

/**
 * `policy` (any values, wrong ones included: Chromium's own schema check is under test) in the rollout kit's Linux
 * format, `{"3rdparty": {"extensions": {"<id>": policy}}}`, as this run's own file.
 */
export const writeChromiumPolicy = (extensionId: string, policy: Record<string, unknown>): PolicyFile =>
  writeChromiumPolicyFile(extensionId, chromiumPolicyJson(extensionId, policy));
