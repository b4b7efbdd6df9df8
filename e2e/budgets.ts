/**
 * Budgets of what a page costs the browser, checked by e2e/budgets.spec.ts in every
 * locale (figures: scripts/bench/budgets.ts, measured by scripts/bench/page-figures.ts).
 * One entry per page: its path without the locale prefix and a ceiling for each figure,
 * shared by the four locales.
 *
 * How they were set: from `npm run bench -- --only budgets --build-dir <build>` (it prints
 * the figures of every page and locale, and these entries computed from them): the
 * largest figure of the four locales + 10 %, rounded up. To lower a budget after a
 * change, run that command on a fresh build and paste its entries here.
 * Set on 2026-12-04 from a clean build of commit b1bed48 (all of issue 16's work in:
 * snippets kept as served, inactive tabs plain text, the trimmed `operation`, the
 * sidebar's intent links, lazy Prism).
 * DOM counts are at 1280 × 720, so the sidebar is in them.
 */
import type { PageBudget } from '../scripts/bench/budgets';

export const BUDGETS: Record<string, PageBudget> = {
  'GET /contacts': { path: '/api/reference/contacts_api/get_contacts', domElements: 1609, firstLoadJsBytes: 239342, pageDataBytes: 7981 },
  'POST /contacts': { path: '/api/reference/contacts_api/post_contacts', domElements: 1018, firstLoadJsBytes: 238739, pageDataBytes: 9723 },
  'GET /contacts/:uuid/messages': { path: '/api/reference/contacts_api/get_contact_messages', domElements: 1121, firstLoadJsBytes: 239616, pageDataBytes: 14437 },
  'POST /messages/send': { path: '/api/reference/messages_api/post_messages', domElements: 2073, firstLoadJsBytes: 242333, pageDataBytes: 18795 },
  'DELETE /messages/:uuid': { path: '/api/reference/messages_api/delete_message', domElements: 750, firstLoadJsBytes: 235835, pageDataBytes: 472 },
  'GET /webhooks/events': { path: '/api/reference/webhooks_api/get_webhooks_events', domElements: 2550, firstLoadJsBytes: 238026, pageDataBytes: 4041 },
  'Contact object': { path: '/api/reference/object_types/contact', domElements: 1182, firstLoadJsBytes: 224923, pageDataBytes: 5558 },
  'message_created webhook': { path: '/api/reference/webhooks/message_events/message_created', domElements: 1184, firstLoadJsBytes: 225966, pageDataBytes: 12736 },
  'Pagination guide': { path: '/api/pagination', domElements: 1087, firstLoadJsBytes: 223801, pageDataBytes: 0 },
  'Webhooks guide': { path: '/api/webhooks', domElements: 1947, firstLoadJsBytes: 226717, pageDataBytes: 0 },
};
