/**
 * The filter of the status page, kept in the query string (`?show=all&locale=it`) so a filtered
 * list can be shared and survives a reload. The static HTML shows the default view (the pages
 * that need work, every language); the query string is read once hydrated, so the first render
 * matches the HTML.
 */
import { useCallback, useEffect, useState } from 'react';
import { useHistory, useLocation } from '@docusaurus/router';
import { DEFAULT_STATUS_VIEW, parseStatusView, statusViewSearch, type StatusView } from '@site/plugins/translation-status/shared';

export function useStatusView(locales: readonly string[]): [StatusView, (next: StatusView) => void] {
  const location = useLocation();
  const history = useHistory();
  const [view, setView] = useState<StatusView>(DEFAULT_STATUS_VIEW);
  const known = locales.join(',');
  useEffect(() => {
    setView(parseStatusView(location.search, known.split(',')));
  }, [location.search, known]);
  const change = useCallback(
    (next: StatusView) => {
      setView(next);
      history.replace({ pathname: location.pathname, search: statusViewSearch(next), hash: location.hash });
    },
    [history, location.pathname, location.hash],
  );
  return [view, change];
}
