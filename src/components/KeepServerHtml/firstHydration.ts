/**
 * Whether React is still in the page's first hydration, without a store that
 * would make every reader render again once it is over (a
 * `useSyncExternalStore` whose server snapshot differs forces a synchronous
 * re-render of each reader right after hydration).
 *
 * The flag flips in the first commit's layout effects
 * (src/clientModules/firstHydration.ts, Docusaurus's `onRouteDidUpdate`), after
 * every component of the server's HTML has rendered and before any effect can
 * mount something new. A component reads it once, when it mounts.
 */
let done = false;

/** True in the browser until the first hydration has committed; false on the server and afterwards. */
export function inFirstHydration(): boolean {
  return typeof window !== 'undefined' && !done;
}

/** The first hydration has committed (idempotent). */
export function endFirstHydration(): void {
  done = true;
}
