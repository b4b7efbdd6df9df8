/**
 * Every endpoint page of the reference, in every locale: it renders with its
 * method and path, and its "try it" panel sends the documented example
 * request to the sandbox successfully. Each test uses its own sandbox test
 * key, so the sandbox's per-key data starts fresh and tests cannot disturb
 * one another.
 */
import { randomBytes } from 'node:crypto';
import { loadSpec } from '../src/lib/api/load';
import { operationModels } from '../src/lib/api/model';
import { displayPath, endpointDocPath } from '../src/lib/docs/paths';
import { expect, test } from './fixtures';

const operations = operationModels(loadSpec());

for (const op of operations) {
  test(`${op.method} ${op.path}: the page renders and "try it" sends its example`, async ({ page, endpoint }) => {
    await endpoint.goto(`/${endpointDocPath(op)}`);
    const title = `${op.method} ${displayPath(op.path)}`;
    await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    const region = page.getByRole('region', { name: new RegExp(`${op.method} ${op.path.replace(/[{}]/g, '\\$&')}`) });
    await region.getByRole('button', { name: endpoint.t('requestTabs.tryIt'), exact: true }).click();
    const panel = page.getByRole('group', { name: endpoint.t('tryIt.panel') });
    await panel.getByLabel(endpoint.t('tryIt.apiKey'), { exact: true }).fill(`test_e2e${randomBytes(8).toString('hex')}`);
    await panel.getByRole('button', { name: endpoint.t('tryIt.send'), exact: true }).click();
    await expect(panel.getByRole('status')).toContainText(String(op.successStatus));
  });
}
