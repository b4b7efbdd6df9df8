/**
 * Turns the site's two Prism themes (light and dark) into one stylesheet, so
 * highlighted code carries class names only and no inline colours.
 *
 * Why: with inline colours the server's HTML holds the light theme, and every
 * code block had to be rendered a second time after hydration for readers in
 * dark mode (Docusaurus's own CodeBlock remounts each block for that). With
 * the colours in CSS, the same HTML is right in both modes, so code blocks can
 * keep their server HTML (src/components/KeepServerHtml) and the browser does
 * no work for them at load.
 *
 * Tokens are `<span class="token <type> …">` (prism-react-renderer's
 * getTokenProps); the plain colours become `--prism-color` and
 * `--prism-background-color`, which the code block styles already read. Light
 * rules hang on `:root` outside dark mode (so they hold without JavaScript
 * too), dark rules on `[data-theme='dark']`: a type only one theme colours
 * stays plain in the other, as prism-react-renderer renders it.
 */
import type { PrismTheme } from 'prism-react-renderer';

type Style = PrismTheme['plain'];

const PROPERTIES: Record<string, string> = {
  color: 'color',
  backgroundColor: 'background-color',
  fontStyle: 'font-style',
  fontWeight: 'font-weight',
  textDecorationLine: 'text-decoration-line',
  opacity: 'opacity',
};

/** Only what a colour or font keyword can be: refuses anything that could close the rule. */
const SAFE_VALUE = /^[#(),.%\w\s-]+$/;

function declarations(style: Style): string {
  return Object.entries(style)
    .flatMap(([key, value]) => {
      const property = PROPERTIES[key];
      if (!property || value === undefined || value === null) return [];
      const text = String(value).trim();
      if (!SAFE_VALUE.test(text)) throw new Error(`Prism theme: refusing ${key} value ${JSON.stringify(text)}`);
      return [`${property}:${text}`];
    })
    .join(';');
}

const SAFE_TYPE = /^[\w-]+$/;

function themeRules(theme: PrismTheme, scope: string, tokenScope: string): string[] {
  const rules: string[] = [];
  const plain = [
    theme.plain.color ? `--prism-color:${declarations({ color: theme.plain.color }).slice('color:'.length)}` : '',
    theme.plain.backgroundColor
      ? `--prism-background-color:${declarations({ backgroundColor: theme.plain.backgroundColor }).slice('background-color:'.length)}`
      : '',
  ].filter(Boolean);
  if (plain.length > 0) rules.push(`${scope}{${plain.join(';')}}`);
  for (const { types, style } of theme.styles) {
    const body = declarations(style);
    const selectors = types.filter((type) => SAFE_TYPE.test(type)).map((type) => `${tokenScope} .token.${type}`);
    if (body && selectors.length > 0) rules.push(`${selectors.join(',')}{${body}}`);
  }
  return rules;
}

const DARK = "[data-theme='dark']";
/** Light token colours never apply in dark mode, where the dark theme may leave a type plain. */
const LIGHT = `:root:not(${DARK})`;

/** The stylesheet for `light` (the default) and `dark` (when `data-theme="dark"`). */
export function prismThemeCss(light: PrismTheme, dark: PrismTheme = light): string {
  return [...themeRules(light, ':root', LIGHT), ...themeRules(dark, DARK, DARK)].join('\n') + '\n';
}

/** A theme with no colours: prism-react-renderer then emits class names only. */
export const CLASS_ONLY_THEME: PrismTheme = { plain: {}, styles: [] };
