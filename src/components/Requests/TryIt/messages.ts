/**
 * Turns typed issues and outcomes into messages in the page's language.
 * Every id and message is a literal so `docusaurus write-translations` finds it.
 */
import { translate } from '@docusaurus/Translate';
import type { Environment } from '@site/src/lib/api/types';
import type { ValidationIssue } from '@site/src/lib/request/validate';
import type { KeyAdvice } from '@site/src/lib/request/sandboxKey';
import type { RequestErrorType, StatusClass } from '@site/src/lib/request/send';

/** The message of an issue; one inside a body names its key first (`content.text: …`). */
export function issueMessage(issue: ValidationIssue): string {
  const problem = problemMessage(issue);
  const key = issue.params.key;
  if (issue.field !== 'body' || key === undefined || key === 'body') return problem;
  return translate(
    { id: 'tryIt.validation.atKey', message: '{key}: {problem}', description: '{key} is the path of a key inside the JSON body, such as content.text or tags[1]' },
    { key: String(key), problem },
  );
}

function problemMessage(issue: ValidationIssue): string {
  const p = (name: string): string | number => issue.params[name] ?? '';
  switch (issue.code) {
    case 'required':
      return translate({ id: 'tryIt.validation.required', message: 'This field is required.' });
    case 'integer':
      return translate({ id: 'tryIt.validation.integer', message: 'Enter a whole number, such as 1 or 2.' });
    case 'safeInteger':
      return translate(
        { id: 'tryIt.validation.safeInteger', message: 'Enter a whole number between {min} and {max}.' },
        { min: p('min'), max: p('max') },
      );
    case 'type':
    case 'oneOf':
      return issue.params.expected === undefined
        ? translate({ id: 'tryIt.validation.oneOf', message: 'This value does not match exactly one of the allowed forms.' })
        : translate(
            {
              id: 'tryIt.validation.type',
              message: 'Expected a value of type {expected}.',
              description: '{expected} lists JSON types as written in the schema, such as string, array or "string | null"',
            },
            { expected: p('expected') },
          );
    case 'anyOf':
      return translate({ id: 'tryIt.validation.anyOf', message: 'This value matches none of the allowed forms.' });
    case 'format':
      return issue.params.format === 'email'
        ? translate({ id: 'tryIt.validation.format.email', message: 'Enter an email address, such as name@example.com.' })
        : issue.params.format === 'uri'
          ? translate({ id: 'tryIt.validation.format.uri', message: 'Enter an absolute URL, such as https://example.com/webhook.' })
          : translate({ id: 'tryIt.validation.format', message: 'Enter a valid {format}.' }, { format: p('format') });
    case 'maxItems':
      return translate({ id: 'tryIt.validation.maxItems', message: 'List at most {limit} items.' }, { limit: p('limit') });
    case 'uniqueItems':
      return translate({ id: 'tryIt.validation.uniqueItems', message: 'Each item may appear only once.' });
    case 'minProperties':
      return issue.params.limit === 1
        ? translate({ id: 'tryIt.validation.minProperties.one', message: 'Add at least one key.' })
        : translate({ id: 'tryIt.validation.minProperties', message: 'Add at least {limit} keys.' }, { limit: p('limit') });
    case 'maxProperties':
      return translate({ id: 'tryIt.validation.maxProperties', message: 'Use at most {limit} keys.' }, { limit: p('limit') });
    case 'unknownKey':
      return translate({ id: 'tryIt.validation.unknownKey', message: 'This key is not part of the request. Remove it or check its spelling.' });
    case 'forbiddenKey':
      return translate({ id: 'tryIt.validation.forbiddenKey', message: 'This key name is not allowed: __proto__, constructor and prototype are reserved.' });
    case 'dependentRequired':
      return translate(
        { id: 'tryIt.validation.dependentRequired', message: 'Required when {property} is given.' },
        { property: p('property') },
      );
    case 'requiredUnless':
      return translate(
        { id: 'tryIt.validation.requiredUnless', message: 'Required unless {others} is given.' },
        { others: p('others') },
      );
    case 'keyName':
      return issue.params.min !== undefined && issue.params.max !== undefined
        ? translate(
            { id: 'tryIt.validation.keyName.length', message: 'Key names here must be {min} to {max} characters long.' },
            { min: p('min'), max: p('max') },
          )
        : translate({ id: 'tryIt.validation.keyName', message: 'This key name is not allowed here.' });
    case 'urlTooLong':
      return translate(
        { id: 'tryIt.validation.urlTooLong', message: 'With this value the request URL would be longer than {limit} characters. Shorten it.' },
        { limit: p('limit') },
      );
    case 'whitespace':
      return translate({
        id: 'tryIt.validation.whitespace',
        message: 'Remove the spaces at the start or end of this value: the API does not ignore them.',
      });
    case 'pathSegment':
      return translate({
        id: 'tryIt.validation.pathSegment',
        message: 'A path value cannot be "." or "..": the browser would change the address instead of sending it.',
      });
    case 'number':
      return translate({ id: 'tryIt.validation.number', message: 'Enter a number.' });
    case 'boolean':
      return translate({ id: 'tryIt.validation.boolean', message: 'Choose true or false.' });
    case 'minimum':
      return translate({ id: 'tryIt.validation.minimum', message: 'Enter {limit} or more.' }, { limit: p('limit') });
    case 'maximum':
      return translate({ id: 'tryIt.validation.maximum', message: 'Enter {limit} or less.' }, { limit: p('limit') });
    case 'minLength':
      return translate({ id: 'tryIt.validation.minLength', message: 'Enter at least {limit} characters.' }, { limit: p('limit') });
    case 'maxLength':
      return translate({ id: 'tryIt.validation.maxLength', message: 'Enter at most {limit} characters.' }, { limit: p('limit') });
    case 'minItems':
      return issue.field === 'body'
        ? translate({ id: 'tryIt.validation.minItems.body', message: 'List at least {limit} items.' }, { limit: p('limit') })
        : translate({ id: 'tryIt.validation.minItems', message: 'Enter at least {limit} values, separated by commas.' }, { limit: p('limit') });
    case 'enum':
      return translate({ id: 'tryIt.validation.enum', message: 'Choose one of: {allowed}.' }, { allowed: p('allowed') });
    case 'pattern':
      return translate({ id: 'tryIt.validation.pattern', message: 'This value does not have the expected format.' });
    case 'jsonSyntax':
      return translate(
        { id: 'tryIt.validation.jsonSyntax', message: 'The body is not valid JSON: {detail} at line {line}, column {column}.' },
        { detail: p('detail'), line: p('line'), column: p('column') },
      );
    case 'bodyRequired':
      return translate({ id: 'tryIt.validation.bodyRequired', message: 'This request needs a JSON body.' });
    case 'controlCharacter':
      return issue.field === 'body'
        ? translate(
            {
              id: 'tryIt.validation.controlCharacter.body',
              message:
                'The body contains an invisible control character ({character}) at line {line}, column {column}. Delete it, or write it inside a JSON string as {escape}: the panel does not send raw control characters, and the snippets show it escaped.',
              description: '{character} is a code point such as U+001B; {escape} is its JSON escape, such as \\u001b',
            },
            { character: p('character'), line: p('line'), column: p('column'), escape: p('escape') },
          )
        : translate(
            {
              id: 'tryIt.validation.controlCharacter',
              message:
                'This value contains an invisible control character ({character}) at position {position}. Delete it: the panel does not send control characters, and the snippets show it escaped.',
              description: '{character} is a code point such as U+001B; {position} counts characters from 1',
            },
            { character: p('character'), position: p('position') },
          );
    case 'loneSurrogate':
      return issue.field === 'body'
        ? translate(
            {
              id: 'tryIt.validation.loneSurrogate.body',
              message:
                'The body contains half of a character ({character}) at line {line}, column {column}, for example of an emoji cut in two. Delete it and type the character again.',
              description: 'A lone UTF-16 surrogate; {character} is a code point such as U+D83D',
            },
            { character: p('character'), line: p('line'), column: p('column') },
          )
        : translate(
            {
              id: 'tryIt.validation.loneSurrogate',
              message:
                'This value contains half of a character ({character}) at position {position}, for example of an emoji cut in two. Delete it and type the character again.',
              description: 'A lone UTF-16 surrogate; {character} is a code point such as U+D83D',
            },
            { character: p('character'), position: p('position') },
          );
    case 'apiKey':
      return translate({
        id: 'tryIt.validation.apiKey',
        message:
          'An API key holds only printable ASCII characters, without spaces or line breaks. Paste the key alone. Until then, nothing is sent and the snippets show the placeholder.',
        description: 'At the API key field when it holds a space, a line break, a control or a non-ASCII character',
      });
  }
}

