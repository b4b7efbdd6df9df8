/** Where a page's Markdown lives: `.md` after the URL, `index.md` after a trailing slash. */
import { describe, expect, it } from 'vitest';
import { absoluteUrl, markdownPath, markdownPaths, outputFile } from './urls';

describe('markdown URLs', () => {
  it('adds .md to a page URL and index.md to a folder URL', () => {
    expect(markdownPath('/it/api/errors')).toBe('/it/api/errors.md');
    expect(markdownPath('/api/reference/contacts_api/')).toBe('/api/reference/contacts_api/index.md');
    expect(markdownPath('/api/errors#codes')).toBe('/api/errors.md');
  });

  it('serves an index page at both of its URLs', () => {
    expect(markdownPaths('/it/api/reference/contacts_api/')).toEqual(['/it/api/reference/contacts_api/index.md', '/it/api/reference/contacts_api.md']);
    expect(markdownPaths('/api')).toEqual(['/api.md']);
    expect(markdownPaths('/')).toEqual(['/index.md']);
  });

  it('maps URL paths to files of the locale build and refuses paths outside it', () => {
    expect(outputFile('/it/', '/it/api/errors.md')).toBe('api/errors.md');
    expect(outputFile('/', '/api.md')).toBe('api.md');
    expect(() => outputFile('/', '/../etc/passwd')).toThrow();
    expect(absoluteUrl('https://x.dev/', '/it/llms.txt')).toBe('https://x.dev/it/llms.txt');
  });
});
