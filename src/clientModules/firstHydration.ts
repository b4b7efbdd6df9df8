/**
 * Ends "first hydration" (src/components/KeepServerHtml/firstHydration.ts):
 * Docusaurus calls `onRouteDidUpdate` in the layout effects of its first
 * commit, which is the hydration of the server's HTML, and after every
 * navigation.
 */
import { endFirstHydration } from '@site/src/components/KeepServerHtml/firstHydration';

export function onRouteDidUpdate(): void {
  endFirstHydration();
}
