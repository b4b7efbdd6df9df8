import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { localeCodes } from '../src/config/locales';
import { translatedDir } from '../src/lib/i18n/paths';
import { walkTree } from '../src/lib/api/fieldTree';
import remarkFieldTree, { numberTexts, resolveFieldTree } from './remark-field-tree';
import { pageLocale } from './remark-request-tabs';

const ROOT = path.resolve(__dirname, '..');

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? mdxFiles(file) : /\.mdx?$/.test(name) ? [file] : [];
  });
}

/** `<FieldTree …/>` tags of a page, with their literal props. */
function tags(text: string): Array<Record<string, string>> {
  return [...text.matchAll(/<FieldTree\s([^>]*?)\/>/g)].map((m) => Object.fromEntries([...m[1]!.matchAll(/(\w+)=(?:'([^']*)'|"([^"]*)")/g)].map((a) => [a[1]!, a[2] ?? a[3]!])));
}

describe('remark-field-tree', () => {
  it('adds the tree from the spec and imports the component once', async () => {
    const out = String(await compile(`# POST /messages/send\n\n<FieldTree endpoint='messages_api' request="post_messages" of="body"/>\n\n<FieldTree endpoint='messages_api' request="post_messages" of="response"/>\n`, { remarkPlugins: [remarkFieldTree] }));
    expect(out.match(/from "@site\/src\/components\/FieldTree"/g)).toHaveLength(1);
    expect(out).not.toMatch(/_missingMdxReference\("FieldTree"/);
    expect(out).toMatch(/tree: \{/);
    expect(out).toMatch(/"template_values"/);
    expect(out).toMatch(/"?mode"?: "response"/);
  });

  it('gives a translated page the descriptions of its locale', async () => {
    const file = path.join(ROOT, translatedDir('it'), 'api/reference/object_types/team.mdx');
    expect(pageLocale(file)).toBe('it');
    const tree = resolveFieldTree({ object: 'Team' }, 'it');
    const english = resolveFieldTree({ object: 'Team' }, 'en');
    expect(tree.locale).toBe('it');
    expect(tree.fields.map((f) => f.name)).toEqual(english.fields.map((f) => f.name));
    const translated = tree.fields.filter((f, i) => f.description !== english.fields[i]!.description);
    // Every description is Italian, or marked as the English it stayed.
    for (const [i, f] of tree.fields.entries()) {
      if (f.description === english.fields[i]!.description) expect(f.descriptionLang, f.name).toBe('en');
    }
    expect(translated.length + tree.fields.filter((f) => f.descriptionLang === 'en').length).toBe(tree.fields.length);
  });

  it('fails the build with the file and line for a wrong tag', async () => {
    const run = (tag: string) => compile({ value: `\n\n${tag}`, path: 'x.mdx' }, { remarkPlugins: [remarkFieldTree] });
    await expect(run(`<FieldTree object="Nope"/>`)).rejects.toThrow(/x\.mdx:3: No schema "Nope"/);
    await expect(run(`<FieldTree endpoint='messages_api' request="post_messagez" of="body"/>`)).rejects.toThrow(/No operation "post_messagez"/);
    await expect(run(`<FieldTree endpoint='messages_api' request="post_messages" of="headers"/>`)).rejects.toThrow(/needs endpoint, request and of/);
    await expect(run(`<FieldTree object={name}/>`)).rejects.toThrow(/literal string props/);
    await expect(run(`<FieldTree endpoint='messages_api' request="delete_message" of="body"/>`)).rejects.toThrow(/No operation "delete_message"|without fields/);
  });

  it('every tag of every page resolves, in its locale, and the translations carry the English pages\' tags', () => {
    const english = new Map<string, string>();
    for (const file of mdxFiles(path.join(ROOT, 'docs'))) {
      const found = tags(readFileSync(file, 'utf8'));
      for (const props of found) expect(() => resolveFieldTree(props, 'en'), path.relative(ROOT, file)).not.toThrow();
      english.set(path.relative(path.join(ROOT, 'docs'), file), JSON.stringify(found));
    }
    const withTrees = [...english.values()].filter((t) => t !== '[]').length;
    // 38 endpoint pages with a body or an answer, 10 webhook and 20 object pages.
    expect(withTrees).toBeGreaterThanOrEqual(68);
    for (const locale of localeCodes().filter((l) => l !== 'en')) {
      const dir = path.join(ROOT, translatedDir(locale));
      for (const file of mdxFiles(dir)) {
        const rel = path.relative(dir, file);
        const found = tags(readFileSync(file, 'utf8'));
        expect(JSON.stringify(found), `${locale}/${rel}`).toBe(english.get(rel) ?? '[]');
        for (const props of found) expect(() => resolveFieldTree(props, locale), `${locale}/${rel}`).not.toThrow();
      }
    }
  });

  it('writes every range bound of the tree in the page\'s language, nested types included', () => {
    const tree = resolveFieldTree({ endpoint: 'contacts_api', request: 'get_contacts', of: 'response' }, 'it');
    const bounds = new Set<number>();
    walkTree(tree, (node) => {
      for (const r of node.ranges ?? []) for (const n of [r.min, r.max]) if (n !== undefined) bounds.add(n);
    });
    // The contact's `note` (length ≤ 1000) is two levels down, in the Contact type.
    expect(bounds.has(1000)).toBe(true);
    const it = numberTexts(tree, 'it');
    expect(Object.keys(it).sort()).toEqual([...bounds].map(String).sort());
    expect(it['1000']).toBe(new Intl.NumberFormat('it').format(1000));
    expect(numberTexts(tree, 'en')['1000']).toBe('1,000');
  });

  it('hands the component the numbers of the page\'s locale', async () => {
    const file = path.join(ROOT, translatedDir('es'), 'api/reference/contacts_api/get_contacts.mdx');
    const out = String(await compile({ value: readFileSync(file, 'utf8'), path: file }, { remarkPlugins: [remarkFieldTree] }));
    const spanish = new Intl.NumberFormat('es').format(1000);
    expect(out).toContain(`numbers: {`);
    expect(out).toMatch(new RegExp(`"1000": "${spanish}"`));
  });
});
