/**
 * Every reference page rendered from the spec, in one language: the endpoint, object type and
 * webhook event pages but the HANDWRITTEN ones, with their doc paths (relative to docs/, no
 * extension). The CLI writes them; the tests compare them with the files. Pure.
 */
import type { OpenApiDocument } from '../../src/lib/api/model';
import { endpointDocPath, OBJECT_TYPES, objectDocPath, webhookDocPath } from '../../src/lib/docs/paths';
import { HANDWRITTEN, operationModels, renderEndpointPage, renderObjectPage, renderWebhookPage, webhookEvents, type PageLanguage } from './render';

export interface RenderedPage {
  docPath: string;
  kind: 'endpoint' | 'object' | 'webhook';
  text: string;
}

export function renderedPages(doc: OpenApiDocument, lang: PageLanguage, examples: ReadonlyMap<string, unknown>): RenderedPage[] {
  const pages: RenderedPage[] = [];
  const add = (docPath: string, kind: RenderedPage['kind'], render: () => string): void => {
    if (!HANDWRITTEN.has(docPath)) pages.push({ docPath, kind, text: render() });
  };
  for (const op of operationModels(doc)) add(endpointDocPath(op), 'endpoint', () => renderEndpointPage(doc, op, lang));
  for (const name of OBJECT_TYPES) add(objectDocPath(name), 'object', () => renderObjectPage(doc, name, examples.get(name), lang));
  for (const info of webhookEvents(doc)) add(webhookDocPath(info.event), 'webhook', () => renderWebhookPage(doc, info, lang));
  return pages;
}
