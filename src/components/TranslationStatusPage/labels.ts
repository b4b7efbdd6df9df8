/**
 * The translated words of the status page and of the view of English changes: a page status,
 * a count, a filter. Each id and message is a literal, so `docusaurus write-translations` finds it.
 */
import { translate } from '@docusaurus/Translate';
import type { PageStatus, StatusFilter } from '@site/plugins/translation-status/shared';

export function statusLabel(status: PageStatus): string {
  switch (status) {
    case 'translated':
      return translate({ id: 'translationStatus.status.translated', message: 'Translated', description: 'Status of one page: the translation matches the current English page' });
    case 'stale':
      return translate({ id: 'translationStatus.status.stale', message: 'Out of date', description: 'Status of one page: the English page changed since the translation was synced' });
    case 'missing':
      return translate({ id: 'translationStatus.status.missing', message: 'Not translated', description: 'Status of one page: there is no translation' });
  }
}

export function countLabel(status: PageStatus, count: number): string {
  switch (status) {
    case 'translated':
      return translate({ id: 'translationStatus.count.translated', message: 'Translated: {count}', description: 'Number of translated pages of a language' }, { count });
    case 'stale':
      return translate({ id: 'translationStatus.count.stale', message: 'Out of date: {count}', description: 'Number of out-of-date pages of a language' }, { count });
    case 'missing':
      return translate({ id: 'translationStatus.count.missing', message: 'Not translated: {count}', description: 'Number of untranslated pages of a language' }, { count });
  }
}

export function filterLabel(filter: StatusFilter): string {
  switch (filter) {
    case 'needs-work':
      return translate({ id: 'translationStatus.filter.needsWork', message: 'Needs work', description: 'Filter of the status page: pages out of date or not translated' });
    case 'stale':
      return translate({ id: 'translationStatus.filter.stale', message: 'Out of date', description: 'Filter of the status page: pages whose English page changed since the sync' });
    case 'missing':
      return translate({ id: 'translationStatus.filter.missing', message: 'Not translated', description: 'Filter of the status page: pages without translation' });
    case 'all':
      return translate({ id: 'translationStatus.filter.all', message: 'All pages', description: 'Filter of the status page: every page' });
  }
}

/** What a locale section says when the filter leaves no page. */
export function emptyLabel(filter: StatusFilter): string {
  switch (filter) {
    case 'needs-work':
      return translate({ id: 'translationStatus.empty.needsWork', message: 'Nothing to do: every page is translated and up to date.', description: 'A language section of the status page when no page needs work' });
    case 'stale':
      return translate({ id: 'translationStatus.empty.stale', message: 'No page is out of date.', description: 'A language section of the status page, filtered to out-of-date pages, when there is none' });
    case 'missing':
      return translate({ id: 'translationStatus.empty.missing', message: 'Every page is translated.', description: 'A language section of the status page, filtered to untranslated pages, when there is none' });
    case 'all':
      return translate({ id: 'translationStatus.empty.all', message: 'No page.', description: 'A language section of the status page without any page' });
  }
}
