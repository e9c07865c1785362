// Feather-style 24px line icons, drawn with currentColor so the theme decides their colour.
const PATHS = {
  reload: 'M21 12a9 9 0 1 1-2.64-6.36M21 3v6h-6',
  external: 'M14 3h7v7M10 14L21 3M19 14v5a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2h5',
  collapse: 'M9 18l6-6-6-6',
  expand: 'M15 18l-6-6 6-6',
  settings: 'M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M14 4v4M8 10v4M16 16v4',
  close: 'M18 6L6 18M6 6l12 12',
  sidePanel: 'M3 4h18v16H3zM15 4v16',
  window: 'M8 8V4h13v11h-4M3 8h14v12H3zM3 12h14',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
