import { isHostedHaloUrl, toUrl } from '../halo/hosts';
import { isListedSite } from '../halo/sites';
import { faultIdFromUrl } from '../halo/ticket';
import type { ImmyBotConnection } from '../immybot/connection';
import { podUrl } from '../immybot/pod-url';
import type { SettingSources } from '../settings/merge';
import type { Settings } from '../settings/schema';
import { connectionForSite } from '../settings/site-connections';

/** What a HaloPSA page shows of Technician Tools. */
export type PaneView =
  | { kind: 'none' }
  /** Nothing is configured yet: the setup prompt, whose save also turns this site on. */
  | { kind: 'setup'; faultId: number }
  /** ImmyBot is configured, but nobody listed this hosted tenant: only the offer, nothing from ImmyBot. */
  | { kind: 'offer'; faultId: number; host: string }
  | { kind: 'pane'; faultId: number; connection: ImmyBotConnection };

type SiteSettings = Pick<Settings, 'immybot' | 'haloOrigins' | 'declinedOrigins' | 'siteConnections'> & {
  sources?: Pick<SettingSources, 'haloOrigins'>;
};

/** The trust decision for one page: only a listed site's tickets get Technician Tools. */
export function paneView(url: string, settings: SiteSettings): PaneView {
  const faultId = faultIdFromUrl(url);
  if (faultId === null) return { kind: 'none' };
  const parsed = toUrl(url);
  if (isListedSite(url, settings.haloOrigins)) {
    // The site's own connection (a sandbox tenant's integration, say), else the default one.
    const connection = connectionForSite(settings, parsed?.origin);
    return connection ? { kind: 'pane', faultId, connection } : { kind: 'setup', faultId };
  }
  // A self-hosted page off the list (a registration outliving its removal) shows nothing at all, nor does a
  // site off the organization's list: nobody here may add it.
  if (!parsed || !isHostedHaloUrl(parsed) || settings.declinedOrigins.includes(parsed.origin)) return { kind: 'none' };
  if (settings.sources?.haloOrigins === 'managed') return { kind: 'none' };
  return settings.immybot ? { kind: 'offer', faultId, host: parsed.host } : { kind: 'setup', faultId };
}

/** The Technician Tools URL a pane view shows: its ticket on its connection. */
export const paneViewPodUrl = ({ faultId, connection }: Extract<PaneView, { kind: 'pane' }>): string =>
  podUrl(connection.instanceOrigin, connection.integrationId, faultId);
