/**
 * The two docs tools: `search_docs` (the portal's search in a chosen locale) and
 * `get_page` (one page as Markdown, in a chosen locale). Arguments are checked here
 * (known fields, types, lengths); the pages come from ./library.ts.
 */
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { MAX_QUERY } from '../../../src/lib/search/query';
import { toolError } from '../api/call';
import { parsePagePath, type DocsLibrary } from './library';

export const SEARCH_DOCS = 'search_docs';
export const GET_PAGE = 'get_page';
const MAX_PATH = 500;
const MAX_LIMIT = 20;
const DEFAULT_LIMIT = 8;

export function docsTools(locales: readonly string[], defaultLocale: string): Tool[] {
  const locale = {
    type: 'string',
    enum: [...locales],
    description: `Language of the documentation: ${locales.join(', ')}. Default: ${defaultLocale}.`,
  };
  return [
    {
      name: SEARCH_DOCS,
      title: 'Search the Callbell API docs',
      description:
        'Searches the Callbell API developer portal (guides, endpoint reference, object types, webhook events) in one language. Returns page titles, paths for get_page, Markdown URLs and excerpts.',
      inputSchema: {
        type: 'object',
        properties: {
          query: { type: 'string', minLength: 2, maxLength: MAX_QUERY, description: 'Words, an endpoint such as "GET /contacts", a parameter or an error code.' },
          locale,
          limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, description: `How many pages to return (default ${DEFAULT_LIMIT}).` },
        },
        required: ['query'],
        additionalProperties: false,
      },
      annotations: { title: 'Search the docs', readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    {
      name: GET_PAGE,
      title: 'Read a Callbell API docs page',
      description:
        'Returns one page of the developer portal as Markdown: its text, tables, code and, for an endpoint, cURL and Python examples. The path is the page\'s path on the site (e.g. "/api/reference/contacts_api/get_contacts", "/it/api/errors") or its Markdown URL.',
      inputSchema: {
        type: 'object',
        properties: {
          path: { type: 'string', minLength: 1, maxLength: MAX_PATH, description: 'The page path or URL, as search_docs returns it.' },
          locale: { ...locale, description: `${locale.description} A path with a locale prefix (/it/…) uses that locale.` },
        },
        required: ['path'],
        additionalProperties: false,
      },
      annotations: { title: 'Read a docs page', readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
  ];
}

type Args = Record<string, unknown>;

function checkArgs(tool: string, args: unknown, fields: Record<string, 'string' | 'integer'>, required: string[]): Args | string {
  if (args === undefined || args === null) args = {};
  if (typeof args !== 'object' || Array.isArray(args)) return `The arguments of ${tool} must be a JSON object.`;
  const input = args as Args;
  const problems: string[] = [];
  for (const key of Object.keys(input)) if (!(key in fields)) problems.push(`Unknown field ${JSON.stringify(key.slice(0, 60))}. ${tool} takes: ${Object.keys(fields).join(', ')}.`);
  for (const [name, type] of Object.entries(fields)) {
    const value = input[name];
    if (value === undefined) {
      if (required.includes(name)) problems.push(`${name}: is required.`);
      continue;
    }
    if (type === 'string' && typeof value !== 'string') problems.push(`${name}: must be a string.`);
    if (type === 'integer' && !Number.isInteger(value)) problems.push(`${name}: must be a whole number.`);
  }
  return problems.length ? `Invalid arguments for ${tool}:\n${problems.map((p) => `- ${p}`).join('\n')}` : input;
}

function localeOf(value: unknown, locales: readonly string[], fallback: string): string | { error: string } {
  if (value === undefined) return fallback;
  return typeof value === 'string' && locales.includes(value) ? value : { error: `locale: must be one of ${locales.join(', ')}.` };
}

export async function callDocsTool(
  name: string,
  args: unknown,
  ctx: { library: DocsLibrary; locales: readonly string[]; defaultLocale: string },
): Promise<CallToolResult> {
  if (name === SEARCH_DOCS) {
    const input = checkArgs(name, args, { query: 'string', locale: 'string', limit: 'integer' }, ['query']);
    if (typeof input === 'string') return toolError(input);
    const query = String(input.query).trim();
    if (query.length < 2 || query.length > MAX_QUERY) return toolError(`Invalid arguments for ${name}:\n- query: must be 2 to ${MAX_QUERY} characters long.`);
    const limit = input.limit === undefined ? DEFAULT_LIMIT : Number(input.limit);
    if (limit < 1 || limit > MAX_LIMIT) return toolError(`Invalid arguments for ${name}:\n- limit: must be 1 to ${MAX_LIMIT}.`);
    const locale = localeOf(input.locale, ctx.locales, ctx.defaultLocale);
    if (typeof locale !== 'string') return toolError(`Invalid arguments for ${name}:\n- ${locale.error}`);
    const { engine, hits } = await ctx.library.search(locale, query, limit);
    const how =
      engine === 'index'
        ? `the site's search index (${locale})`
        : `a simple word search over the Markdown pages (${locale}): no built search index was found, build the site (npm run build) for the portal's own search`;
    const lines = hits.map(
      (hit, i) =>
        `${i + 1}. ${hit.title}${hit.section ? ` › ${hit.section}` : ''}\n   path: ${hit.path}\n   markdown: ${hit.markdownUrl}${hit.excerpt ? `\n   ${hit.excerpt}` : ''}`,
    );
    const text = hits.length ? `${hits.length} result${hits.length > 1 ? 's' : ''} from ${how}:\n\n${lines.join('\n\n')}` : `No results for ${JSON.stringify(query)} (searched with ${how}).`;
    return { content: [{ type: 'text', text }] };
  }
  const input = checkArgs(name, args, { path: 'string', locale: 'string' }, ['path']);
  if (typeof input === 'string') return toolError(input);
  const raw = String(input.path);
  if (raw.length > MAX_PATH) return toolError(`Invalid arguments for ${name}:\n- path: must be at most ${MAX_PATH} characters long.`);
  const parsed = parsePagePath(raw, ctx.locales);
  const locale = parsed.locale ?? localeOf(input.locale, ctx.locales, ctx.defaultLocale);
  if (typeof locale !== 'string') return toolError(`Invalid arguments for ${name}:\n- ${locale.error}`);
  const page = ctx.library.find(locale, parsed.urlPath);
  if (!page) {
    return toolError(`No page at ${JSON.stringify(raw.slice(0, 100))} in locale ${locale}. Use search_docs to find a page and pass its path.`);
  }
  return { content: [{ type: 'text', text: ctx.library.markdown(locale, page) }] };
}
