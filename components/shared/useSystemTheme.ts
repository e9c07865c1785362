import { useEffect } from 'preact/hooks';

/** The same theme as the system: the side panel and the window have no HaloPSA page to take it from. */
export function useSystemTheme() {
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => document.getElementById('app')?.classList.toggle('theme-dark', query.matches);
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, []);
}