/** The environment's name as the select shows it. */
export function environmentLabel(env: Environment): string {
  switch (env.id) {
    case 'sandbox':
      return translate({ id: 'tryIt.environment.sandbox', message: 'Sandbox (demo data)' });
    case 'production':
      return translate({ id: 'tryIt.environment.production', message: 'Production' });
    default:
      return env.label;
  }
}

export function errorTitle(type: RequestErrorType): string {
  switch (type) {
    case 'timeout':
      return translate({ id: 'tryIt.error.timeout.title', message: 'The request timed out' });
    case 'abort':
      return translate({ id: 'tryIt.error.abort.title', message: 'Request cancelled' });
    case 'network':
      return translate({ id: 'tryIt.error.network.title', message: 'The request did not reach the API' });
    case 'blocked_host':
      return translate({ id: 'tryIt.error.blocked.title', message: 'This host is not allowed' });
  }
}

export function errorAdvice(type: RequestErrorType, timeoutSeconds: number): string {
  switch (type) {
    case 'timeout':
      return translate(
        { id: 'tryIt.error.timeout.advice', message: 'No answer came within {seconds} seconds. Try again, or raise the timeout.' },
        { seconds: timeoutSeconds },
      );
    case 'abort':
      return translate({ id: 'tryIt.error.abort.advice', message: 'You cancelled the request before the answer arrived. Nothing else happened.' });
    case 'network':
      return translate({
        id: 'tryIt.error.network.advice',
        message:
          'The server may be offline, or it does not accept requests from a browser (CORS). Check the environment, or copy the cURL command below and run it in a terminal.',
      });
    case 'blocked_host':
      return translate({ id: 'tryIt.error.blocked.advice', message: 'Requests and API keys are only sent to the configured API environments.' });
  }
}

