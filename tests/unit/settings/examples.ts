import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Settings } from '../../../lib/settings/schema';

/** Values the tests share with the examples: a connection, a hosted tenant, self-hosted sites, a declined tenant. */
export const ACME = { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 };
export const HOSTED = 'https://acme.halopsa.com';
export const DECLINED = 'https://contoso.halopsa.com';
export const PSA = 'https://psa.example.com';
export const SERVICE = 'https://service.example.net:8443';

const EXAMPLES_DIR = fileURLToPath(new URL('./examples/', import.meta.url));
const BROKEN_DIR = `${EXAMPLES_DIR}broken/`;
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** tests/unit/settings/examples/v<N>.json: settings as version N stored them, oldest first. */
export const versionedExamples: { version: number; value: unknown }[] = readdirSync(EXAMPLES_DIR)
  .map((file) => /^v([1-9][0-9]*)\.json$/.exec(file))
  .filter((match) => match !== null)
  .map((match) => ({ version: Number(match[1]), value: readJson(EXAMPLES_DIR + match[0]) }))
  .sort((a, b) => a.version - b.version);

/** The stored example of one version; throws when there is none. */
export function exampleOf(version: number): unknown {
  const found = versionedExamples.find((e) => e.version === version);
  if (!found) throw new Error(`No tests/unit/settings/examples/v${version}.json`);
  return found.value;
}

export interface BrokenExample {
  /** The file name without .json. */
  name: string;
  about: string;
  /** What a hand-edited or corrupt profile holds under "settings" (at the current version). */
  stored: unknown;
  /** Every valid field kept, every bad one dropped. */
  repaired: Settings;
  /** One problem per dropped thing, in order: its field, and text its message must contain. */
  problems: { field: keyof Settings; names: string }[];
}

/** tests/unit/settings/examples/broken/*.json: broken current-version values and how they are read. */
export const brokenExamples: BrokenExample[] = readdirSync(BROKEN_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({
    name: file.slice(0, -'.json'.length),
    ...(readJson(BROKEN_DIR + file) as Omit<BrokenExample, 'name'>),
  }));
