import { useEffect, useState } from 'preact/hooks';
import { hasHaloAccess, watchAccess } from '../../lib/halo/access';

export interface HaloOriginStatus {
  origin: string;
  hasAccess: boolean;
}

/** The listed HaloPSA sites (from the settings) and whether the browser lets us run on each, kept live. */
export function useHaloAccess(haloOrigins: readonly string[] | undefined): HaloOriginStatus[] | null {
  const [statuses, setStatuses] = useState<HaloOriginStatus[] | null>(null);
  const key = haloOrigins?.join(' ');
  useEffect(() => {
    if (!haloOrigins) return;
    let current = 0;
    const refresh = async () => {
      const run = ++current;
      const next = await Promise.all(
        haloOrigins.map(async (origin) => ({ origin, hasAccess: await hasHaloAccess(origin) })),
      );
      if (run === current) setStatuses(next);
    };
    void refresh();
    return watchAccess(() => void refresh());
  }, [key]);
  return statuses;
}
