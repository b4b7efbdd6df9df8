/**
 * The search dialog, loaded on first use: a modal <dialog> with a combobox and
 * its listbox of results (title, sidebar label, section, excerpt with the match
 * highlighted). Arrows move, Enter opens, Escape or a click outside closes.
 * State lives in useSearch; this file renders. The list is made of divs: Infima
 * styles every ul with a specificity no module class can beat.
 */
import React, { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { useHistory } from '@docusaurus/router';
import { usePluralForm } from '@docusaurus/theme-common';
import type { SearchHit } from '@site/src/lib/search/types';
import { useSearch, type SearchState } from './useSearch';
import styles from './styles.module.css';

interface Props {
  open: boolean;
  onClose: () => void;
}

function Status({ search }: { search: SearchState }): ReactNode {
  const { selectMessage } = usePluralForm();
  const count = search.hits.length;
  switch (search.status) {
    case 'unavailable':
      return (
        <Translate id="search.unavailable" description="Shown in the search dialog of the dev server, which has no search index">
          Search works on the built site only: run npm run build, then npm run preview. The development server (npm start) has no search index.
        </Translate>
      );
    case 'failed':
      return (
        <Translate id="search.failed" description="The search index could not be downloaded">
          The search index could not be loaded. Check your connection and reload the page.
        </Translate>
      );
    case 'loading':
      return search.query ? <Translate id="search.loading" description="While the search index downloads">Loading the search index…</Translate> : null;
  }
  if (!search.answered) {
    return search.pending ? null : (
      <Translate id="search.hint" description="Shown in the search dialog before a query of two characters or more">
        Type at least two characters: a word, a method and path such as GET /contacts, a parameter such as team_uuid or an error code such as rate_limited.
      </Translate>
    );
  }
  if (count === 0) {
    return (
      <Translate id="search.noResults" description="No page matches the query" values={{ query: search.answered }}>
        {'No results for “{query}”.'}
      </Translate>
    );
  }
  return selectMessage(
    count,
    translate({ id: 'search.results', message: '1 result|{count} results', description: 'Number of search results (plural forms)' }, { count }),
  );
}

function Result({ hit }: { hit: SearchHit }): ReactNode {
  return (
    <>
      <span className={styles.resultTitle}>
        {hit.title}
        {hit.label ? <span className={styles.resultLabel}>{hit.label}</span> : null}
      </span>
      {hit.section ? <span className={styles.resultSection}>{hit.section}</span> : null}
      {hit.excerpt.length ? (
        <span className={styles.resultExcerpt}>{hit.excerpt.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <React.Fragment key={i}>{part.text}</React.Fragment>))}</span>
      ) : null}
    </>
  );
}

export default function SearchDialog({ open, onClose }: Props): ReactNode {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const search = useSearch(open);
  const [active, setActive] = useState(0);
  const history = useHistory();
  const ids = useId();
  const listId = `${ids}-results`;
  const optionId = (i: number) => `${ids}-result-${i}`;
  const hits = search.hits;

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      input.current?.select();
    } else if (!open && el.open) {
      el.close();
    }
  }, [open]);

  useEffect(() => setActive(0), [search.answered]);

  // Keep the chosen line in view as the arrows move through a long list.
  useEffect(() => {
    document.getElementById(`${ids}-result-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [ids, active, hits]);

  const choose = (hit: SearchHit | undefined): void => {
    if (!hit) return;
    onClose();
    history.push(hit.url);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(hits[active]);
    } else if (e.key === 'Escape') {
      // A search field would only clear itself on Escape: close the dialog instead.
      e.preventDefault();
      onClose();
    }
  };

  const label = translate({ id: 'search.dialog', message: 'Search the documentation', description: 'Accessible name of the search dialog and its field' });
  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-label={label}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className={styles.panel}>
        <div className={styles.field}>
          <input
            ref={input}
            type="search"
            role="combobox"
            aria-label={label}
            aria-autocomplete="list"
            aria-expanded={hits.length > 0}
            {...(hits.length > 0 ? { 'aria-controls': listId, 'aria-activedescendant': optionId(active) } : {})}
            placeholder={translate({ id: 'search.placeholder', message: 'Words, endpoints, parameters, error codes', description: 'Placeholder of the search field' })}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="go"
            value={search.query}
            onChange={(e) => search.setQuery(e.target.value)}
            onKeyDown={onKeyDown}
            className={styles.input}
          />
          <button type="button" className={styles.close} onClick={onClose}>
            <Translate id="search.close" description="Button closing the search dialog">
              Close
            </Translate>
          </button>
        </div>
        <p className={styles.status} role="status">
          <Status search={search} />
        </p>
        {hits.length > 0 ? (
          // data-query: the query these results answer (browser tests wait for it).
          <div id={listId} role="listbox" aria-label={label} className={styles.results} data-query={search.answered}>
            {hits.map((hit, i) => (
              <div
                key={hit.page}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={styles.result}
                onClick={() => choose(hit)}
                onMouseMove={() => setActive(i)}
              >
                <Result hit={hit} />
              </div>
            ))}
          </div>
        ) : null}
        <p className={styles.keys} aria-hidden="true">
          <Translate
            id="search.keys"
            description="Keyboard help at the bottom of the search dialog; the placeholders are key caps"
            values={{ up: <kbd>↑</kbd>, down: <kbd>↓</kbd>, enter: <kbd>Enter</kbd>, esc: <kbd>Esc</kbd> }}
          >
            {'{up} {down} to choose, {enter} to open, {esc} to close'}
          </Translate>
        </p>
      </div>
    </dialog>
  );
}
