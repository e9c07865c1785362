/**
 * The policy keys, read from `public/managed_schema.json` (Chromium's schema for `storage.managed`): the one source
 * every file of the rollout kit is generated from. A key added there appears in every file with no other edit.
 */
import { SHOW_PLACES } from '../show-places';

/** What a single value can be. */
export type ScalarType = 'string' | 'integer' | 'number' | 'boolean';

export interface PolicyKey {
  name: string;
  title: string;
  description: string;
  /** `list`: a JSON array of `item`s. */
  type: ScalarType | 'list';
  /** The list's item type (lists only). */
  item?: ScalarType;
  /** The only values allowed (strings only). */
  allowed?: string[];
  /** Integer bounds from the schema's minimum / maximum, if it has them. */
  minimum?: number;
  maximum?: number;
}

export type PolicyValue = string | number | boolean | (string | number | boolean)[];
export type PolicyValues = Record<string, PolicyValue>;

const SCALARS: readonly string[] = ['string', 'integer', 'number', 'boolean'];
/** Safe as a registry value name, an XML id, a plist key and a PowerShell variable name alike. */
const KEY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The allowed values of keys whose schema says only "string": an `enum` there would make Chromium drop a typo
 * silently, before the extension could name it. The kit still offers them as a choice (an ADMX drop-down).
 */
export const POLICY_CHOICES: Readonly<Record<string, readonly string[]>> = { show: SHOW_PLACES };

/**
 * A key whose value is an object (`siteConnections`: HaloPSA site → connection). No ADMX element, registry list or
 * script parameter the kit writes can hold one, so the kit writes it into no file and its README says how to set
 * it by hand on each platform (a JSON string in the registry, a dict in a profile, an object in a JSON file).
 */
export interface HandSetKey {
  name: string;
  title: string;
  description: string;
}

/** The schema's keys: those the kit writes into every file, and the object keys it leaves to the admin. */
export function readKitSchema(schema: unknown, choices = POLICY_CHOICES): { keys: PolicyKey[]; byHand: HandSetKey[] } {
  if (!isRecord(schema) || !isRecord(schema.properties)) return { keys: readPolicySchema(schema, choices), byHand: [] };
  const entries = Object.entries(schema.properties);
  const isObject = (spec: unknown) => isRecord(spec) && spec.type === 'object';
  const byHand = entries
    .filter(([, spec]) => isObject(spec))
    .map(([name, spec]) => {
      const { title, description } = spec as Record<string, unknown>;
      if (!KEY_NAME.test(name)) throw new Error(`managed_schema.json: key "${name}" is not a plain name`);
      return {
        name,
        title: typeof title === 'string' && title ? title : name,
        description: typeof description === 'string' ? description : '',
      };
    });
  const written = Object.fromEntries(entries.filter(([, spec]) => !isObject(spec)));
  return { keys: readPolicySchema({ ...schema, properties: written }, choices), byHand };
}

/** Reads the schema's keys in their order; throws, naming the key, on anything the kit cannot write. */
export function readPolicySchema(schema: unknown, choices = POLICY_CHOICES): PolicyKey[] {
  if (!isRecord(schema) || schema.type !== 'object' || !isRecord(schema.properties))
    throw new Error('managed_schema.json: expected {"type": "object", "properties": {...}}');
  return Object.entries(schema.properties).map(([name, spec]) => readKey(name, spec, choices[name]));
}

