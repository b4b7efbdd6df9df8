/**
 * The validation core's typed issues (src/lib/validation/issues.ts) as English lines for
 * a tool error: where (`page (query)`, `body.content.text`) and what. The Try it panel
 * says the same things, translated, at its fields. Pure.
 */
import type { ValidationIssue } from '../../../src/lib/request/validate';

function where(issue: ValidationIssue): string {
  const key = issue.params.key;
  if (issue.field === 'body') return typeof key === 'string' && key !== 'body' ? `body.${key}` : 'body';
  const [location, ...name] = issue.field.split('.');
  return name.length ? `${name.join('.')} (${location})` : issue.field;
}

/** What is wrong, as a sentence. */
export function issueMessage(issue: ValidationIssue): string {
  const p = (name: string) => String(issue.params[name] ?? '');
  switch (issue.code) {
    case 'required':
      return 'is required.';
    case 'integer':
      return 'must be a whole number.';
    case 'safeInteger':
      return `must be a whole number between ${p('min')} and ${p('max')}.`;
    case 'number':
      return 'must be a number.';
    case 'boolean':
      return 'must be true or false.';
    case 'type':
      return `must be of type ${p('expected')}.`;
    case 'enum':
      return `must be one of: ${p('allowed')}.`;
    case 'minimum':
      return `must be ${p('limit')} or more.`;
    case 'maximum':
      return `must be ${p('limit')} or less.`;
    case 'minLength':
      return `must be at least ${p('limit')} characters long.`;
    case 'maxLength':
      return `must be at most ${p('limit')} characters long.`;
    case 'pattern':
      return 'does not have the expected format.';
    case 'format':
      return `must be a valid ${p('format')}.`;
    case 'minItems':
      return `must list at least ${p('limit')} items.`;
    case 'maxItems':
      return `must list at most ${p('limit')} items.`;
    case 'uniqueItems':
      return 'must not list an item twice.';
    case 'minProperties':
      return `must have at least ${p('limit')} keys.`;
    case 'maxProperties':
      return `must have at most ${p('limit')} keys.`;
    case 'unknownKey':
      return 'is not part of this request.';
    case 'forbiddenKey':
      return 'is a reserved key name (__proto__, constructor, prototype).';
    case 'dependentRequired':
      return `is required when ${p('property')} is given.`;
    case 'requiredUnless':
      return `is required unless ${p('others')} is given.`;
    case 'anyOf':
      return 'matches none of the allowed forms.';
    case 'oneOf':
      return 'does not match exactly one of the allowed forms.';
    case 'keyName':
      return 'is not an allowed key name here.';
    case 'bodyRequired':
      return 'is required: this request needs a JSON body.';
    case 'jsonSyntax':
      return `is not valid JSON: ${p('detail')} at line ${p('line')}, column ${p('column')}.`;
    case 'controlCharacter':
      return `holds the control character ${p('character')}: write it as ${p('escape')} inside a JSON string.`;
    case 'loneSurrogate':
      return `holds a lone surrogate ${p('character')}, which no request can carry.`;
    case 'urlTooLong':
      return `makes the request URL longer than ${p('limit')} characters.`;
    case 'whitespace':
      return 'has spaces at its start or end, which the API does not ignore.';
    case 'pathSegment':
      return 'cannot be "." or "..".';
    case 'apiKey':
      return 'is not a usable API key (printable ASCII without spaces).';
    default:
      return `breaks the rule "${String(issue.code)}".`;
  }
}

/** `page (query): must be 1 or more.` */
export function issueLine(issue: ValidationIssue): string {
  return `${where(issue)}: ${issueMessage(issue)}`;
}
