/** The line-keeping JSON reader's entry point for translation files (parseJsonObjectFile). */
import { describe, expect, it } from 'vitest';
import { parseJsonObjectFile } from './json';
import { parseStringsFile } from '../api/stringsFile';

describe('parseJsonObjectFile', () => {
  it('returns the entries of an object root with their lines', () => {
    const result = parseJsonObjectFile('{\n  "a": 1,\n  "b": {"c": "d"}\n}\n', 'root must be an object');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.entries.map((e) => [e.key, e.keyLine])).toEqual([['a', 2], ['b', 3]]);
  });

  it('reports invalid JSON with its line and column', () => {
    expect(parseJsonObjectFile('{\n  "a": 1,\n  "b": \n}', 'x')).toEqual({
      ok: false,
      problem: { line: 4, message: expect.stringMatching(/^not valid JSON \(column 1\): /) },
    });
  });

  it('reports a root that is not an object with the message it was given', () => {
    expect(parseJsonObjectFile('\n[1, 2]', 'root must be an object')).toEqual({ ok: false, problem: { line: 2, message: 'root must be an object' } });
  });

  it("is what the API strings reader says when a file is not an object (tools/i18n tests code.json's)", () => {
    expect(parseStringsFile('[]').problems).toEqual([{ line: 1, message: 'the file must be an object { "pages": {...}, "spec": {...} }' }]);
    expect(parseStringsFile('{"spec": ').problems[0]?.message).toMatch(/^not valid JSON/);
  });
});
