/**
 * The browser bundle's entry (../index.ts): Docusaurus's own client entry,
 * started in four tasks instead of one.
 *
 * Evaluating main.js used to be one task: compiling it, React DOM's module,
 * then the whole application's modules (theme, routes, registry), then the
 * client entry's body (matching the route, asking for its chunks, starting
 * hydration). On a docs page that task took 13 to 15 ms on a phone viewport,
 * which Lighthouse's four-fold CPU slowdown turns into a long task. The same
 * modules now evaluate in the same order, each step in a task of its own:
 * main.js's own task only compiles it (off the main thread while it downloads,
 * plugins/compile-hints, then a few milliseconds to finish) and schedules the
 * rest; then React DOM; then the application; then the start. In between the
 * browser can paint or answer input. Hydration itself was already sliced:
 * Docusaurus starts it in a transition.
 *
 * With React DOM in main.js's own task, that task was the longest of a page's
 * load (6.9 to 8.0 ms of CPU in Lighthouse's trace of the pagination guide, the
 * most often stretched past Lighthouse's long-task line on a busy machine);
 * without it, 5.2 to 5.9 ms.
 */
import { nextTask } from './nextTask';

void nextTask()
  .then(() => import(/* webpackMode: "eager" */ '@quiet-load/react-dom-client'))
  .then(nextTask)
  .then(() => import(/* webpackMode: "eager" */ '@quiet-load/docusaurus-app'))
  .then(nextTask)
  .then(() => import(/* webpackMode: "eager" */ '@quiet-load/docusaurus-client-entry'));
