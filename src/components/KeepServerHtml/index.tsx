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
 *
 * Use it only for content that is the same on the server and in the browser
 * and needs no event handlers of its own (highlighted code whose colours come
 * from CSS, src/lib/highlight/prismCss.ts). Attributes on the element itself
 * stay React's to update.
 */
import React, { useState, type ComponentPropsWithoutRef, type ReactNode, type Ref } from 'react';
import { inFirstHydration } from './firstHydration';

/** True when this component's first render is part of the page's first hydration (decided once, at mount). */
export function useBornInFirstHydration(): boolean {
  const [born] = useState(inFirstHydration);
  return born;
}

const KEEP = { __html: '' };

type Tag = 'pre' | 'div' | 'code';

type Props<T extends Tag> = Omit<ComponentPropsWithoutRef<T>, 'children' | 'dangerouslySetInnerHTML'> & {
  as: T;
  children: ReactNode;
  /** Render `children` from now on (the content differs from what the server rendered). */
  live?: boolean;
  ref?: Ref<HTMLElement>;
};

export default function KeepServerHtml<T extends Tag>({ as, children, live = false, ref, ...rest }: Props<T>): ReactNode {
  // Only an element born in the first hydration has server content to keep.
  const born = useBornInFirstHydration();
  if (born && !live) {
    return React.createElement(as, { ...rest, key: 'kept', ref, suppressHydrationWarning: true, dangerouslySetInnerHTML: KEEP });
  }
  return React.createElement(as, { ...rest, key: 'live', ref }, children);
}
