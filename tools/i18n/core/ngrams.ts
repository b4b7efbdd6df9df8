/**
 * The n-gram language detector of the language rule: ELD (`eld`, pure JavaScript, Apache-2.0) with
 * its extra-small database, limited to DETECTED_LANGUAGES. The package is ESM only and its
 * database is a large module, so it is loaded asynchronously, once, by whoever runs the checker
 * (the CLI, the tests) and handed to the core (`detector` option).
 */
import { DETECTED_LANGUAGES, type Lang, type NgramDetector } from './language';

let loading: Promise<NgramDetector> | undefined;

/** The detector, loaded on first call (about 0.15 s). */
export function loadNgramDetector(): Promise<NgramDetector> {
  loading ??= import('eld/extrasmall').then(({ eld }) => {
    const instance = eld.newInstance();
    instance.setLanguageSubset([...DETECTED_LANGUAGES]);
    return { scores: (text: string): Partial<Record<Lang, number>> => instance.detect(text).getScores() };
  });
  return loading;
}
