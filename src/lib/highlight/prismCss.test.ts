import { describe, expect, it } from 'vitest';
import { themes } from 'prism-react-renderer';
import { accessibleLight } from '../../config/prismTheme';
import { prismThemeCss } from './prismCss';

describe('prismThemeCss', () => {
  const css = prismThemeCss(accessibleLight, themes.dracula);

  it('sets the plain colours as the variables the code blocks read, light on :root and dark on data-theme', () => {
    expect(css).toContain(':root{--prism-color:#1f2328;--prism-background-color:#f6f8fa}');
    expect(css).toContain("[data-theme='dark']{--prism-color:#F8F8F2;--prism-background-color:#282A36}");
  });

  it('gives each token type of each theme a rule, dark after light', () => {
    const light = ":root:not([data-theme='dark'])";
    expect(css).toContain(`${light} .token.comment,${light} .token.prolog,${light} .token.doctype,${light} .token.cdata{color:#57606a;font-style:italic}`);
    const lightAt = css.indexOf(`${light} .token.string`);
    const dark = css.indexOf("[data-theme='dark'] .token.string");
    expect(lightAt).toBeGreaterThan(-1);
    expect(dark).toBeGreaterThan(lightAt);
    for (const { types } of themes.dracula.styles) {
      for (const type of types) expect(css).toContain(`[data-theme='dark'] .token.${type}`);
    }
  });

  it('keeps light token colours out of dark mode, where dracula leaves `property` plain', () => {
    expect(themes.dracula.styles.some(({ types }) => types.includes('property'))).toBe(false);
    expect(css).not.toMatch(/(^|,)(:root|\[data-theme='dark'\]) \.token\.property/m);
    expect(css).toContain(":root:not([data-theme='dark']) .token.property");
  });

  it('refuses a value that could end the rule and inject CSS', () => {
    expect(() =>
      prismThemeCss({ plain: {}, styles: [{ types: ['x'], style: { color: 'red}body{display:none' } }] }),
    ).toThrow(/refusing color/);
  });

  it('skips type names that are not plain identifiers', () => {
    const out = prismThemeCss({ plain: {}, styles: [{ types: ['ok', 'a b{'], style: { color: 'red' } }] });
    expect(out).toContain(":root:not([data-theme='dark']) .token.ok{color:red}\n");
    expect(out).not.toContain('a b');
  });
});
