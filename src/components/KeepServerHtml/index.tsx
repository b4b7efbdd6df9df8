/**
 * <KeepServerHtml as="pre" …>children</KeepServerHtml>: an element whose
 * content the browser keeps exactly as the server rendered it when the page
 * first loads, so React neither renders nor hydrates what is inside.
 *
 * - On the server it renders `children` like any element: the static HTML is
 *   complete, and readers without JavaScript lose nothing.
 * - Mounted during the page's first hydration, it renders the same element
 *   with an empty `dangerouslySetInnerHTML`: React adopts the element and
 *   leaves its server content alone (no tokenizing, no fibers per token).
 * - Mounted later (client-side navigation), or once `live` is true (what it
 *   shows changed), it renders `children` in a fresh element.
 * - If hydration fails and React renders the page from scratch (text changed
 *   before React ran, as page-translating extensions do), the element it made
 *   is empty: it then renders `children` too.
 *
 * Use it only for content that is the same on the server and in the browser
 * and needs no event handlers of its own (highlighted code whose colours come
 * from CSS, src/lib/highlight/prismCss.ts; Markdown tables, whose links the
 * table element handles for them, src/components/KeptTable). Attributes and
 * event handlers on the element itself stay React's.
 */
import React, { useCallback, useLayoutEffect, useRef, useState, type ComponentPropsWithoutRef, type ReactNode, type Ref } from 'react';
import { inFirstHydration } from './firstHydration';

/** True when this component's first render is part of the page's first hydration (decided once, at mount). */
export function useBornInFirstHydration(): boolean {
  const [born] = useState(inFirstHydration);
  return born;
}

const KEEP = { __html: '' };

type Tag = 'pre' | 'div' | 'code' | 'table';

type Props<T extends Tag> = Omit<ComponentPropsWithoutRef<T>, 'children' | 'dangerouslySetInnerHTML'> & {
  as: T;
  children: ReactNode;
  /** Render `children` from now on (the content differs from what the server rendered). */
  live?: boolean;
  ref?: Ref<HTMLElement>;
};

/** One ref callback that sets both refs. */
function useBothRefs(own: { current: HTMLElement | null }, given: Ref<HTMLElement> | undefined): (element: HTMLElement | null) => void {
  return useCallback(
    (element: HTMLElement | null) => {
      own.current = element;
      if (typeof given === 'function') given(element);
      else if (given) given.current = element;
    },
    [own, given],
  );
}

export default function KeepServerHtml<T extends Tag>({ as, children, live = false, ref, ...rest }: Props<T>): ReactNode {
  // Only an element born in the first hydration has server content to keep.
  const born = useBornInFirstHydration();
  const own = useRef<HTMLElement>(null);
  const setRefs = useBothRefs(own, ref);
  // When hydration fails (text changed before React ran, as page-translating extensions do),
  // React renders the page again from scratch: the element it creates has no server content.
  // Then the children render after all. On a normal load the element has content: no update.
  const [noServerContent, setNoServerContent] = useState(false);
  useLayoutEffect(() => {
    if (born && !live && own.current && !own.current.hasChildNodes()) setNoServerContent(true);
  }, [born, live]);
  if (born && !live && !noServerContent) {
    return React.createElement(as, { ...rest, key: 'kept', ref: setRefs, suppressHydrationWarning: true, dangerouslySetInnerHTML: KEEP });
  }
  return React.createElement(as, { ...rest, key: 'live', ref: setRefs }, children);
}
