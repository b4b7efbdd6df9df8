/**
 * The demo API keys the sandbox accepts. They are public on purpose: the first
 * one appears in the public Callbell docs, the second lets you try a second
 * account's rate-limit window. They open nothing but this local sandbox.
 */

/** The key shown in the public documentation. */
export const DOCS_DEMO_API_KEY = 'test_gshuPaZoeEG6ovbc8M79w0QyM';

/** A second demo key, with its own rate-limit window. */
export const SECOND_DEMO_API_KEY = 'test_sandboxSecondKey7Qm2Xr9Lp4Vt';

/** Every key the sandbox accepts by default. */
export const DEMO_API_KEYS: readonly string[] = Object.freeze([DOCS_DEMO_API_KEY, SECOND_DEMO_API_KEY]);
