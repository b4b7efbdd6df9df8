import { expect, type Locator, type Page } from '@playwright/test';
import { DOCS_DEMO_API_KEY } from '../../src/config/site';
import { localePrefix, type SiteLocale, type Translator } from '../locale';

/** The key the panel's "Use demo key" button fills in. */
export const DEMO_KEY = DOCS_DEMO_API_KEY;
export const CONTACTS_PATH = '/api/reference/contacts_api/get_contacts';

/** A reference page and the accessible name of its RequestTabs region. */
export interface EndpointTarget {
  path: string;
  region: RegExp;
}

export const GET_CONTACTS: EndpointTarget = { path: CONTACTS_PATH, region: /GET \/contacts/ };
export const POST_CONTACTS: EndpointTarget = { path: '/api/reference/contacts_api/post_contacts', region: /POST \/contacts$/ };

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A reference page (GET /contacts unless told) and its RequestTabs, located by role and label. */
export class EndpointPage {
  constructor(
    readonly page: Page,
    readonly locale: SiteLocale,
    readonly t: Translator,
    readonly target: EndpointTarget = GET_CONTACTS,
  ) {}

  /** The same helpers for another reference page. */
  for(target: EndpointTarget): EndpointPage {
    return new EndpointPage(this.page, this.locale, this.t, target);
  }

  url(path = this.target.path): string {
    return `${localePrefix(this.locale)}${path}`;
  }

  async goto(path = this.target.path, search = ''): Promise<void> {
    await this.page.goto(this.url(path) + search);
    await this.waitForHydration();
  }

  async waitForHydration(): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  }

  get requestTabs(): Locator {
    return this.page.getByRole('region', { name: this.target.region }).first();
  }

  tab(label: string): Locator {
    return this.requestTabs.getByRole('tab', { name: label, exact: true });
  }

  get visibleSnippet(): Locator {
    return this.requestTabs.getByRole('tabpanel').locator('pre').first();
  }

  async openTryIt(): Promise<void> {
    await this.requestTabs.getByRole('button', { name: this.t('requestTabs.tryIt'), exact: true }).click();
    await expect(this.panel).toBeVisible();
  }

  get panel(): Locator {
    return this.page.getByRole('group', { name: this.t('tryIt.panel') });
  }

  get environmentSelect(): Locator {
    return this.panel.getByLabel(this.t('tryIt.environment'), { exact: true });
  }

  get bodyInput(): Locator {
    return this.panel.getByLabel(this.t('tryIt.body'), { exact: true });
  }

  /** The copy button of the visible snippet. */
  get copyButton(): Locator {
    return this.requestTabs.getByRole('tabpanel').getByRole('button', { name: new RegExp(`^${escapeRegExp(this.t('requestTabs.copy'))}: `) });
  }

  get keyInput(): Locator {
    return this.panel.getByLabel(this.t('tryIt.apiKey'), { exact: true });
  }

  param(name: string): Locator {
    return this.panel.getByLabel(name, { exact: true });
  }

  button(id: string, values?: Record<string, string | number>): Locator {
    return this.panel.getByRole('button', { name: this.t(id, values), exact: true });
  }

  get sendButton(): Locator {
    return this.panel.getByRole('button', { name: this.t('tryIt.send'), exact: true });
  }

  get status(): Locator {
    return this.panel.getByRole('status');
  }

  get responseBody(): Locator {
    return this.panel.getByLabel(this.t('tryIt.response.body'), { exact: true });
  }

  async useDemoKey(): Promise<void> {
    await this.button('tryIt.apiKey.demo').click();
    await expect(this.keyInput).toHaveValue(DEMO_KEY);
  }
}
