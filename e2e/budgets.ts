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
 * Set on 2026-12-05 from a build of commit b346895 (issue 16's work after load in as
 * well: code block buttons only near the screen, the page's chunks in its HTML, the
 * compile hint).
 * DOM counts are at 1280 × 720, so the sidebar is in them.
 */
import type { PageBudget } from '../scripts/bench/budgets';

export const BUDGETS: Record<string, PageBudget> = {
  'GET /contacts': { path: '/api/reference/contacts_api/get_contacts', domElements: 1482, firstLoadJsBytes: 239799, pageDataBytes: 7981 },
  'POST /contacts': { path: '/api/reference/contacts_api/post_contacts', domElements: 931, firstLoadJsBytes: 239197, pageDataBytes: 9723 },
  'GET /contacts/:uuid/messages': { path: '/api/reference/contacts_api/get_contact_messages', domElements: 1034, firstLoadJsBytes: 240072, pageDataBytes: 14437 },
  'POST /messages/send': { path: '/api/reference/messages_api/post_messages', domElements: 1803, firstLoadJsBytes: 242784, pageDataBytes: 18795 },
  'DELETE /messages/:uuid': { path: '/api/reference/messages_api/delete_message', domElements: 552, firstLoadJsBytes: 236294, pageDataBytes: 472 },
  'GET /webhooks/events': { path: '/api/reference/webhooks_api/get_webhooks_events', domElements: 2284, firstLoadJsBytes: 238483, pageDataBytes: 4041 },
  'Contact object': { path: '/api/reference/object_types/contact', domElements: 950, firstLoadJsBytes: 225415, pageDataBytes: 5558 },
  'message_created webhook': { path: '/api/reference/webhooks/message_events/message_created', domElements: 952, firstLoadJsBytes: 226457, pageDataBytes: 12736 },
  'Pagination guide': { path: '/api/pagination', domElements: 855, firstLoadJsBytes: 224293, pageDataBytes: 0 },
  'Webhooks guide': { path: '/api/webhooks', domElements: 1663, firstLoadJsBytes: 227209, pageDataBytes: 0 },
};
