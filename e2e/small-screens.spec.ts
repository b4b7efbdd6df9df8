/**
 * Small screens, in every locale: at 390 px wide the reference pages (parameter tables, field
 * trees opened to their last level, the example selector, the Try it panel with an answer)
 * are read without scrolling the page sideways: the document fits the viewport, every table
 * fits it (a wide one scrolls inside its own box), and nothing in the content sticks out
 * unless it sits in a box that scrolls by itself (code blocks, tables).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CONTACTS_PATH, GET_CONTACTS, type EndpointTarget } from './pages/EndpointPage';

const PHONE = { width: 390, height: 844 };

const PAGES: Array<{ path: string; panel?: EndpointTarget }> = [
  { path: CONTACTS_PATH, panel: GET_CONTACTS },
  { path: '/api/reference/messages_api/post_messages', panel: { path: '/api/reference/messages_api/post_messages', region: /POST \/messages\/send/ } },
  { path: '/api/reference/contacts_api/get_contact_messages' },
  { path: '/api/reference/webhooks/message_events/message_created' },
  { path: '/api/reference/object_types/contact' },
];

/** Opens every closed field of every tree, level after level (bounded). */
async function openTrees(page: Page): Promise<number> {
  let opened = 0;
  for (let level = 0; level < 8; level++) {
    const closed = page.getByRole('main').locator('li > button[aria-expanded="false"]');
    const count = await closed.count();
    if (count === 0) return opened;
    for (let i = count - 1; i >= 0 && opened < 300; i--) {
      await closed.nth(i).click();
      opened++;
    }
  }
  return opened;
}

/** What sticks out of the viewport: the document, tables, and content outside a box that scrolls. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const main = document.querySelector('main');
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`document is ${document.documentElement.scrollWidth}px wide`);
    for (const table of document.querySelectorAll('table')) {
      const r = table.getBoundingClientRect();
      if (r.left < -0.5 || r.right > width + 0.5) out.push(`table "${(table.textContent ?? '').slice(0, 40)}" spans ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    for (const el of main?.querySelectorAll('*') ?? []) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || (r.left >= -0.5 && r.right <= width + 0.5)) continue;
      let box = el.parentElement;
      let scrolls = false;
      while (box && box !== main) {
        if (/auto|scroll/.test(getComputedStyle(box).overflowX)) {
          scrolls = true;
          break;
        }
        box = box.parentElement;
      }
      if (!scrolls) out.push(`<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').slice(0, 40)}" spans ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    return out.slice(0, 10);
  });
}

test.use({ viewport: PHONE });

for (const { path, panel } of PAGES) {
  test(`${path} fits a 390 px screen, trees open${panel ? ' and the panel answered' : ''}`, async ({ page, endpoint }) => {
    await endpoint.goto(path);
    expect(await overflow(page)).toEqual([]);
    if (panel) {
      const block = endpoint.for(panel);
      await block.openTryIt();
      if (panel === GET_CONTACTS) {
        await block.useDemoKey();
        await block.sendButton.click();
        await expect(block.responseBody).toBeVisible();
      }
    }
    const opened = await openTrees(page);
    expect(opened).toBeGreaterThan(0);
    expect(await overflow(page)).toEqual([]);
  });
}
