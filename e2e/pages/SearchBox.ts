import { expect, type Locator, type Page } from '@playwright/test';
import type { Translator } from '../fixtures';

/** The navbar search box and its dialog, located by role and translated label. */
export class SearchBox {
  constructor(
    readonly page: Page,
    readonly t: Translator,
  ) {}

  get button(): Locator {
    return this.page.getByRole('navigation').getByRole('button', { name: this.t('search.button'), exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.t('search.dialog') });
  }

  get input(): Locator {
    return this.dialog.getByRole('combobox', { name: this.t('search.dialog') });
  }

  get options(): Locator {
    return this.dialog.getByRole('option');
  }

  get listbox(): Locator {
    return this.dialog.getByRole('listbox');
  }

  get status(): Locator {
    return this.dialog.getByRole('status');
  }

  async open(): Promise<void> {
    await this.button.click();
    await expect(this.input).toBeFocused();
  }

  /** Types a query and waits until the list answers it (at least one result). */
  async search(query: string): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.open();
    await this.input.fill(query);
    await expect(this.listbox).toHaveAttribute('data-query', query.trim().replace(/\s+/g, ' '));
    await expect(this.options.first()).toBeVisible();
  }

  /** Searches and opens the first result with Enter. */
  async go(query: string): Promise<void> {
    await this.search(query);
    await this.input.press('Enter');
    await expect(this.dialog).toBeHidden();
  }
}