function readKey(name: string, spec: unknown, choices: readonly string[] | undefined): PolicyKey {
  const fail = (why: string): never => {
    throw new Error(`managed_schema.json: key "${name}" ${why}; the rollout kit (lib/rollout) cannot write it.`);
  };
  if (!KEY_NAME.test(name)) fail('is not a plain name (letters, digits, _)');
  if (!isRecord(spec)) return fail('is not an object');
  const title = typeof spec.title === 'string' && spec.title ? spec.title : name;
  const description = typeof spec.description === 'string' ? spec.description : '';
  const key: PolicyKey = { name, title, description, type: 'string' };
  if (spec.type === 'array') {
    const items = spec.items;
    if (!isRecord(items) || typeof items.type !== 'string' || !SCALARS.includes(items.type))
      return fail('is a list of something other than strings, integers, numbers or booleans');
    if ('enum' in items) fail('is a list with allowed values');
    key.type = 'list';
    key.item = items.type as ScalarType;
  } else if (typeof spec.type === 'string' && SCALARS.includes(spec.type)) {
    key.type = spec.type as ScalarType;
  } else {
    fail(`has type ${JSON.stringify(spec.type)}`);
  }
  if ('enum' in spec) {
    if (key.type !== 'string' || !Array.isArray(spec.enum) || !spec.enum.every((v) => typeof v === 'string'))
      fail('has allowed values that are not strings');
    key.allowed = [...(spec.enum as string[])];
    if (key.allowed.length === 0) fail('allows no value');
  } else if (choices) {
    if (key.type !== 'string') fail('has choices but is not a string');
    key.allowed = [...choices];
  }
  for (const bound of ['minimum', 'maximum'] as const) {
    if (!(bound in spec)) continue;
    if (key.type !== 'integer' || !Number.isInteger(spec[bound])) fail(`has a ${bound} the kit does not handle`);
    key[bound] = spec[bound] as number;
  }
  return key;
}

/**
 * The kit's sample values: an organization `acme` on `acme.immy.bot`, integration 619, its tenant
 * `acme.halopsa.com`, the pane beside the ticket. A key without a sample here gets one from its type, so a new key
 * still appears, with a placeholder, in every sample file.
 */
const SAMPLES: PolicyValues = {
  immybotInstance: 'acme',
  integrationId: 619,
  haloSites: ['acme.halopsa.com'],
  show: 'page',
};

const sampleOf = (type: ScalarType, key: PolicyKey): string | number | boolean => {
  if (key.allowed) return key.allowed[0];
  if (type === 'integer') return Math.max(key.minimum ?? 1, 1);
  if (type === 'number') return 1.5;
  if (type === 'boolean') return true;
  return 'example';
};

/** One sample value per key, every one of the key's type. */
export function sampleValues(keys: readonly PolicyKey[]): PolicyValues {
  const values: PolicyValues = {};
  for (const key of keys) {
    const known = SAMPLES[key.name];
    values[key.name] =
      known !== undefined && fitsType(key, known)
        ? known
        : key.type === 'list'
          ? [sampleOf(key.item ?? 'string', key)]
          : sampleOf(key.type, key);
  }
  return values;
}

function scalarFits(type: ScalarType, value: unknown): boolean {
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === type;
}

/** Whether `value` has the key's type (and is one of its allowed values) — what Chromium checks before passing it on. */
export function fitsType(key: PolicyKey, value: unknown): boolean {
  if (key.type === 'list') return Array.isArray(value) && value.every((item) => scalarFits(key.item ?? 'string', item));
  if (!scalarFits(key.type, value)) return false;
  if (key.allowed && !key.allowed.includes(value as string)) return false;
  if (typeof value === 'number' && key.minimum !== undefined && value < key.minimum) return false;
  if (typeof value === 'number' && key.maximum !== undefined && value > key.maximum) return false;
  return true;
}

/** The largest integer a Windows REG_DWORD gives Chromium back unchanged (it reads the DWORD as a signed int). */
export const MAX_DWORD_INT = 2_147_483_647;

/** An integer key's range as the ADMX and the script enforce it: the schema's bounds within 0…MAX_DWORD_INT. */
export const integerRange = (key: PolicyKey): [number, number] => [
  Math.max(0, key.minimum ?? 0),
  Math.min(MAX_DWORD_INT, key.maximum ?? MAX_DWORD_INT),
];
