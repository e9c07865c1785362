import type { ImmyBotConnection } from '../immybot/connection';
import type { Settings } from './schema';

type ConnectionSettings = Pick<Settings, 'immybot' | 'siteConnections'>;

/** The connection a site set for itself, if any; an own-property check, so no key of Object.prototype answers. */
export const ownConnection = (
  { siteConnections }: Pick<Settings, 'siteConnections'>,
  siteOrigin: string | null | undefined,
): ImmyBotConnection | null =>
  siteOrigin && Object.hasOwn(siteConnections, siteOrigin) ? siteConnections[siteOrigin] : null;

/**
 * Which ImmyBot connection a HaloPSA site's tickets use: its own, else the default (null when neither is set). The
 * one answer for every caller: the pane's and the side panel's Technician Tools URL, lookups, sign-in, the cookie
 * exception. In the settings in effect only listed sites keep a connection of their own (lib/settings/merge).
 */
export const connectionForSite = (
  settings: ConnectionSettings,
  siteOrigin: string | null | undefined,
): ImmyBotConnection | null => ownConnection(settings, siteOrigin) ?? settings.immybot;

/** Only the connections of listed sites: a site's connection goes with the site. */
export const listedConnections = (
  connections: Record<string, ImmyBotConnection>,
  haloOrigins: readonly string[],
): Record<string, ImmyBotConnection> =>
  Object.fromEntries(Object.entries(connections).filter(([site]) => haloOrigins.includes(site)));

/**
 * The instance a sign-in window goes to: the one it was opened for (`named`, a site's own connection) when some
 * connection in effect uses it, else the default connection's; null when there is none. Never an instance no
 * site uses, whatever the window's address says.
 */
export function signInInstance(settings: ConnectionSettings, named: string | null): string | null {
  const inUse = [settings.immybot, ...Object.values(settings.siteConnections)].map((c) => c?.instanceOrigin);
  return named && inUse.includes(named) ? named : (settings.immybot?.instanceOrigin ?? null);
}
