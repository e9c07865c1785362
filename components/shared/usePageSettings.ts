import { useEffect, useState } from 'preact/hooks';
import { loadPageSettings, type PageSettings, watchPageSettings } from '../../lib/settings/page-settings';

/** The settings and the last completed sign-in, kept live; null until first read. */
export function usePageSettings(): PageSettings | null {
  const [settings, setSettings] = useState<PageSettings | null>(null);
  useEffect(() => {
    void loadPageSettings().then(setSettings);
    return watchPageSettings(setSettings);
  }, []);
  return settings;
}
