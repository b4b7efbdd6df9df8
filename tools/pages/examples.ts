/**
 * Finds a documented example for every component schema by walking the
 * examples of the spec (responses, request bodies, webhook deliveries)
 * alongside their schemas. Pure.
 */
import type { OpenApiDocument } from '../../src/lib/api/model';
import { resolvePointer } from '../../src/lib/api/model';
import { isObject } from '../../src/lib/isObject';

type Raw = Record<string, unknown>;

export function schemaExamples(doc: OpenApiDocument): Map<string, unknown> {
  const found = new Map<string, unknown>();
  // A schema's own `examples` come first.
  for (const [name, schema] of Object.entries((doc.components?.schemas ?? {}) as Record<string, Raw>)) {
    if (Array.isArray(schema.examples) && schema.examples.length) found.set(name, schema.examples[0]);
  }
  const walk = (schema: unknown, value: unknown, depth: number): void => {
    if (depth > 12 || !isObject(schema) || value === undefined || value === null) return;
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.split('/').pop()!;
      if (!found.has(name) && isObject(value)) found.set(name, value);
      walk(resolvePointer(doc, schema.$ref), value, depth + 1);
      return;
    }
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      if (Array.isArray(schema[key])) for (const s of schema[key] as unknown[]) walk(s, value, depth + 1);
    }
    if (Array.isArray(value) && schema.items) {
      for (const item of value.slice(0, 3)) walk(schema.items, item, depth + 1);
    }
    if (isObject(value) && isObject(schema.properties)) {
      for (const [k, s] of Object.entries(schema.properties)) walk(s, value[k], depth + 1);
    }
  };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item)) {
      if (!isObject(op)) continue;
      const body = isObject(op.requestBody) ? ((op.requestBody.content as Raw | undefined)?.['application/json'] as Raw | undefined) : undefined;
      if (body) walk(body.schema, body.example, 0);
      for (const response of Object.values((op.responses as Raw) ?? {})) {
        const json = isObject(response) && isObject(response.content) ? (response.content['application/json'] as Raw) : undefined;
        if (!json) continue;
        if (isObject(json.examples)) for (const ex of Object.values(json.examples)) if (isObject(ex)) walk(json.schema, ex.value, 0);
      }
    }
  }
  for (const hook of Object.values((doc.webhooks as Raw | undefined) ?? {})) {
    const post = isObject(hook) ? (hook.post as Raw) : undefined;
    const json = post && isObject(post.requestBody) ? ((post.requestBody.content as Raw)['application/json'] as Raw) : undefined;
    if (json) walk(json.schema, json.example, 0);
  }
  return found;
}
