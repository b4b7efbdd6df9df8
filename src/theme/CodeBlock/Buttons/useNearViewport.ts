/**
 * `useNearViewport(element)`: false until `element` first comes within
 * NEAR_MARGIN of the screen, then true for good. One IntersectionObserver
 * serves every caller. Where the browser has no IntersectionObserver it is
 * true as soon as the component has mounted.
 */
import { useEffect, useState } from 'react';

/** How far off screen an element counts as near: about a phone screen's height. */
export const NEAR_MARGIN = '800px 0px';

type Callback = () => void;
const waiting = new Map<Element, Callback>();
let observer: IntersectionObserver | undefined;

function observe(element: Element, onNear: Callback): () => void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const callback = waiting.get(entry.target);
        observer?.unobserve(entry.target);
        waiting.delete(entry.target);
        callback?.();
      }
    },
    { rootMargin: NEAR_MARGIN },
  );
  waiting.set(element, onNear);
  observer.observe(element);
  return () => {
    waiting.delete(element);
    observer?.unobserve(element);
  };
}

export function useNearViewport(element: Element | null): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near || !element) return undefined;
    if (typeof IntersectionObserver !== 'function') {
      setNear(true);
      return undefined;
    }
    return observe(element, () => setNear(true));
  }, [element, near]);
  return near;
}
