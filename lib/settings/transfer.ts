import type { SettingsChange } from './changes';
import { isLocked, type SettingSources } from './merge';
import { connectionLabel, sameConnection, sameConnections } from '../immybot/connection';
import {
  ADMIN_KEYS,
  type ManagedPolicy,
  POLICY_FIELDS,
  type PolicyField,
  readAdminValues,
  unlistedSiteConnections,
} from './policy';
import { describeValue } from './read';
import { MAX_IMPORTED_SITES, type Settings } from './schema';
import { SHOW_PLACE_LABELS } from './show';
import { ownConnection } from './site-connections';

/**
 * A settings file: what one browser's options page set, for another browser to import. Its keys are the
 * managed policy's (public/managed_schema.json), so an admin can paste its values into a policy. Nothing in
 * the settings is secret; the “Not here” answers stay with the browser that gave them.
 */
export const FILE_FORMAT = 'immybot-technician-tools-settings';
export const FILE_VERSION = 1;
const READABLE_VERSIONS: readonly unknown[] = [1];
/** A settings file is a few hundred bytes: anything this big is refused before it is parsed. */
export const MAX_FILE_BYTES = 64 * 1024;
export const TOO_BIG = `This file is too big for a settings file (over ${MAX_FILE_BYTES / 1024} KB).`;
const FILE_KEYS = ['format', 'version', ...Object.keys(ADMIN_KEYS)];

/** What a file sets, read into the settings' canonical shape (the same shape as a policy); left out = keep. */
export type ImportedSettings = ManagedPolicy;
export type ImportSettingsChange = Extract<SettingsChange, { kind: 'importSettings' }>;

/** The settings in effect as a file; a value left at its default is left out, so it never clears the importer's. */
export function exportSettings(settings: Settings): string {
  const file: Record<string, unknown> = { format: FILE_FORMAT, version: FILE_VERSION };
  if (settings.immybot) {
    file.immybotInstance = settings.immybot.instanceOrigin;
    file.integrationId = settings.immybot.integrationId;
  }
  if (settings.haloOrigins.length > 0) file.haloSites = settings.haloOrigins;
  if (settings.show) file.show = settings.show;
  const sites = Object.entries(settings.siteConnections);
  // Keys are written as haloSites writes its entries (origins), values with the policy's own key names.
  if (sites.length > 0)
    file.siteConnections = Object.fromEntries(
      sites.map(([site, c]) => [site, { immybotInstance: c.instanceOrigin, integrationId: c.integrationId }]),
    );
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** `technician-tools-settings-acme.json`, named after the instance so files from several instances differ. */
export function exportFileName(settings: Settings): string {
  const name = settings.immybot ? new URL(settings.immybot.instanceOrigin).hostname.split('.')[0] : '';
  return `technician-tools-settings${name ? `-${name}` : ''}.json`;
}

export type ImportRead = { ok: true; imported: ImportedSettings } | { ok: false; error: string };

const fail = (error: string) => ({ ok: false, error }) as const;

/** Reads a settings file all or nothing: any wrong value refuses the whole file, with the field it is in. */
export function parseImport(text: string): ImportRead {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so a huge text is refused before it is encoded.
  if (text.length > MAX_FILE_BYTES || new TextEncoder().encode(text).length > MAX_FILE_BYTES) return fail(TOO_BIG);
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return fail('This file is not a settings file: it is not valid JSON.');
  }
  if (!file || typeof file !== 'object' || Array.isArray(file))
    return fail('This file is not a settings file: it holds JSON, but not an object of settings.');
  const record = file as Record<string, unknown>;
  if (record.format !== FILE_FORMAT)
    return fail(`This file is not a Technician Tools settings file: its "format" must be "${FILE_FORMAT}".`);
  if (!READABLE_VERSIONS.includes(record.version)) {
    const version =
      record.version === undefined ? 'does not say its "version"' : `is version ${describeValue(record.version)}`;
    return fail(
      `This settings file ${version}; this extension reads version ${READABLE_VERSIONS.join(' and ')}. Export it again from a matching version of Technician Tools.`,
    );
  }
  const unknown = Object.keys(record).filter((key) => !FILE_KEYS.includes(key));
  if (unknown.length > 0)
    return fail(
      `This file has settings Technician Tools does not know: ${unknown.slice(0, 5).map(describeValue).join(', ')}. A settings file holds only ${FILE_KEYS.join(', ')}.`,
    );
  if (Array.isArray(record.haloSites) && record.haloSites.length > MAX_IMPORTED_SITES)
    return fail(
      `${POLICY_FIELDS.haloOrigins}: a settings file lists at most ${MAX_IMPORTED_SITES} sites; this one lists ${record.haloSites.length}.`,
    );
  const { values, problems } = readAdminValues(record);
  const [first] = problems;
  if (!first) return { ok: true, imported: values };
  const { field, reason, site } = first;
  return fail(`${POLICY_FIELDS[field]}: ${site ? `${site} cannot be used. ${reason}` : reason}`);
}

/**
 * What importing a file would do here: the one change to send (null: nothing changes) and what it says. The
 * change carries only what the list says, with the values the list showed, so Apply does exactly that.
 */
export interface ImportPlan {
  change: ImportSettingsChange | null;
  /** One line per setting that changes, "ImmyBot instance: https://old.immy.bot → https://acme.immy.bot". */
  changes: string[];
  /** One line per imported value that will not apply because the organization set that setting. */
  locked: string[];
}

/**
 * What a file's `siteConnections` would change: one line per site whose connection changes. Every site in it must
 * be listed once the file is imported (its own haloSites, or the list here when it has none or the organization
 * sets it): a connection without its site is refused, never dropped quietly.
 */
