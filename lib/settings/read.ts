import { isHaloOrigin } from '../halo/address';
import { isValidId } from '../ids';
import { isInstanceOrigin } from '../immybot/instance';
import type { ImmyBotConnection } from '../immybot/connection';
import type { Settings } from './schema';
import { isShowPlace, type ShowPlace } from './show';

/** A stored value that could not be kept, said so the options page can show it. */
export interface SettingsProblem {
  field: keyof Settings;
  message: string;
}

export interface ReadSettings {
  settings: Settings;
  problems: SettingsProblem[];
}

/**
 * Reads stored settings field by field, with the same rules SettingsSchema refines with (a property
 * test holds the two in agreement) and no zod, so the content script can afford it. A bad field is
 * dropped and reported; every valid field is kept. Nothing is written: the next save stores the
 * repaired settings.
 */
export function readSettings(stored: unknown): ReadSettings {
  const problems: SettingsProblem[] = [];
  // Nothing stored reads as an empty record: every field at its default, and no problem.
  const record: Record<string, unknown> = isPlainRecord(stored) ? stored : {};
  if (record !== stored && stored != null)
    problems.push({ field: 'immybot', message: 'The saved settings were unreadable; enter them again.' });
  return {
    settings: {
      immybot: readConnection(record.immybot, problems),
      haloOrigins: readOrigins('haloOrigins', record.haloOrigins, problems),
      declinedOrigins: readOrigins('declinedOrigins', record.declinedOrigins, problems),
      show: readShow(record.show, problems),
      siteConnections: readSiteConnections(record.siteConnections, problems),
    },
    problems,
  };
}

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The connection in a stored value, its extra fields dropped; null when it is not one. */
export function storedConnection(value: unknown): ImmyBotConnection | null {
  const { instanceOrigin, integrationId } = (value ?? {}) as Partial<ImmyBotConnection>;
  return isInstanceOrigin(instanceOrigin) && isValidId(integrationId) ? { instanceOrigin, integrationId } : null;
}

/** Keeps the entries whose site and connection are valid; `onDropped` hears of each other one. */
export function storedSiteConnections(
  value: unknown,
  onDropped: (site: string) => void = () => undefined,
): Record<string, ImmyBotConnection> {
  const kept: Record<string, ImmyBotConnection> = {};
  if (!isPlainRecord(value)) return kept;
  for (const [site, stored] of Object.entries(value)) {
    const connection = storedConnection(stored);
    if (isHaloOrigin(site) && connection) kept[site] = connection;
    else onDropped(site);
  }
  return kept;
}

function readConnection(value: unknown, problems: SettingsProblem[]): ImmyBotConnection | null {
  if (value === null || value === undefined) return null;
  const connection = storedConnection(value);
  if (connection) return connection;
  problems.push({
    field: 'immybot',
    message: 'The saved ImmyBot instance or Integration ID was not valid and was set aside; enter them again.',
  });
  return null;
}

function readShow(value: unknown, problems: SettingsProblem[]): ShowPlace | null {
  if (value === null || value === undefined || isShowPlace(value)) return value ?? null;
  problems.push({
    field: 'show',
    message: `The saved “Show Technician Tools” choice was not valid and was reset: ${describeValue(value)}`,
  });
  return null;
}

function readSiteConnections(value: unknown, problems: SettingsProblem[]): Record<string, ImmyBotConnection> {
  // One message for a broken entry and a broken whole: either way those sites use the default connection.
  const dropped = (what: unknown) =>
    problems.push({
      field: 'siteConnections',
      message: `A saved site connection was not valid; the site uses the default: ${describeValue(what)}`,
    });
  if (value === undefined || value === null) return {};
  if (!isPlainRecord(value)) dropped(value);
  return storedSiteConnections(value, dropped);
}

const ORIGIN_LISTS = { haloOrigins: 'HaloPSA site', declinedOrigins: '“Not here” answer' } as const;

function readOrigins(field: keyof typeof ORIGIN_LISTS, value: unknown, problems: SettingsProblem[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({ field, message: `The saved ${ORIGIN_LISTS[field]} list was unreadable and was dropped.` });
    return [];
  }
  const kept: string[] = [];
  for (const origin of value) {
    if (!isHaloOrigin(origin))
      problems.push({
        field,
        message: `A saved ${ORIGIN_LISTS[field]} was not valid and was dropped: ${describeValue(origin)}`,
      });
    else if (kept.includes(origin))
      problems.push({
        field,
        message: `A saved ${ORIGIN_LISTS[field]} was listed twice; the copy was dropped: ${origin}`,
      });
    else kept.push(origin);
  }
  return kept;
}

/** A stored value, shortly, for a problem message; never throws (storage can hold what JSON cannot say). */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = typeof value === 'object' ? 'an object that holds itself' : `a ${typeof value}`; // or a BigInt
  }
  return text.slice(0, 80);
}
