import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  api: [
    'api/introduction',
    {
      type: 'category',
      label: 'API reference',
      collapsible: false,
      items: [
        {
          type: 'category',
          label: 'Contacts API',
          items: ['api/reference/contacts_api/get_contacts'],
        },
        {
          type: 'category',
          label: 'Object types',
          items: ['api/reference/object_types/contact'],
        },
      ],
    },
  ],
};

export default sidebars;
