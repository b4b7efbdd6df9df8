import React, { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Highlight } from 'prism-react-renderer';
import { translate } from '@docusaurus/Translate';
import KeepServerHtml from '@site/src/components/KeepServerHtml';
import { CLASS_ONLY_THEME } from '@site/src/lib/highlight/prismCss';
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
  // The server's highlighted HTML stays as it is until the code changes (a value typed, a key entered).
  const [serverCode] = useState(code);
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
      <KeepServerHtml
        as="pre"
        live={code !== serverCode}
        className={`prism-code language-${language} ${styles.pre}`}
        tabIndex={0}
        aria-label={label}
      >
        <Highlight theme={CLASS_ONLY_THEME} code={code} language={language}>
          {({ tokens, getLineProps, getTokenProps }) => (
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
          )}
        </Highlight>
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
