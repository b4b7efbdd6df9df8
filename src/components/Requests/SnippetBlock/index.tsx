/**
 * A block of code with a copy button, in three parts:
 * - `SnippetFrame`: the `<pre>` (KeepServerHtml: the server's HTML stays as it is at
 *   load until `live`) and the copy button, which copies `copyText` (a function is
 *   called on click only, so nothing is generated before someone copies);
 * - `SnippetCode`: the `<code>`, highlighted (token spans, colours from CSS) or plain
 *   text (one text node, the same text); plain too while the browser's Prism does not
 *   know the language yet (src/theme/prism-include-languages.ts registers the extra
 *   ones when the page is idle), then highlighted;
 * - `SnippetBlock` (default): both, for a fixed piece of code (the Try it panel's
 *   answers): the server's HTML is kept until the code changes.
 * Lines are joined with `\n`: the element's text is exactly the code.
 */
import React, { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Highlight, Prism } from 'prism-react-renderer';
import { translate } from '@docusaurus/Translate';
import KeepServerHtml from '@site/src/components/KeepServerHtml';
import { CLASS_ONLY_THEME } from '@site/src/lib/highlight/prismCss';
import styles from './styles.module.css';

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Rounds of waiting for an idle moment before a language counts as never coming (plain text stays). */
const MAX_LANGUAGE_WAITS = 20;

/** Whether the browser's Prism knows `language`; re-checked when the page is idle until it does. */
function useLanguageReady(language: string): boolean {
  const [ready, setReady] = useState(() => Prism.languages[language] !== undefined);
  useEffect(() => {
    if (ready) return undefined;
    let waits = 0;
    let handle: number | undefined;
    const idle = (callback: () => void): number =>
      window.requestIdleCallback ? window.requestIdleCallback(callback, { timeout: 2500 }) : window.setTimeout(callback, 250);
    const check = () => {
      if (Prism.languages[language] !== undefined) setReady(true);
      else if (++waits < MAX_LANGUAGE_WAITS) handle = idle(check);
    };
    handle = idle(check);
    return () => {
      if (handle === undefined) return;
      if (window.cancelIdleCallback) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [language, ready]);
  return ready;
}

interface CodeProps {
  code: string;
  language: string;
  /** Token spans (default) or one text node. */
  highlighted?: boolean;
}

export function SnippetCode({ code, language, highlighted = true }: CodeProps): ReactNode {
  const ready = useLanguageReady(language);
  if (!highlighted || !ready) return <code>{code}</code>;
  return (
    <Highlight theme={CLASS_ONLY_THEME} code={code} language={language}>
      {({ tokens, getLineProps, getTokenProps }) => (
        <code>
          {tokens.map((line, i) => (
            <span key={i} {...getLineProps({ line })} className={styles.line}>
              {/* An empty line is one token whose text is a line feed: the line feed below is enough. */}
              {line.length === 1 && line[0]!.empty ? null : line.map((token, key) => <span key={key} {...getTokenProps({ token })} />)}
              {i < tokens.length - 1 ? '\n' : null}
            </span>
          ))}
        </code>
      )}
    </Highlight>
  );
}

interface FrameProps {
  /** What the copy button copies; a function is called when the button is pressed. */
  copyText: string | (() => string);
  language: string;
  /** The accessible name of the code (and of its copy button). */
  label: string;
  /** Render `children` rather than keep the server's HTML (what it shows changed). */
  live: boolean;
  /** The `<code>` element (SnippetCode). */
  children: ReactNode;
}

export function SnippetFrame({ copyText, language, label, live, children }: FrameProps): ReactNode {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = useCallback(async () => {
    const ok = await writeClipboard(typeof copyText === 'function' ? copyText() : copyText);
    setState(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2000);
  }, [copyText]);
  const buttonLabel =
    state === 'copied'
      ? translate({ id: 'requestTabs.copy.done', message: 'Copied' })
      : state === 'failed'
        ? translate({ id: 'requestTabs.copy.failed', message: 'Copy failed: select the code and copy it by hand' })
        : translate({ id: 'requestTabs.copy', message: 'Copy' });
  return (
    <div className={styles.block}>
      <KeepServerHtml as="pre" live={live} className={`prism-code language-${language} ${styles.pre}`} tabIndex={0} aria-label={label}>
        {children}
      </KeepServerHtml>
      <button
        type="button"
        className={`button button--sm button--secondary ${styles.copy}`}
        onClick={copy}
        aria-label={`${buttonLabel}: ${label}`}
      >
        {buttonLabel}
      </button>
    </div>
  );
}

interface Props {
  /** What the page shows. */
  code: string;
  /** What the copy button copies. */
  copyText: string;
  language: string;
  label: string;
}

export default function SnippetBlock({ code, copyText, language, label }: Props): ReactNode {
  // The server's highlighted HTML stays as it is until the code changes.
  const [serverCode] = useState(code);
  return (
    <SnippetFrame copyText={copyText} language={language} label={label} live={code !== serverCode}>
      <SnippetCode code={code} language={language} />
    </SnippetFrame>
  );
}