function planSiteConnections(
  current: Settings,
  sources: SettingSources,
  { siteConnections = {}, haloOrigins }: ImportedSettings,
): { ok: true; lines: string[] } | { ok: false; error: string } {
  const listedAfter = haloOrigins && !isLocked(sources, 'haloOrigins') ? haloOrigins : current.haloOrigins;
  const unlisted = unlistedSiteConnections(siteConnections, listedAfter);
  if (unlisted.length > 0)
    return fail(
      `${POLICY_FIELDS.siteConnections}: ${listed(unlisted)} ${unlisted.length > 1 ? 'are' : 'is'} not among the HaloPSA sites. List ${unlisted.length > 1 ? 'them' : 'it'} in "haloSites" too.`,
    );
  const lines: string[] = [];
  const name = (site: string) => new URL(site).host;
  for (const site of new Set([...Object.keys(current.siteConnections), ...Object.keys(siteConnections)])) {
    const [now, next] = [ownConnection(current, site), ownConnection({ siteConnections }, site)];
    // A site the file takes off the list loses its connection with it; the sites line says so.
    if (sameConnection(now, next) || (!next && !listedAfter.includes(site))) continue;
    lines.push(
      `${POLICY_FIELDS.siteConnections}: ${name(site)} ${next ? `uses ${connectionLabel(next)}` : 'goes back to the default connection'}`,
    );
  }
  return { ok: true, lines };
}

const listed = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const placeName = (show: Settings['show']) => (show ? SHOW_PLACE_LABELS[show] : 'this browser’s default');

/**
 * Plans a file's import over the settings in effect (`sources` says which the organization set: those keep
 * their value, and the change leaves them out). A file that sets half the connection completes it with this
 * browser's other half, and is refused when there is none.
 */
export function planImport(
  current: Settings,
  sources: SettingSources,
  imported: ImportedSettings,
): { ok: true; plan: ImportPlan } | { ok: false; error: string } {
  const change: ImportSettingsChange = { kind: 'importSettings' };
  const changes: string[] = [];
  const locked: string[] = [];
  const keep = (field: PolicyField, value: string) =>
    locked.push(`${POLICY_FIELDS[field]}: stays ${value}, as your organization set it.`);

  /** The value a connection half will have: the file's, unless the organization set it. */
  const half = <T>(field: PolicyField, fromFile: T | undefined, now: T | undefined): T | undefined => {
    if (fromFile === undefined || fromFile === now) return now;
    if (!isLocked(sources, field)) return fromFile;
    keep(field, String(now));
    return now;
  };
  if (imported.instanceOrigin !== undefined || imported.integrationId !== undefined) {
    const now = current.immybot;
    const instanceOrigin = half('instanceOrigin', imported.instanceOrigin, now?.instanceOrigin);
    const integrationId = half('integrationId', imported.integrationId, now?.integrationId);
    const missing = (field: PolicyField, other: PolicyField, key: string) =>
      fail(
        `${POLICY_FIELDS[field]}: this file sets the ${POLICY_FIELDS[other]} but not the ${POLICY_FIELDS[field]}, and none is set here yet. Add "${key}" to the file.`,
      );
    if (instanceOrigin === undefined) return missing('instanceOrigin', 'integrationId', 'immybotInstance');
    if (integrationId === undefined) return missing('integrationId', 'instanceOrigin', 'integrationId');
    if (instanceOrigin !== now?.instanceOrigin || integrationId !== now?.integrationId) {
      change.connection = { from: now, to: { instanceOrigin, integrationId } };
      if (instanceOrigin !== now?.instanceOrigin)
        changes.push(`${POLICY_FIELDS.instanceOrigin}: ${now?.instanceOrigin ?? 'not set'} → ${instanceOrigin}`);
      if (integrationId !== now?.integrationId)
        changes.push(`${POLICY_FIELDS.integrationId}: ${now?.integrationId ?? 'not set'} → ${integrationId}`);
    }
  }

  if (imported.haloOrigins) {
    const sites = imported.haloOrigins;
    const added = sites.filter((site) => !current.haloOrigins.includes(site));
    const removed = current.haloOrigins.filter((site) => !sites.includes(site));
    // The same sites in another order are the same list.
    if (added.length + removed.length > 0) {
      if (isLocked(sources, 'haloOrigins')) keep('haloOrigins', 'the list your organization made');
      else {
        // The difference the list shows, not the file's list: a site listed after this plan stays listed.
        if (added.length) change.addSites = added;
        if (removed.length) change.removeSites = removed;
        const parts = [added.length ? `adds ${listed(added)}` : '', removed.length ? `removes ${listed(removed)}` : ''];
        changes.push(`${POLICY_FIELDS.haloOrigins}: ${parts.filter(Boolean).join(', ')}`);
      }
    }
  }

  if (imported.siteConnections && isLocked(sources, 'siteConnections')) {
    if (!sameConnections(imported.siteConnections, current.siteConnections))
      keep('siteConnections', 'the connections your organization set');
  } else if (imported.siteConnections) {
    const plan = planSiteConnections(current, sources, imported);
    if (!plan.ok) return plan;
    if (plan.lines.length > 0) {
      change.siteConnections = { from: current.siteConnections, to: imported.siteConnections };
      changes.push(...plan.lines);
    }
  }

  if (imported.show !== undefined && imported.show !== current.show) {
    if (isLocked(sources, 'show')) keep('show', placeName(current.show));
    else {
      change.show = { from: current.show, to: imported.show };
      changes.push(`${POLICY_FIELDS.show}: ${placeName(current.show)} → ${SHOW_PLACE_LABELS[imported.show]}`);
    }
  }
  return { ok: true, plan: { change: changes.length > 0 ? change : null, changes, locked } };
}
