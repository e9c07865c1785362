import { useEffect, useState } from 'preact/hooks';
import type { EffectiveSettings } from '../../lib/settings/merge';
import { loadStoredSettings, watchPageSettings } from '../../lib/settings/page-settings';

/** The settings in effect with their sources and problems, kept live (a policy can change under an open page). */
export function useEffectiveSettings(): EffectiveSettings | null {
  const [effective, setEffective] = useState<EffectiveSettings | null>(null);
  useEffect(() => {
    let current = 0;
    const refresh = () => {
      const run = ++current;
      void loadStoredSettings().then((read) => run === current && setEffective(read));
    };
    refresh();
    return watchPageSettings(refresh);
  }, []);
  return effective;
}
