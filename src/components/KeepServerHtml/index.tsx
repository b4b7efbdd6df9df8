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
import React, { useState, useSyncExternalStore, type ComponentPropsWithoutRef, type ReactNode, type Ref } from 'react';

const noSubscription = () => () => {};

/** True on the server and while React hydrates the server's HTML; false in every later render in the browser. */
export function useIsHydrating(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
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
  const hydrating = useIsHydrating();
  // Decided once, at mount: only an element born in the first hydration has server content to keep.
  const [born] = useState(() => hydrating && typeof window !== 'undefined');
  if (born && !live) {
    return React.createElement(as, { ...rest, key: 'kept', ref, suppressHydrationWarning: true, dangerouslySetInnerHTML: KEEP });
  }
  return React.createElement(as, { ...rest, key: 'live', ref }, children);
}
