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
 * Set on 2026-12-04 from a clean build of commit 1798621 (all of issue 16's RequestTabs
 * work in: snippets kept as served, inactive tabs plain text, the trimmed `operation`).
 * DOM counts are at 1280 × 720, so the sidebar is in them.
 */
import type { PageBudget } from '../scripts/bench/budgets';

export const BUDGETS: Record<string, PageBudget> = {
  'GET /contacts': { path: '/api/reference/contacts_api/get_contacts', domElements: 1963, firstLoadJsBytes: 237433, pageDataBytes: 7947 },
  'POST /contacts': { path: '/api/reference/contacts_api/post_contacts', domElements: 1372, firstLoadJsBytes: 236828, pageDataBytes: 9673 },
  'GET /contacts/:uuid/messages': { path: '/api/reference/contacts_api/get_contact_messages', domElements: 1476, firstLoadJsBytes: 237705, pageDataBytes: 14403 },
  'POST /messages/send': { path: '/api/reference/messages_api/post_messages', domElements: 2326, firstLoadJsBytes: 240392, pageDataBytes: 18709 },
  'DELETE /messages/:uuid': { path: '/api/reference/messages_api/delete_message', domElements: 977, firstLoadJsBytes: 233953, pageDataBytes: 472 },
  'GET /webhooks/events': { path: '/api/reference/webhooks_api/get_webhooks_events', domElements: 2753, firstLoadJsBytes: 236130, pageDataBytes: 4022 },
  'Contact object': { path: '/api/reference/object_types/contact', domElements: 1410, firstLoadJsBytes: 223032, pageDataBytes: 5532 },
  'message_created webhook': { path: '/api/reference/webhooks/message_events/message_created', domElements: 1412, firstLoadJsBytes: 224073, pageDataBytes: 12711 },
  'Pagination guide': { path: '/api/pagination', domElements: 1315, firstLoadJsBytes: 221929, pageDataBytes: 0 },
  'Webhooks guide': { path: '/api/webhooks', domElements: 2175, firstLoadJsBytes: 224845, pageDataBytes: 0 },
};
