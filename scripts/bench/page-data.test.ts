import path from 'node:path';
import { valueToEstree } from 'estree-util-value-to-estree';
import { describe, expect, it } from 'vitest';
import { resolveFieldTree } from '../../plugins/remark-field-tree';
import { resolveTag } from '../../plugins/remark-request-tabs';
import { componentTags, estreeValue, pageData, pageSource, type EsNode } from './page-data';

const ROOT = path.resolve(__dirname, '../..');
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

describe('estreeValue', () => {
  it('gives back the value estree-util-value-to-estree compiled', () => {
    const value = {
      method: 'GET',
      n: -3.5,
      zero: 0,
      nothing: null,
      list: [1, 'two', { three: [true, false] }],
      'kebab-key': 'ü ✓ "quoted"',
      nested: { empty: {}, none: [] },
    };
    expect(estreeValue(valueToEstree(value) as unknown as EsNode)).toEqual(value);
  });
  it('drops undefined the way JSON does', () => {
    expect(JSON.stringify(estreeValue(valueToEstree({ a: undefined, b: 1 }) as unknown as EsNode))).toBe('{"b":1}');
  });
  it('refuses an expression that is not a literal value', () => {
    const call = { type: 'CallExpression', callee: { type: 'Identifier', name: 'f' }, arguments: [] };
    expect(() => estreeValue(call)).toThrow(/CallExpression is not a literal value/);
  });
});

describe('componentTags', () => {
  it('reads RequestTabs and FieldTree tags with either quote', () => {
    const source = `# T\n\n<RequestTabs endpoint='contacts_api' request="get_contacts"/>\n\ntext <Other a="b"/>\n<FieldTree object="Contact" />\n`;
    expect(componentTags(source)).toEqual([
      { name: 'RequestTabs', props: { endpoint: 'contacts_api', request: 'get_contacts' } },
      { name: 'FieldTree', props: { object: 'Contact' } },
    ]);
  });
});

describe('pageSource', () => {
  it('takes the translation of a page, and the English page where a locale has none', () => {
    expect(pageSource(ROOT, 'api/pagination', 'it', 'en')).toBe(path.join(ROOT, 'i18n/it/docusaurus-plugin-content-docs/current/api/pagination.mdx'));
    expect(pageSource(ROOT, 'api/pagination', 'xx', 'en')).toBe(path.join(ROOT, 'docs/api/pagination.mdx'));
    expect(() => pageSource(ROOT, 'api/nope', 'en', 'en')).toThrow(/No source for doc page "api\/nope"/);
  });
});

describe('pageData', () => {
  it('counts, for GET /contacts, the operation and the field tree the plugins embed, as JSON, and every other prop they add', () => {
    const data = pageData(ROOT, 'api/reference/contacts_api/get_contacts', 'en', 'en');
    const byProp = Object.fromEntries(data.props.map((p) => [p.prop, p.bytes]));
    expect(byProp['RequestTabs.operation']).toBe(bytes(resolveTag('contacts_api', 'get_contacts', 'en')));
    expect(byProp['FieldTree.tree']).toBe(bytes(resolveFieldTree({ endpoint: 'contacts_api', request: 'get_contacts', of: 'response' }, 'en')));
    expect(data.props.every((p) => p.prop.startsWith('RequestTabs.') || p.prop.startsWith('FieldTree.'))).toBe(true);
    expect(data.bytes).toBe(data.props.reduce((sum, p) => sum + p.bytes, 0));
  });
  it('counts the page in its locale, with the translated strings the plugins put in', () => {
    const it = pageData(ROOT, 'api/reference/contacts_api/get_contacts', 'it', 'en');
    expect(it.props.find((p) => p.prop === 'RequestTabs.operation')?.bytes).toBe(bytes(resolveTag('contacts_api', 'get_contacts', 'it')));
    expect(it.bytes).not.toBe(pageData(ROOT, 'api/reference/contacts_api/get_contacts', 'en', 'en').bytes);
  });
  it('is 0 for a guide without components', () => {
    expect(pageData(ROOT, 'api/pagination', 'en', 'en')).toEqual({ bytes: 0, props: [] });
  });
});
