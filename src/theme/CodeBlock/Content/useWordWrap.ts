/**
 * The word-wrap state of a code block: Docusaurus's useCodeWordWrap
 * (@docusaurus/theme-common 3.10) with the same contract (`WordWrap`: the
 * `<pre>` ref, whether wrapping is on, whether the code scrolls sideways, and
 * the toggle), minus a cost it paid at every page load: to notice a block in a
 * hidden tab panel being shown, it went through a generic hook that sorts its
 * options with `localeCompare`, and the page's first `localeCompare` builds the
 * browser's collator (10 to 20 ms of the load's main thread, for code blocks
 * that sort nothing). This one watches the panel's `hidden` attribute with a
 * MutationObserver of its own.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { useCodeWordWrap } from '@docusaurus/theme-common/internal';

/** What CodeBlockContextProvider takes as `wordWrap`. */
export type WordWrap = ReturnType<typeof useCodeWordWrap>;

export function useWordWrap(): WordWrap {
  const [isEnabled, setIsEnabled] = useState(false);
  const [isCodeScrollable, setIsCodeScrollable] = useState(false);
  const codeBlockRef = useRef<HTMLPreElement | null>(null);

  const toggle = useCallback(() => {
    const code = codeBlockRef.current?.querySelector('code');
    if (!code) return;
    if (isEnabled) {
      code.removeAttribute('style');
    } else {
      code.style.whiteSpace = 'pre-wrap';
      // Very long words and strings wrap too: no sideways scrollbar at all.
      code.style.overflowWrap = 'anywhere';
    }
    setIsEnabled((value) => !value);
  }, [isEnabled]);

  const updateCodeIsScrollable = useCallback(() => {
    const pre = codeBlockRef.current;
    if (!pre) return;
    setIsCodeScrollable(pre.scrollWidth > pre.clientWidth || pre.querySelector('code')?.hasAttribute('style') === true);
  }, []);

  useEffect(() => {
    updateCodeIsScrollable();
  }, [isEnabled, updateCodeIsScrollable]);

  // A block in a hidden tab panel measures nothing: measure again each time its panel is shown.
  useEffect(() => {
    const panel = codeBlockRef.current?.closest('[role=tabpanel][hidden]');
    if (!panel) return undefined;
    const observer = new MutationObserver(() => {
      if (!panel.hasAttribute('hidden')) updateCodeIsScrollable();
    });
    observer.observe(panel, { attributes: true, attributeFilter: ['hidden'] });
    return () => observer.disconnect();
  }, [updateCodeIsScrollable]);

  useEffect(() => {
    window.addEventListener('resize', updateCodeIsScrollable, { passive: true });
    return () => window.removeEventListener('resize', updateCodeIsScrollable);
  }, [updateCodeIsScrollable]);

  return { codeBlockRef, isEnabled, isCodeScrollable, toggle };
}
