/** Language: prose of the translation that looks untranslated (English) or in another language (a warning). */
import { LANGUAGE_NAMES, wrongLanguage } from '../language';
import { code, truncate } from '../text';
import { definePageRules } from './rule';

export const language = definePageRules({
  name: 'language',
  meta: {
    'language': {
      severity: 'warning',
      description: 'A paragraph looks untranslated (English) or in another language than the locale.',
      fix: 'Translate it (ignore if it is meant to stay so).',
    },
  },
  check({ target, options }, report) {
    if (!(options.language ?? true)) return;
    const locale = options.locale;
    const lang = locale.toLowerCase().split(/[-_]/)[0] ?? locale;
    if (!(lang in LANGUAGE_NAMES) || lang === 'en' && locale === 'en') return;
    for (const p of target.prose) {
      const v = wrongLanguage(p.text, lang);
      if (!v) continue;
      const what = v.detected === 'en' ? 'still in English (untranslated)' : `in ${LANGUAGE_NAMES[v.detected]}`;
      report('language', p.line, `text seems ${what}, expected ${LANGUAGE_NAMES[lang] ?? lang}: ${code(truncate(p.text.trim(), 50))} (stop words: ${Object.entries(v.scores).filter(([, n]) => n > 0).map(([k, n]) => `${k}=${n}`).join(' ')})`);
    }
  },
});