/** Advice about the key or the sandbox's store, read from the sandbox's error (`keyAdvice`). */
function keyAdviceMessage(advice: KeyAdvice, retryAfter: number | undefined): string {
  switch (advice) {
    case 'read_only_demo_key':
      return translate({
        id: 'tryIt.status.readOnlyDemoKey',
        message: 'The demo key is read-only on this public sandbox. Press "Get a sandbox key" for a key of your own, with its own demo data, then send again.',
      });
    case 'key_expired':
      return translate({
        id: 'tryIt.status.keyExpired',
        message: 'This sandbox key has expired, and its data with it. Press "Get a sandbox key" for a new one, then send again.',
      });
    case 'store_unavailable':
      return retryAfter !== undefined
        ? translate({ id: 'tryIt.status.storeUnavailable.retry', message: 'The sandbox cannot reach its data right now. You can send again in {seconds} s.' }, { seconds: retryAfter })
        : translate({ id: 'tryIt.status.storeUnavailable', message: 'The sandbox cannot reach its data right now. Send again in a moment.' });
  }
}

export function statusAdvice(
  kind: StatusClass,
  extra: { fields: string[]; retryAfter?: number; sandbox: boolean; keyAdvice?: KeyAdvice },
): string | undefined {
  if (extra.keyAdvice) return keyAdviceMessage(extra.keyAdvice, extra.retryAfter);
  switch (kind) {
    case 'success':
      return undefined;
    case 'unauthorized':
      return extra.sandbox
        ? translate({
            id: 'tryIt.status.unauthorized.sandbox',
            message: 'The API key is missing or not valid. In the sandbox, use the demo key (the "Use demo key" button).',
          })
        : translate({
            id: 'tryIt.status.unauthorized',
            message: 'The API key is missing or not valid. Check that you pasted the whole key, for this environment.',
          });
    case 'forbidden':
      return translate({ id: 'tryIt.status.forbidden', message: 'Your key is valid but may not do this. Check the permissions of your account.' });
    case 'not_found':
      return translate({ id: 'tryIt.status.notFound', message: 'Nothing was found at this address. Check the path parameters.' });
    case 'validation':
      return extra.fields.length
        ? translate(
            { id: 'tryIt.status.validation.fields', message: 'The API rejected these fields: {fields}. Correct them and send again.' },
            { fields: extra.fields.join(', ') },
          )
        : translate({ id: 'tryIt.status.validation', message: 'The API rejected the request. Read the message in the response body.' });
    case 'rate_limited':
      return extra.retryAfter !== undefined
        ? translate(
            { id: 'tryIt.status.rateLimited.retry', message: 'Too many requests. You can send again in {seconds} s.' },
            { seconds: extra.retryAfter },
          )
        : translate({ id: 'tryIt.status.rateLimited', message: 'Too many requests. Wait a moment before sending again.' });
    case 'client':
      return translate({ id: 'tryIt.status.client', message: 'The API could not accept this request. Read the message in the response body.' });
    case 'server':
      return translate({ id: 'tryIt.status.server', message: 'The API failed on its side. It is generally safe to retry after a short delay.' });
  }
}
