/**
 * The navbar search box of every page (the classic theme renders @theme/SearchBar
 * in the navbar). Only this button and the keyboard shortcuts (Ctrl/⌘+K, and `/`
 * outside text fields) are in the page's first-load JavaScript: the dialog and the
 * index load on first use.
 */
import React, { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { translate } from '@docusaurus/Translate';
import { describeFocus, opensSearch } from '@site/src/lib/search/shortcut';
import styles from './styles.module.css';

const SearchDialog = lazy(() => import('./SearchDialog'));

export default function SearchBar(): ReactNode {
  const [open, setOpen] = useState(false);
  // The dialog's code is fetched the first time it opens, then kept mounted.
  const [used, setUsed] = useState(false);
  // The key cap says ⌘ on Apple systems; decided after hydration so the static HTML stays the same.
  const [apple, setApple] = useState(false);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (!opensSearch(e, describeFocus(document.activeElement))) return;
      e.preventDefault();
      setUsed(true);
      setOpen(true);
    };
    setApple(/Mac|iPhone|iPad/.test(navigator.platform));
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const label = translate({ id: 'search.button', message: 'Search', description: 'The navbar button that opens the search dialog' });
  return (
    <>
      <button
        type="button"
        className={styles.button}
        aria-label={label}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K /"
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        <svg className={styles.icon} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65-1.06 1.06-3.65-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" fill="currentColor" />
        </svg>
        <span className={styles.buttonText} aria-hidden="true">
          {label}
        </span>
        <kbd className={styles.kbd} aria-hidden="true">
          {apple ? '⌘ K' : 'Ctrl K'}
        </kbd>
      </button>
      {used ? (
        <Suspense fallback={null}>
          <SearchDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
