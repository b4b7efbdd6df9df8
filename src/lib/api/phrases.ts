/**
 * The words the reference pages put around the spec's own strings: headings, column names,
 * the constraint sentences appended to descriptions, the authorization line. English here;
 * tools/pages renders the English pages with them, and each locale translates them in the
 * `pages` section of `i18n/<locale>/openapi.json` (beside the spec's strings, `spec`), from
 * which tools/pages renders that locale's reference pages.
 *
 * A phrase may hold `{placeholders}`, filled by the renderer; a translation keeps each of
 * them (the checker says so) and may write `{name|lower}` to lower-case the first letter of
 * the inserted text when that text does not start with a name (Romance languages write
 * "Risposta di esempio: un'immagine" where English writes "Example Response: An image").
 * Pure.
 */

export const PAGE_PHRASES = {
  'endpoint.pathParameters': 'Path Parameters',
  'endpoint.queryParameters': 'Query Parameters',
  'endpoint.requestBody': 'Request Body',
  'endpoint.exampleRequest': 'Example Request',
  'endpoint.response': 'Response',
  'endpoint.answers': 'The API answers {status} with:',
  'endpoint.answersEmpty': 'The API answers {status} with an empty body.',
  'endpoint.exampleResponse': 'Example Response',
  'endpoint.exampleResponseNamed': 'Example Response: {summary}',
  'endpoint.errors': 'Errors',
  'endpoint.authorization': '**Authorization:** your API key as a bearer token in the {header} header: {example}. See [Authentication]({guide}).',
  'column.parameter': 'Parameter',
  'column.field': 'Field',
  'column.type': 'Type',
  'column.required': 'Required',
  'column.default': 'Default',
  'column.description': 'Description',
  'column.alwaysPresent': 'Always present',
  'column.status': 'Status',
  'column.when': 'When',
  'constraint.oneOf': 'One of {values}.',
  'constraint.oneValue': 'One of {values}.',
  'constraint.range': 'From {min} to {max}.',
  'constraint.minimum': 'At least {min}.',
  'constraint.maximum': 'At most {max}.',
  'constraint.maxLength': 'At most {max} characters.',
  'constraint.dateTime': 'ISO 8601, UTC.',
  'object.description': 'The {name} object, field by field.',
  'object.fields': 'Fields',
  'object.example': 'Example',
  'webhook.delivery': 'Delivery',
  'webhook.event': 'Always {event}.',
  'webhook.payloadCell': 'The data of the event, described below.',
  'webhook.payload': 'Payload',
  'webhook.example': 'Example',
} as const satisfies Record<string, string>;

export type PhraseId = keyof typeof PAGE_PHRASES;

export const PHRASE_IDS = Object.keys(PAGE_PHRASES) as PhraseId[];

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)(?:\|([a-z]+))?\}/g;

/** The modifiers a placeholder may carry (`{summary|lower}`). */
export const PLACEHOLDER_MODIFIERS = ['lower'] as const;
export type PlaceholderModifier = (typeof PLACEHOLDER_MODIFIERS)[number];

/** The names of the `{placeholders}` of a phrase (modifiers left out). */
export function placeholderNames(template: string): Set<string> {
  return new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!));
}

/** The modifiers of a phrase that this module does not know, e.g. `{summary|upper}` -> `upper`. */
export function unknownModifiers(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[2]).filter((m): m is string => m !== undefined && !(PLACEHOLDER_MODIFIERS as readonly string[]).includes(m));
}

/**
 * Fills a phrase. `lower(text, name)` is applied where the phrase writes `{name|lower}`; a
 * placeholder without a value is left as written (the checker reports unknown ones).
 */
export function fillPhrase(template: string, values: Readonly<Record<string, string>>, lower: (text: string, name: string) => string = (t) => t): string {
  return template.replace(PLACEHOLDER, (whole, name: string, modifier: string | undefined) => {
    const value = values[name];
    if (value === undefined) return whole;
    return modifier === 'lower' ? lower(value, name) : value;
  });
}

/**
 * Lower-cases the first letter of `text` unless its first word is a name: a word the English
 * text also writes with that capital and that is not one of the English `stopWords` (so
 * `John Doe con ...` keeps it, `Un'immagine` and `A conversa` do not).
 */
export function lowerInitial(text: string, english: string, stopWords: ReadonlySet<string>): string {
  const first = /^[\p{L}\p{N}]+/u.exec(text)?.[0];
  if (!first) return text;
  const isName = new RegExp(`(^|[^\\p{L}\\p{N}])${first}([^\\p{L}\\p{N}]|$)`, 'u').test(english) && !stopWords.has(first.toLowerCase());
  if (isName) return text;
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/** The first letter in upper case (a summary that starts a sentence). */
export function upperInitial(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
