/**
 * "Copy page" and "View as Markdown" above every doc page, plus the page's
 * `<link rel="alternate" type="text/markdown">`. The Markdown is made at build time
 * (plugins/markdown-export) and fetched only on click, so the control costs a few
 * hundred bytes of first-load JavaScript. A native button and link: keyboard
 * accessible as they are; the outcome is announced in a live region.
 */
import React, { useState, type ReactNode } from 'react';
import Head from '@docusaurus/Head';
import Translate from '@docusaurus/Translate';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import { markdownPath } from '@site/src/lib/markdown-export/urls';
import styles from './styles.module.css';

type Outcome = 'copied' | 'failed' | undefined;

async function pageText(href: string): Promise<string> {
  const response = await fetch(href);
  if (!response.ok) throw new Error();
  return response.text();
}

/** Copies the Markdown at `href`; the clipboard item is made within the click, as Safari requires. */
function copyMarkdown(href: string): Promise<void> {
  const text = pageText(href);
  const clipboard = navigator.clipboard;
  const viaItem =
    typeof ClipboardItem === 'function'
      ? clipboard.write([new ClipboardItem({ 'text/plain': text.then((t) => new Blob([t], { type: 'text/plain' })) })])
      : Promise.reject(new Error());
  return viaItem.catch(() => text.then((t) => clipboard.writeText(t)));
}

export default function CopyPage(): ReactNode {
  const href = markdownPath(useDoc().metadata.permalink);
  const [outcome, setOutcome] = useState<Outcome>();
  const copy = () => {
    setOutcome(undefined);
    copyMarkdown(href).then(
      () => setOutcome('copied'),
      () => setOutcome('failed'),
    );
  };
  return (
    <div className={styles.copyPage}>
      <Head>
        <link rel="alternate" type="text/markdown" href={href} />
      </Head>
      <span role="status" className={styles.status}>
        {outcome === 'copied' ? (
          <Translate id="copyPage.copied" description="Copy page succeeded">
            Page copied as Markdown
          </Translate>
        ) : outcome === 'failed' ? (
          <Translate id="copyPage.failed" description="Copy page failed">
            Could not copy: use View as Markdown
          </Translate>
        ) : null}
      </span>
      <button type="button" className="button button--sm button--secondary" onClick={copy}>
        <Translate id="copyPage.copy" description="Button: copy the page as Markdown">
          Copy page
        </Translate>
      </button>
      <a className="button button--sm button--outline button--secondary" href={href} type="text/markdown">
        <Translate id="copyPage.view" description="Link: the page as Markdown">
          View as Markdown
        </Translate>
      </a>
    </div>
  );
}
