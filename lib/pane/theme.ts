/**
 * The pane's one source of truth for its theme: HaloPSA's own choice when its page shows one (a `theme-…`
 * class on <html> or <body>, `theme-dark` meaning dark), else the system's `prefers-color-scheme`.
 */
export function isDarkTheme(doc: Document, systemDark: boolean): boolean {
  const classes = [...doc.documentElement.classList, ...(doc.body?.classList ?? [])];
  if (classes.includes('theme-dark')) return true;
  return classes.some((name) => name.startsWith('theme-')) ? false : systemDark;
}

/** Calls `apply` now and whenever HaloPSA's theme classes or the system's colour scheme change; returns a stop. */
export function watchTheme(doc: Document, apply: (dark: boolean) => void): () => void {
  const system = doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)');
  const update = () => apply(isDarkTheme(doc, system?.matches === true));
  update();
  system?.addEventListener?.('change', update);
  const observer = new MutationObserver(update);
  const observe = () => {
    observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['class'] });
    if (doc.body) observer.observe(doc.body, { attributes: true, attributeFilter: ['class'] });
  };
  observe();
  // Made at document_start, before HaloPSA's body (and its theme class) exists: look again once it does.
  const onReady = () => {
    observe();
    update();
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', onReady, { once: true });
  return () => {
    observer.disconnect();
    system?.removeEventListener?.('change', update);
    doc.removeEventListener('DOMContentLoaded', onReady);
  };
}
