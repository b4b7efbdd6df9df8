/**
 * Data shared by the search index builder (plugins/search), the search box
 * (src/theme/SearchBar) and Node readers (src/lib/search/node.ts). Plain JSON.
 */

/** One indexed page, as listed in `<locale base>/pagefind/pages.json`. */
export interface SearchPage {
  /** Site URL with the locale prefix, e.g. `/it/api/reference/contacts_api/get_contacts`. */
  url: string;
  /** The page title (`GET /contacts`, `Contact`, `Errors`). */
  title: string;
  /** The sidebar label when it differs from the title (`List contacts`, `Elenca i contatti`). */
  label?: string;
  /** The front-matter description, shown when the engine gives no excerpt. */
  description?: string;
  /** Endpoint pages: the HTTP method and the spec's path template (`/contacts/{uuid}`). */
  method?: string;
  path?: string;
  /** Guides: the API error codes (`rate_limited`) the page's text explains. */
  codes?: string[];
}

/** The manifest written next to each locale's Pagefind bundle. */
export interface SearchManifest {
  /** The Docusaurus locale (`en`, `it`, ...). */
  locale: string;
  /** The language Pagefind indexed the locale in (stemming), from the locale's `htmlLang`. */
  language: string;
  pages: SearchPage[];
}

/** A piece of an excerpt: plain text, or a match to highlight. */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

/** One line of the result list. */
export interface SearchHit {
  /** The page URL without anchor (results are one per page). */
  page: string;
  /** Where choosing the result goes: the page, or the section (`#anchor`) that matched. */
  url: string;
  title: string;
  label?: string;
  /** The heading of the section that matched, when it is not the page's title. */
  section?: string;
  excerpt: ExcerptPart[];
}
