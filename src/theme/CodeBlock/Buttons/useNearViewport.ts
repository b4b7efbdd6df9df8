/**
 * `useNearViewport(ref, target?)`: false until the element `ref` points to (or
 * `target(element)`) first comes within NEAR_MARGIN of the screen, then true
 * for good. One IntersectionObserver serves every caller. Where the browser has
 * no IntersectionObserver it is true as soon as the component has mounted.
 *
 * It takes a ref, read in an effect, rather than an element held in state: a
 * state setter used as a ref callback updates state during React's commit,
 * which React then renders synchronously, and to do so it first runs every
 * pending effect of the page in the same task (after the first hydration:
 * the whole page's).
 */
import { useEffect, useState, type RefObject } from 'react';

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

export function useNearViewport<T extends Element>(ref: RefObject<T | null>, target: (element: T) => Element | null = (element) => element): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current && target(ref.current);
    if (near || !element) return undefined;
    if (typeof IntersectionObserver !== 'function') {
      setNear(true);
      return undefined;
    }
    return observe(element, () => setNear(true));
    // `target` is read once per mount: a new function each render must not observe again.
  }, [ref, near]);
  return near;
}
