import { parseHaloAddress } from './address';
import { isHostedHaloUrl, toUrl } from './hosts';

/** What the toolbar popup can say about the active tab. */
export type TabState =
  | { kind: 'enabled'; origin: string }
  | { kind: 'needs-access'; origin: string }
  /** A hosted tenant not listed: one click lists it, no permission needed. */
  | { kind: 'hosted-off'; origin: string }
  /** A web page not listed yet: a probe decides whether it looks like HaloPSA. */
  | { kind: 'candidate'; origin: string }
  | { kind: 'other' };

export function tabState(
  url: string | undefined,
  haloOrigins: readonly string[],
  hasAccess: (origin: string) => boolean,
): TabState {
  const parsed = url ? toUrl(url) : null;
  if (!parsed) return { kind: 'other' };
  const address = parseHaloAddress(parsed.origin);
  if (!address.ok) return { kind: 'other' };
  const { origin } = address;
  if (!haloOrigins.includes(origin)) return { kind: isHostedHaloUrl(origin) ? 'hosted-off' : 'candidate', origin };
  return hasAccess(origin) ? { kind: 'enabled', origin } : { kind: 'needs-access', origin };
}

/**
 * Runs in the active tab (activeTab): HaloPSA answers /api/instanceinfo without login, and its agent
 * app has recognisable elements. Returns plain booleans only; the page cannot hand back anything else.
 */
export async function probeHaloPage(): Promise<boolean> {
  try {
    const response = await fetch('/api/instanceinfo', { credentials: 'omit', headers: { accept: 'application/json' } });
    if (response.ok) {
      const info = await response.json();
      if (info && typeof info === 'object' && ('tenant_id' in info || 'agent_url' in info)) return true;
    }
  } catch {
    // Hidden or blocked: fall back to the page itself.
  }
  return document.querySelector('#halo-nav, #ticketdetails-details, .details-sidebar') !== null;
}
