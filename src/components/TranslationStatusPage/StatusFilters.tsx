/**
 * The controls of the status page: which pages (needs work, out of date, not translated, all)
 * and which language. A radio group and a select, labelled; the list below follows at once.
 */
import React, { useId, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { STATUS_FILTERS, type StatusPageLocale, type StatusView } from '@site/plugins/translation-status/shared';
import { filterLabel } from './labels';
import styles from './styles.module.css';

interface Props {
  view: StatusView;
  locales: readonly StatusPageLocale[];
  onChange: (view: StatusView) => void;
}

export default function StatusFilters({ view, locales, onChange }: Props): ReactNode {
  const id = useId();
  return (
    <form className={styles.filters} onSubmit={(e) => e.preventDefault()} aria-label={translate({ id: 'translationStatus.filter.name', message: 'Filter the pages', description: 'Accessible name of the filter form of the status page' })}>
      <fieldset className={styles.show}>
        <legend>
          <Translate id="translationStatus.filter.legend" description="Legend of the status filter (which pages to list)">
            Show
          </Translate>
        </legend>
        {STATUS_FILTERS.map((f) => (
          <label key={f} className={styles.choice}>
            <input type="radio" name={`${id}-show`} value={f} checked={view.show === f} onChange={() => onChange({ ...view, show: f })} />
            {filterLabel(f)}
          </label>
        ))}
      </fieldset>
      <label className={styles.language}>
        <Translate id="translationStatus.filter.language" description="Label of the language select of the status page">
          Language
        </Translate>
        <select value={view.locale ?? ''} onChange={(e) => onChange({ ...view, locale: e.target.value || null })}>
          <option value="">
            {translate({ id: 'translationStatus.filter.allLanguages', message: 'All languages', description: 'Option of the language select: every language' })}
          </option>
          {locales.map((l) => (
            <option key={l.locale} value={l.locale} lang={l.htmlLang}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
