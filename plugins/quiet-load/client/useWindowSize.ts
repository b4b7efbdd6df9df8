/**
 * Docusaurus's `useWindowSize`, with one change: the first measurement after
 * hydration is applied in a transition (../index.ts). Later resizes are
 * applied as before. Hydration must see 'ssr', the server's value.
 */
import { startTransition, useEffect, useState } from 'react';
import { DESKTOP_BREAKPOINT } from '../../../src/config/layout';

type WindowSize = 'desktop' | 'mobile' | 'ssr';

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
