/**
 * Marks the heading of the response example that the chosen request produces: while the
 * element with id `anchor` exists, it carries `aria-current="true"` (src/css/custom.css
 * highlights it). The static response sections are not otherwise changed; the mark moves
 * when the choice does and goes when the block unmounts.
 */
import { useEffect } from 'react';

export function useMarkedHeading(anchor: string | undefined): void {
  useEffect(() => {
    if (!anchor) return undefined;
    const heading = document.getElementById(anchor);
    if (!heading) return undefined;
    heading.setAttribute('aria-current', 'true');
    return () => heading.removeAttribute('aria-current');
  }, [anchor]);
}
