/**
 * One tab's snippet of a RequestTabs block: the request as `target` prints it.
 *
 * Light at load, complete without JavaScript:
 * - The server's HTML holds every tab's full text; the selected tab's is highlighted,
 *   the others are plain text (one text node each instead of a span per token).
 * - At load the browser keeps that HTML (SnippetFrame, KeepServerHtml): it generates
 *   no snippet, tokenizes nothing, and hydrates no token.
 * - A tab is highlighted from the moment it is selected (by the reader, or by Tabs
 *   applying the language remembered in storage) and stays so; its snippet is then
 *   generated and rendered in the browser, like any snippet whose request changed
 *   (a value typed, a key entered).
 * - The copy button generates what it copies when pressed.
 * The selected tab comes from the Tabs context, the same on the server and during
 * hydration (Tabs applies a remembered choice after hydration), so nothing mismatches.
 */
import React, { memo, useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTabs } from '@docusaurus/theme-common/internal';
import type { NormalizedRequest } from '@site/src/lib/api/types';
import { generateSnippet, targets, type TargetId } from '@site/src/lib/snippets';
import { SnippetCode, SnippetFrame } from '../SnippetBlock';

interface Props {
  target: TargetId;
  /** The request as the page shows it (key masked). */
  shown: NormalizedRequest;
  /** The request as the copy button copies it. */
  copied: NormalizedRequest;
  label: string;
}

function GeneratedCode({ target, request, highlighted }: { target: TargetId; request: NormalizedRequest; highlighted: boolean }): ReactNode {
  const code = useMemo(() => generateSnippet(target, request), [target, request]);
  return <SnippetCode code={code} language={targets[target].language} highlighted={highlighted} />;
}

function RequestSnippet({ target, shown, copied, label }: Props): ReactNode {
  const selected = useTabs().selectedValue === target;
  // Highlighted once selected, and from then on.
  const [highlighted, setHighlighted] = useState(selected);
  if (selected && !highlighted) setHighlighted(true);
  // What the server rendered: kept until the request or the highlighting differs.
  const [server] = useState(() => ({ shown, highlighted }));
  const copyText = useCallback(() => generateSnippet(target, copied), [target, copied]);
  return (
    <SnippetFrame
      copyText={copyText}
      language={targets[target].language}
      label={label}
      live={shown !== server.shown || highlighted !== server.highlighted}
    >
      <GeneratedCode target={target} request={shown} highlighted={highlighted} />
    </SnippetFrame>
  );
}

export default memo(RequestSnippet);
