/**
 * The demo API keys the sandbox accepts by default. They are written once, in the
 * site config (src/config/site.ts), which the panel, the tests and `npm start` read
 * too; this module gives the sandbox and its tests their local names.
 */
export { DEMO_API_KEYS, DOCS_DEMO_API_KEY, SECOND_DEMO_API_KEY } from '../../src/config/site';
