import React, { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Highlight } from 'prism-react-renderer';
import { usePrismTheme } from '@docusaurus/theme-common';
import { translate } from '@docusaurus/Translate';
import styles from './styles.module.css';

interface Props {
  /** What the page shows (the API key masked). */
  code: string;
  /** What the copy button copies (placeholder or real key, as the user chose). */
  copyText: string;
  language: string;
  label: string;
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export default function SnippetBlock({ code, copyText, language, label }: Props): ReactNode {
  const theme = usePrismTheme();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = useCallback(async () => {
    const ok = await writeClipboard(copyText);
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
      <Highlight theme={theme} code={code} language={language}>
        {({ className, style, tokens, getLineProps, getTokenProps }) => (
          <pre className={`${className} ${styles.pre}`} style={style} tabIndex={0} aria-label={label}>
            <code>
              {tokens.map((line, i) => (
                <span key={i} {...getLineProps({ line })} className={styles.line}>
                  {line.map((token, key) => (
                    <span key={key} {...getTokenProps({ token })} />
                  ))}
                  {'\n'}
                </span>
              ))}
            </code>
          </pre>
        )}
      </Highlight>
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
