import { isListedSite } from './sites';
import { faultIdFromUrl } from './ticket';

export interface TicketTabCandidate {
  id?: number;
  windowId?: number;
  url?: string;
  lastAccessed?: number;
}

/** The ticket tab the user looked at last, on a listed HaloPSA site; undefined when none is open. */
export function recentTicketTab<T extends TicketTabCandidate>(
  tabs: readonly T[],
  haloOrigins: readonly string[],
): T | undefined {
  return tabs
    .filter(
      (tab) =>
        tab.id !== undefined && tab.url && isListedSite(tab.url, haloOrigins) && faultIdFromUrl(tab.url) !== null,
    )
    .reduce<T | undefined>(
      (best, tab) => (!best || (tab.lastAccessed ?? 0) > (best.lastAccessed ?? 0) ? tab : best),
      undefined,
    );
}
