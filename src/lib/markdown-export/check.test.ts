/** The page checker catches what MDX leaves behind and reads tables and code as a reader sees them. */
import { describe, expect, it } from 'vitest';
import { markdownFacts } from './check';

describe('markdownFacts', () => {
  it('reports JSX, ESM and MDX comments left in a page', () => {
    const facts = markdownFacts('import X from "y"\n\n<RequestTabs endpoint="a" request="b"/>\n\n## H {/* #h */}\n\nText <Foo bar="1" /> end.\n');
    expect(facts.leftovers.length).toBe(4);
  });

  it('accepts a clean page: a line break, code that mentions JSX or imports', () => {
    const facts = markdownFacts('# T\n\n| a | b |\n| - | - |\n| x<br>y | `<A/>` |\n\n```js\nimport x from "y";\n<A/>\n```\n');
    expect(facts.leftovers).toEqual([]);
    expect(facts.tables).toEqual([[['a', 'b'], ['x y', '<A/>']]]);
    expect(facts.code).toEqual([{ lang: 'js', value: 'import x from "y";\n<A/>' }]);
  });
});
