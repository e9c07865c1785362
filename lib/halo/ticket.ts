import { parseId } from '../ids';
import { toUrl } from './hosts';

// Agent-app ticket routes; `/portal/ticket` (end users) and `/config/...` never match.
const TICKET_PATHS = new Set(['/ticket', '/tickets']);

/**
 * The HaloPSA ticket id ($FAULTID) a URL shows, or null when it is not a saved ticket's page.
 * Only the path and the `id` query parameter count: list parameters around it are ignored.
 */
export function faultIdFromUrl(url: string | URL): number | null {
  const parsed = toUrl(url);
  if (!parsed) return null;
  const path = parsed.pathname.toLowerCase().replace(/\/+$/, '');
  if (!TICKET_PATHS.has(path)) return null;
  const ids = new Set(parsed.searchParams.getAll('id'));
  // No id, or two different ids: we cannot know which ticket is shown.
  if (ids.size !== 1) return null;
  const [text] = ids;
  return /^[0-9]+$/.test(text) ? parseId(text) : null;
}
