/**
 * The typed outcome of every check of a request, shared by the "try it" panel
 * and the sandbox: an issue has a code and the values its message needs, never
 * a sentence. The panel turns issues into translated messages at their field
 * (src/components/Requests/TryIt/messages.ts); the sandbox turns the same issues
 * into its 400 `invalid_parameter` / `invalid_body` answers (sandbox/src/validate.ts,
 * sandbox/src/body.ts). Pure types and one collector: no I/O, browser-safe.
 */
import type { Schema } from '../api/types';

/** What a parameter's text can break before its schema is checked (see ./params.ts). */
export type CoercionCode = 'required' | 'integer' | 'safeInteger' | 'number' | 'boolean';

/** The schema rules (JSON Schema keywords of openapi/openapi.yaml) a value can break (see ./schema.ts). */
export type SchemaCode =
  | 'type'
  | 'enum'
  | 'minimum'
  | 'maximum'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'format'
  | 'minItems'
  | 'maxItems'
  | 'uniqueItems'
  | 'minProperties'
  | 'maxProperties'
  /** A key of `required` is missing (`key`). */
  | 'required'
  /** A key that `additionalProperties: false` does not allow (`key`). */
  | 'unknownKey'
  /** A key that `dependentRequired` asks for once `params.property` is given (`key`). */
  | 'dependentRequired'
  /** `anyOf` of single required keys: the first is missing (`key`), and so are `params.others`. */
  | 'requiredUnless'
  | 'anyOf'
  | 'oneOf'
  /** A key whose name breaks `propertyNames` (`key`). */
  | 'keyName';

/** The checks of a JSON body beyond its schema (see ./body.ts). */
export type BodyCode = 'bodyRequired' | 'jsonSyntax' | 'forbiddenKey';

/**
 * Checks only the panel makes, on what it is about to send: characters it never sends raw,
 * the API key's form, a URL over the documented length, a path value that a URL cannot
 * carry (`.` and `..` are removed from a path by every URL parser), and a value refused only
 * for its outer spaces (`whitespace`: said plainly, since the spaces cannot be seen).
 */
export type PanelCode = 'controlCharacter' | 'loneSurrogate' | 'apiKey' | 'urlTooLong' | 'pathSegment' | 'whitespace';

export type IssueCode = CoercionCode | SchemaCode | BodyCode | PanelCode;

/** Values for message placeholders: limit, allowed, format, expected, key, others, line, column, ... */
export type IssueParams = Record<string, string | number>;

/** One place in a JSON value: object keys and array indexes, from the root. */
export type JsonPath = ReadonlyArray<string | number>;

/** One broken rule inside a value (a parameter's converted value or a parsed body). */
export interface SchemaIssue {
  code: SchemaCode | CoercionCode | 'forbiddenKey';
  /** Where the value is: `[]` for the whole value, then keys and indexes. */
  path: JsonPath;
  /** The key the issue is about, below `path`: a missing, unknown, forbidden or misnamed key. */
  key?: string;
  /** The schema of the value at `path` (the one whose rule broke). */
  schema: Schema;
  params: IssueParams;
}

/** An issue at one field of the panel, the shape its components read. */
export interface ValidationIssue {
  /** `query.page`, `path.uuid`, `body` or `apiKey` (the `name` of the panel's input). */
  field: string;
  code: IssueCode;
  /**
   * Values for the message placeholders: limit, allowed, format, expected, line, column,
   * detail, character, position, escape; `key` names the key inside a body (`content.text`).
   */
  params: IssueParams;
}

/** `content.text`, `tags[1]`, `custom_fields.Plan`: a readable name for a key of a body; `body` for the whole document. */
export function fieldName(path: JsonPath, key?: string): string {
  let out = '';
  for (const segment of key === undefined ? path : [...path, key]) {
    if (typeof segment === 'number') out += out === '' ? String(segment) : `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? 'body' : out;
}

/**
 * Collects issues, keeping the first of each place (value path plus key), in the
 * order found. Past `limit` distinct places only a count is kept (`more`), so a
 * body of a million bad items costs a million set operations, not a million issues.
 */
export class IssueCollector {
  readonly issues: SchemaIssue[] = [];
  more = 0;
  readonly #seen = new Set<string>();
  readonly #limit: number;

  constructor(limit = Number.POSITIVE_INFINITY) {
    this.#limit = limit;
  }

  add(issue: SchemaIssue): void {
    const place = issue.key === undefined ? JSON.stringify(issue.path) : `${JSON.stringify(issue.path)}\u0000${issue.key}`;
    if (this.#seen.has(place)) return;
    this.#seen.add(place);
    if (this.issues.length < this.#limit) this.issues.push(issue);
    else this.more += 1;
  }

  get empty(): boolean {
    return this.#seen.size === 0;
  }
}
