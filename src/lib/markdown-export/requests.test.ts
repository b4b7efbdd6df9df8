/**
 * RequestTabs in Markdown: the portal's own cURL and Python snippets of each documented
 * request, against the production URL with the key placeholder.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../api/load';
import { findOperation, operationModels } from '../api/model';
import { buildRequest, exampleValues } from '../request/build';
import { generateSnippet } from '../snippets';
import { codeFence, exampleRequests, requestTabsMarkdown } from './requests';
import { markdownFacts } from './check';

const spec = loadSpec();
const PROD = 'https://api.example.test/v1';

describe('requestTabsMarkdown', () => {
  it('gives one cURL and one Python block for an operation with one documented request, as the page tabs show it', () => {
    const op = findOperation(spec, 'contacts_api', 'delete_contact');
    const facts = markdownFacts(requestTabsMarkdown(op, PROD));
    const request = buildRequest(op, exampleValues(op), { baseUrl: PROD });
    expect(facts.code).toEqual([
      { lang: 'bash', value: generateSnippet('curl', request) },
      { lang: 'python', value: generateSnippet('python', request) },
    ]);
    expect(facts.code[0]!.value).toContain(`${PROD}/contacts/ff8bec9363bc4c29b8b044eabf2afebd`);
    expect(facts.code[0]!.value).toContain('Bearer <YOUR_API_KEY>');
  });

  it('gives a labelled pair per distinct request when the examples come from several, the page request first', () => {
    const op = findOperation(spec, 'contacts_api', 'get_contacts');
    const examples = exampleRequests(op);
    expect(examples.length).toBe(2);
    const md = requestTabsMarkdown(op, PROD);
    const facts = markdownFacts(md);
    expect(facts.code.map((c) => c.lang)).toEqual(['bash', 'python', 'bash', 'python']);
    expect(facts.code[2]!.value).toContain('include_field_types=true');
    for (const example of examples) expect(md).toContain(`**${example.label!.replace(/_(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])_/gu, '\\_')}**`);
  });

  it('covers every operation: no request twice, and only placeholder keys', () => {
    for (const op of operationModels(spec)) {
      const md = requestTabsMarkdown(op, PROD);
      const codes = markdownFacts(md).code;
      expect(codes.length).toBe(exampleRequests(op).length * 2);
      expect(new Set(codes.map((c) => c.value)).size).toBe(codes.length);
      expect(md).not.toMatch(/Bearer (?!<YOUR_API_KEY>)/);
    }
  });

  it('fences code with more backticks than it holds', () => {
    expect(codeFence('a ``` b', 'bash')).toBe('````bash\na ``` b\n````');
  });
});
