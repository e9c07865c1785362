import { useEffect, useState } from 'preact/hooks';

/** The window's width in CSS px, kept current: resizing the window and zooming both fire `resize`. */
export function useViewportWidth(): number {
  const [width, setWidth] = useState(window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}
