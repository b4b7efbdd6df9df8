/**
 * Custom field values: how the store writes them and how the API shows them.
 * A contact keeps every value as a string (Contact.customFields); checkbox
 * values are JSON-encoded arrays written like the documented example
 * (`["a", "b"]`). `customFieldsMetadata` adds the type and options of each
 * field (CustomFieldMetadata), read from the account's field definitions, the
 * one place they live. Pure functions.
 */
import type { FieldDefinition } from '../data/types';

/** CustomFieldMetadata: a value with its field's type and options. */
export interface CustomFieldMetadata {
  value: string | string[];
  type: string;
  options?: string[];
}

/** CustomFieldValues: what a request body sets, by field name (checkbox fields take an array). */
export type CustomFieldValues = Record<string, string | string[]>;

/** Checkbox values as the store writes them: `["a", "b"]`. */
export function encodeList(values: string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/** The options of a stored checkbox value; a malformed value is read as one option. */
export function decodeList(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) return parsed;
  } catch {
    // fall through: a malformed value is shown as a single option
  }
  return [value];
}

/** customFieldsMetadata of one contact, computed from the field definitions (an unknown field reads as text). */
export function customFieldsMetadata(
  fields: Record<string, FieldDefinition>,
  customFields: Record<string, string>,
): Record<string, CustomFieldMetadata> {
  const out: Record<string, CustomFieldMetadata> = {};
  for (const [name, value] of Object.entries(customFields)) {
    const def = fields[name] ?? { type: 'text' };
    const meta: CustomFieldMetadata = { value: def.type === 'checkbox' ? decodeList(value) : value, type: def.type };
    if (def.options) meta.options = [...def.options];
    out[name] = meta;
  }
  return out;
}
