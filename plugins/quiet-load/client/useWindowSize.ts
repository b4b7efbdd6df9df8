/**
 * Docusaurus's `useWindowSize`, with one change: the first measurement after
 * hydration is applied in a transition (../index.ts). Later resizes are
 * applied as before. Hydration must see 'ssr', the server's value.
 */
import { startTransition, useEffect, useState } from 'react';

type WindowSize = 'desktop' | 'mobile' | 'ssr';

// The same breakpoint as Infima's CSS (and Docusaurus's own hook).
const DESKTOP_BREAKPOINT = 996;

export function useWindowSize({ desktopBreakpoint = DESKTOP_BREAKPOINT }: { desktopBreakpoint?: number } = {}): WindowSize {
  const [windowSize, setWindowSize] = useState<WindowSize>('ssr');
  useEffect(() => {
    const measure = (): WindowSize => (window.innerWidth > desktopBreakpoint ? 'desktop' : 'mobile');
    startTransition(() => setWindowSize(measure()));
    const onResize = () => setWindowSize(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [desktopBreakpoint]);
  return windowSize;
}
