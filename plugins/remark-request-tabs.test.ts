import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import remarkRequestTabs from './remark-request-tabs';

describe('remark-request-tabs', () => {
  it('adds the operation from the spec to the tag as written in the pages', async () => {
    const out = String(await compile(`<RequestTabs endpoint='contacts_api' request="get_contacts"/>`, { remarkPlugins: [remarkRequestTabs] }));
    expect(out).toMatch(/endpoint: "contacts_api"/);
    expect(out).toMatch(/operation: \{/);
    expect(out).toMatch(/"include_field_types"/);
  });

  it('fails the build with the file and line for an unknown request', async () => {
    await expect(
      compile({ value: `\n\n<RequestTabs endpoint='contacts_api' request="get_contactz"/>`, path: 'x.mdx' }, { remarkPlugins: [remarkRequestTabs] }),
    ).rejects.toThrow(/x\.mdx:3: No operation "get_contactz"/);
  });

  it('requires literal props', async () => {
    await expect(compile(`<RequestTabs endpoint={x} request="get_contacts"/>`, { remarkPlugins: [remarkRequestTabs] })).rejects.toThrow(
      /literal string props/,
    );
  });

  it('imports the component for a page that uses the tag without importing it, once', async () => {
    const out = String(await compile(`# GET /contacts\n\n<RequestTabs endpoint='contacts_api' request="get_contacts"/>\n`, { remarkPlugins: [remarkRequestTabs] }));
    expect(out.match(/from "@site\/src\/components\/Requests\/RequestTabs"/g)).toHaveLength(1);
    // The page's own binding is used, not a lookup in the MDX components map.
    expect(out).not.toMatch(/_missingMdxReference\("RequestTabs"/);
  });

  it('keeps the seeds\' own import line and adds none', async () => {
    const page = `import RequestTabs from "@site/src/components/Requests/RequestTabs";\n\n<RequestTabs endpoint='contacts_api' request="get_contacts"/>\n`;
    const out = String(await compile(page, { remarkPlugins: [remarkRequestTabs] }));
    expect(out.match(/from "@site\/src\/components\/Requests\/RequestTabs"/g)).toHaveLength(1);
  });

  it('adds no import to a page without the tag', async () => {
    const out = String(await compile(`# Guide\n\nText.\n`, { remarkPlugins: [remarkRequestTabs] }));
    expect(out).not.toMatch(/RequestTabs/);
  });
});
