/**
 * The browser bundle's entry (../index.ts): Docusaurus's own client entry,
 * started in three tasks instead of one.
 *
 * Evaluating main.js used to be one task: React DOM's module, then the whole
 * application's modules (theme, routes, registry), then the client entry's
 * body (matching the route, asking for its chunks, starting hydration). On a
 * docs page that task took 13 to 15 ms on a phone viewport, which Lighthouse's
 * four-fold CPU slowdown turns into a long task. The same modules now
 * evaluate in the same order, with a task boundary after React DOM and
 * another after the application, so the browser can paint or answer input in
 * between. Hydration itself was already sliced: Docusaurus starts it in a
 * transition.
 */
import { nextTask } from './nextTask';

void import(/* webpackMode: "eager" */ '@quiet-load/react-dom-client')
  .then(nextTask)
  .then(() => import(/* webpackMode: "eager" */ '@quiet-load/docusaurus-app'))
  .then(nextTask)
  .then(() => import(/* webpackMode: "eager" */ '@quiet-load/docusaurus-client-entry'));
