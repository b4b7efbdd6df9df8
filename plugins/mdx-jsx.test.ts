import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { ensureDefaultImport, jsxElementNamed, literalAttribute, setExpressionAttribute, tagError, type JsxElement } from './mdx-jsx';

function tag(attributes: JsxElement['attributes'], name = 'RequestTabs'): JsxElement {
  return { type: 'mdxJsxFlowElement', name, attributes, position: { start: { line: 12 } } };
}

describe('jsxElementNamed', () => {
  it('finds flow and inline tags of that name only', () => {
    expect(jsxElementNamed(tag([]), 'RequestTabs')).not.toBeNull();
    expect(jsxElementNamed({ ...tag([]), type: 'mdxJsxTextElement' }, 'RequestTabs')).not.toBeNull();
    expect(jsxElementNamed(tag([], 'FieldTree'), 'RequestTabs')).toBeNull();
    expect(jsxElementNamed({ type: 'paragraph', name: 'RequestTabs' }, 'RequestTabs')).toBeNull();
  });
});

describe('literalAttribute', () => {
  it('reads a literal string prop, and nothing from an expression, a spread or a missing prop', () => {
    const el = tag([
      { type: 'mdxJsxAttribute', name: 'endpoint', value: 'contacts_api' },
      { type: 'mdxJsxAttribute', name: 'request', value: { type: 'mdxJsxAttributeValueExpression', value: 'x' } },
      { type: 'mdxJsxExpressionAttribute' },
    ]);
    expect(literalAttribute(el, 'endpoint')).toBe('contacts_api');
    expect(literalAttribute(el, 'request')).toBeUndefined();
    expect(literalAttribute(el, 'of')).toBeUndefined();
  });
});

describe('setExpressionAttribute', () => {
  it('replaces a prop of the same name with the value as an expression and its estree', () => {
    const el = tag([
      { type: 'mdxJsxAttribute', name: 'endpoint', value: 'contacts_api' },
      { type: 'mdxJsxAttribute', name: 'operation', value: 'written by hand' },
    ]);
    setExpressionAttribute(el, 'operation', { id: 'get_contacts', params: [1, 'two'] });
    expect(el.attributes.filter((a) => (a as { name?: string }).name === 'operation')).toHaveLength(1);
    const added = el.attributes.at(-1) as { name: string; value: { type: string; value: string; data: { estree: { body: Array<{ expression: { type: string } }> } } } };
    expect(added.name).toBe('operation');
    expect(added.value.type).toBe('mdxJsxAttributeValueExpression');
    expect(JSON.parse(added.value.value)).toEqual({ id: 'get_contacts', params: [1, 'two'] });
    expect(added.value.data.estree.body[0]!.expression.type).toBe('ObjectExpression');
    expect(literalAttribute(el, 'endpoint')).toBe('contacts_api');
  });
});

describe('ensureDefaultImport', () => {
  const page = (): Root => ({
    type: 'root',
    children: [
      { type: 'yaml', value: 'title: GET /contacts' },
      { type: 'paragraph', children: [] },
    ],
  });

  it('adds the import right after the front matter, once', () => {
    const tree = page();
    ensureDefaultImport(tree, 'FieldTree', '@site/src/components/FieldTree');
    ensureDefaultImport(tree, 'FieldTree', '@site/src/components/FieldTree');
    expect(tree.children.map((n) => n.type)).toEqual(['yaml', 'mdxjsEsm', 'paragraph']);
    expect((tree.children[1] as { value: string }).value).toBe("import FieldTree from '@site/src/components/FieldTree';");
  });

  it('leaves a page that imports the component itself as it is', () => {
    const tree = page();
    tree.children.splice(1, 0, { type: 'mdxjsEsm', value: "import RequestTabs from '@site/elsewhere';" } as unknown as Root['children'][number]);
    ensureDefaultImport(tree, 'RequestTabs', '@site/src/components/Requests/RequestTabs');
    expect(tree.children.filter((n) => n.type === 'mdxjsEsm')).toHaveLength(1);
  });

  it('adds it at the end of a page that is only front matter', () => {
    const tree: Root = { type: 'root', children: [{ type: 'yaml', value: 'title: x' }] };
    ensureDefaultImport(tree, 'FieldTree', '@site/src/components/FieldTree');
    expect(tree.children.map((n) => n.type)).toEqual(['yaml', 'mdxjsEsm']);
  });
});

describe('tagError', () => {
  it("names the tag's file and line, or the file alone", () => {
    const file = new VFile({ path: 'docs/api/reference/contacts_api/get_contacts.mdx' });
    expect(tagError(file, tag([]), 'unknown request').message).toBe('docs/api/reference/contacts_api/get_contacts.mdx:12: unknown request');
    expect(tagError(file, { ...tag([]), position: undefined }, 'unknown request').message).toBe('docs/api/reference/contacts_api/get_contacts.mdx: unknown request');
  });
});
