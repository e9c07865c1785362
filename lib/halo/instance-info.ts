import * as z from 'zod/mini';

/** `GET /api/instanceinfo` answers without login on a HaloPSA instance; we read only what we show. */
const InstanceInfoSchema = z.object({
  tenant_id: z.optional(z.union([z.string(), z.number()])),
  agent_url: z.optional(z.string()),
});

export type HaloCheck = { looksLikeHalo: true; tenant?: string } | { looksLikeHalo: false; reason: string };

/**
 * Asks an origin whether it is HaloPSA. Never decisive on its own: an instance may hide the route,
 * or the browser may block the read until access is granted, so "no" means "could not confirm".
 */
export async function checkHaloInstance(
  origin: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 5_000,
): Promise<HaloCheck> {
  try {
    const response = await fetchImpl(`${origin}/api/instanceinfo`, {
      credentials: 'omit',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { looksLikeHalo: false, reason: `it answered ${response.status}` };
    const info = InstanceInfoSchema.safeParse(await response.json());
    if (!info.success || (info.data.tenant_id === undefined && info.data.agent_url === undefined)) {
      return { looksLikeHalo: false, reason: 'its answer is not HaloPSA’s' };
    }
    return { looksLikeHalo: true, tenant: info.data.tenant_id === undefined ? undefined : String(info.data.tenant_id) };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {
      looksLikeHalo: false,
      reason: timedOut ? 'it did not answer in time' : 'it could not be reached, or it hides /api/instanceinfo',
    };
  }
}
