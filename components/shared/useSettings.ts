import { useEffect, useState } from 'preact/hooks';
import { type CurrentSettings, loadSettings, watchSettings } from '../../lib/settings/settings';

/** The settings in effect (with sources, problems and the last sign-in), kept live; null until first read. */
export function useSettings(): CurrentSettings | null {
  const [settings, setSettings] = useState<CurrentSettings | null>(null);
  useEffect(() => {
    let changed = false;
    // A slow first read never overwrites a change that arrived after it.
    void loadSettings().then((first) => changed || setSettings(first));
    return watchSettings((next) => {
      changed = true;
      setSettings(next);
    });
  }, []);
  return settings;
}
