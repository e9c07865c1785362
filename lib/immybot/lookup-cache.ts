import { LOOKUP_KEY_PREFIX } from '../storage';
import { LOOKUP_TTL_MS, type LookupCache } from './lookups';

/** The slice of a storage area the cache needs (storage.session in the background). */
export interface CacheStorage {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

type Entry = { at: number };

/**
 * Lookup answers in a storage area that outlives a service-worker restart and never reaches a page.
 * Entries past their time to live are pruned on every write, and a failed write (a full quota) is
 * retried once after clearing every cached answer, then given up: caching never fails a lookup.
 */
export function createStorageLookupCache(area: CacheStorage, now = Date.now): LookupCache {
  const keysOf = async (isStale: (entry: Entry | undefined) => boolean) =>
    Object.entries(await area.get(null))
      .filter(([key, value]) => key.startsWith(LOOKUP_KEY_PREFIX) && isStale(value as Entry | undefined))
      .map(([key]) => key);
  const prune = async (all: boolean) => {
    const stale = await keysOf((entry) => all || typeof entry?.at !== 'number' || now() - entry.at >= LOOKUP_TTL_MS);
    if (stale.length) await area.remove(stale);
  };
  return {
    get: async (key) => (await area.get(LOOKUP_KEY_PREFIX + key))[LOOKUP_KEY_PREFIX + key] as never,
    set: async (key, entry) => {
      try {
        await prune(false);
        await area.set({ [LOOKUP_KEY_PREFIX + key]: entry });
      } catch {
        try {
          await prune(true);
          await area.set({ [LOOKUP_KEY_PREFIX + key]: entry });
        } catch {
          // Still no room: answer without caching.
        }
      }
    },
  };
}
