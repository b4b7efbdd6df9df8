/**
 * What the Try it panel shows for each input, derived from the operation: which
 * parameters go in which group, the control a parameter gets (a select for
 * booleans and enums, else a text field), its hints as typed values (the
 * component translates them), its text, and the values after an edit. Pure.
 */
import type { ClientOperation } from '../api/clientModel';
import type { ParamModel, RequestValues, Schema } from '../api/types';

/** The `name` of a parameter's input, which is also the `field` of its validation issues. */
export function fieldName(param: Pick<ParamModel, 'in' | 'name'>): string {
  return `${param.in}.${param.name}`;
}

/** The parameters the panel has inputs for, in the spec's order. */
export function panelParams(op: ClientOperation): { path: ParamModel[]; query: ParamModel[] } {
  return { path: op.params.filter((p) => p.in === 'path'), query: op.params.filter((p) => p.in === 'query') };
}

function mainType(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

/** The type as the hint shows it: `integer`, `string | integer`, `string[]`. */
export function schemaTypeLabel(param: ParamModel): string {
  const s = param.schema;
  const t = Array.isArray(s.type) ? s.type.filter((x) => x !== 'null').join(' | ') : (s.type ?? 'string');
  return t === 'array' ? `${String(s.items?.type ?? 'string')}[]` : String(t);
}

export type ParamControl =
  /** A select whose first option, `''`, means "not set". */
  | { kind: 'select'; options: string[] }
  | { kind: 'text'; numeric: boolean; placeholder?: string };

export function paramControl(param: ParamModel): ParamControl {
  const s = param.schema;
  const type = mainType(s);
  if (type === 'boolean') return { kind: 'select', options: ['true', 'false'] };
  if (Array.isArray(s.enum)) return { kind: 'select', options: s.enum.map(String) };
  return {
    kind: 'text',
    numeric: type === 'integer' || type === 'number',
    ...(s.default !== undefined ? { placeholder: String(s.default) } : {}),
  };
}

/** One part of a parameter's hint, in the order shown; the component words it in the page's language. */
export type ParamHint =
  | { kind: 'type'; label: string }
  | { kind: 'default'; value: string }
  | { kind: 'minimum'; limit: number }
  | { kind: 'maximum'; limit: number }
  | { kind: 'commaList' };

export function paramHints(param: ParamModel): ParamHint[] {
  const s = param.schema;
  const hints: ParamHint[] = [{ kind: 'type', label: schemaTypeLabel(param) }];
  if (s.default !== undefined) hints.push({ kind: 'default', value: String(s.default) });
  if (typeof s.minimum === 'number') hints.push({ kind: 'minimum', limit: s.minimum });
  if (typeof s.maximum === 'number') hints.push({ kind: 'maximum', limit: s.maximum });
  if (mainType(s) === 'array') hints.push({ kind: 'commaList' });
  return hints;
}

/** A value as its text field shows it: lists joined with commas, nothing for unset. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** The text of a parameter's input. */
export function paramText(values: RequestValues, param: ParamModel): string {
  return valueText(param.in === 'path' ? values.path?.[param.name] : values.query?.[param.name]);
}

/** The values after the user typed `text` into a parameter's input (a new object; the old one is untouched). */
export function withParamValue(values: RequestValues, param: ParamModel, text: string): RequestValues {
  const next: RequestValues = { ...values, path: { ...values.path }, query: { ...values.query } };
  if (param.in === 'path') next.path![param.name] = text;
  else next.query![param.name] = text;
  return next;
}

/** Rows of the body editor: its lines plus one, between 6 and 20. */
export function bodyRows(body: string | undefined): number {
  return Math.min(20, Math.max(6, (body ?? '').split('\n').length + 1));
}
