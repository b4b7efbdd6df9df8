/**
 * State of the search dialog: loads the locale's Pagefind bundle and pages.json
 * (once per page load, on first open), runs each query through the shared search
 * core, and drops answers that arrive after a newer query. In the dev server there
 * is no index (it is built after the pages): the state says `unavailable`.
 * Leaves two performance marks for `npm run bench`: `search:first-input` and `search:first-results`.
 */
import { useEffect, useState } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { normalizeQuery } from '@site/src/lib/search/query';
import type { PagefindApi } from '@site/src/lib/search/results';
import { pagefindOptions, searchIndex } from '@site/src/lib/search/search';
import type { SearchHit, SearchManifest } from '@site/src/lib/search/types';

export type SearchStatus = 'loading' | 'ready' | 'unavailable' | 'failed';

interface Engine {
  api: PagefindApi;
  manifest: SearchManifest;
}

const engines = new Map<string, Promise<Engine>>();

function loadEngine(bundle: string): Promise<Engine> {
  let engine = engines.get(bundle);
  if (!engine) {
    engine = (async () => {
      // Pagefind's module is a file of the built site, not part of the JavaScript bundle.
      const api = (await import(/* webpackIgnore: true */ `${bundle}pagefind.js`)) as PagefindApi;
      await api.options(pagefindOptions(bundle));
      const [manifest] = await Promise.all([
        fetch(`${bundle}pages.json`).then((r) => {
          if (!r.ok) throw new Error(`pages.json: HTTP ${r.status}`);
          return r.json() as Promise<SearchManifest>;
        }),
        api.init(),
      ]);
      return { api, manifest };
    })();
    engine.catch(() => engines.delete(bundle));
    engines.set(bundle, engine);
  }
  return engine;
}

function markOnce(name: string): void {
  if (typeof performance !== 'undefined' && performance.getEntriesByName(name).length === 0) performance.mark(name);
}

export interface SearchState {
  status: SearchStatus;
  query: string;
  setQuery: (query: string) => void;
  /** The normalised query the hits answer ('' when there is nothing to search). */
  answered: string;
  hits: SearchHit[];
  /** A query is being answered (no announcement meanwhile). */
  pending: boolean;
}

export function useSearch(open: boolean): SearchState {
  const bundle = useBaseUrl('/pagefind/');
  const devServer = process.env.NODE_ENV === 'development';
  const [engine, setEngine] = useState<Engine | null>(null);
  const [status, setStatus] = useState<SearchStatus>(devServer ? 'unavailable' : 'loading');
  const [query, setQueryState] = useState('');
  const [answer, setAnswer] = useState<{ query: string; hits: SearchHit[] }>({ query: '', hits: [] });

  useEffect(() => {
    if (!open || engine || devServer) return;
    let live = true;
    setStatus('loading');
    loadEngine(bundle).then(
      (loaded) => {
        if (!live) return;
        setEngine(loaded);
        setStatus('ready');
      },
      () => live && setStatus('failed'),
    );
    return () => {
      live = false;
    };
  }, [open, engine, bundle, devServer]);

  useEffect(() => {
    const normalized = normalizeQuery(query);
    if (!engine || !normalized) return;
    let live = true;
    searchIndex(engine.api, engine.manifest.pages, normalized).then(
      (hits) => {
        if (!live) return;
        setAnswer({ query: normalized, hits });
        markOnce('search:first-results');
      },
      () => live && setAnswer({ query: normalized, hits: [] }),
    );
    return () => {
      live = false;
    };
  }, [engine, query]);

  const setQuery = (next: string): void => {
    markOnce('search:first-input');
    setQueryState(next);
  };
  const normalized = normalizeQuery(query);
  const current = normalized && answer.query === normalized ? answer : { query: '', hits: [] };
  const pending = status === 'ready' && normalized !== '' && current.query !== normalized;
  return { status, query, setQuery, answered: current.query, hits: current.hits, pending };
}
