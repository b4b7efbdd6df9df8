import { useCallback } from 'react';
import { useHistory } from '@docusaurus/router';

/**
 * Opens a path of the site with the app's router, as React Router's <Link> does: a link to the
 * page already shown replaces the history entry, any other adds one. Used by IntentLink and by
 * the links of a kept table (src/components/KeptTable).
 */
export function useOpenInApp(): (path: string) => void {
  const history = useHistory();
  return useCallback(
    (path: string) => {
      const { pathname, search, hash } = window.location;
      if (path === pathname + search + hash) history.replace(path);
      else history.push(path);
    },
    [history],
  );
}
