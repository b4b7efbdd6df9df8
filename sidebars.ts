import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';
import { loadSpec } from './src/lib/api/load';
import { operationModels } from './src/lib/api/model';
import { endpointDocPath, OBJECT_TYPES, objectDocPath, webhookDocPath, webhookEventNames } from './src/lib/docs/paths';

/** The reference sidebar follows the spec: one category per tag, in the spec's tag order. */
const doc = loadSpec();
const operations = operationModels(doc);
const groups = (doc.tags ?? []).map((tag) => ({
  id: tag.name,
  label: tag['x-displayName'] ?? tag.name,
  items: operations.filter((op) => op.group === tag.name).map(endpointDocPath),
}));

const sidebars: SidebarsConfig = {
  api: [
    'api/introduction',
    {
      type: 'category',
      label: 'Guides',
      collapsed: false,
      items: [
        'api/getting_started',
        'api/authentication',
        'api/environments',
        'api/format',
        'api/errors',
        'api/rate_limits',
        'api/pagination',
        'api/webhooks',
        'api/changelog',
      ],
    },
    {
      type: 'category',
      label: 'API reference',
      collapsed: false,
      items: [
        ...groups.map((group) => ({
          type: 'category' as const,
          label: group.label,
          link: { type: 'doc' as const, id: `api/reference/${group.id}/index` },
          items: group.items,
        })),
        { type: 'category', label: 'Object types', items: OBJECT_TYPES.map(objectDocPath) },
        { type: 'category', label: 'Webhook events', items: webhookEventNames(doc).map(webhookDocPath) },
        'api/reference/decisions',
      ],
    },
  ],
};

export default sidebars;
