import { useEffect, useState } from 'preact/hooks';
import { hasHaloAccess, watchAccess } from '../../lib/halo/access';
import { loadPageSettings, watchPageSettings } from '../../lib/settings/page-settings';

export interface HaloOriginStatus {
  origin: string;
  hasAccess: boolean;
}

/** The added HaloPSA origins and whether the browser lets us run there, kept live. */
export function useHaloOrigins(): HaloOriginStatus[] | null {
  const [origins, setOrigins] = useState<HaloOriginStatus[] | null>(null);
  useEffect(() => {
    let current = 0;
    const refresh = async () => {
      const run = ++current;
      const { haloOrigins } = await loadPageSettings();
      const statuses = await Promise.all(
        haloOrigins.map(async (origin) => ({ origin, hasAccess: await hasHaloAccess(origin) })),
      );
      if (run === current) setOrigins(statuses);
    };
    void refresh();
    const unwatchSettings = watchPageSettings(() => void refresh());
    const unwatchAccess = watchAccess(() => void refresh());
    return () => {
      unwatchSettings();
      unwatchAccess();
    };
  }, []);
  return origins;
}
