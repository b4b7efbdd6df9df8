/**
 * Docusaurus's `browserContext` (what `useIsBrowser` reads), with one change:
 * the switch to `true` after hydration is a transition, so the re-render of
 * every reader is sliced instead of one long task (../index.ts).
 */
import React, { startTransition, useEffect, useState, type ReactNode } from 'react';

export const Context = React.createContext(false);

export function BrowserContextProvider({ children }: { children: ReactNode }): ReactNode {
  const [isBrowser, setIsBrowser] = useState(false);
  useEffect(() => {
    startTransition(() => setIsBrowser(true));
  }, []);
  return <Context.Provider value={isBrowser}>{children}</Context.Provider>;
}
