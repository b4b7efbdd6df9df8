/**
 * Where "try it" may send a request (and the API key): only to the configured
 * environments' origins and paths. Nothing from a page URL or storage can add a host.
 */
import type { Environment } from '../api/types';

/** True when `url` is inside one of the configured environments' base (or proxy) URLs. */
export function isAllowedUrl(url: string, environments: Environment[]): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.username || target.password) return false;
  return environments.some((env) =>
    [env.baseUrl, env.proxyUrl].some((allowed) => {
      if (!allowed) return false;
      const base = new URL(allowed);
      const basePath = base.pathname.replace(/\/+$/, '');
      return (
        target.origin === base.origin &&
        (target.pathname === basePath || target.pathname.startsWith(`${basePath}/`))
      );
    }),
  );
}

export function environmentById(environments: Environment[], id: string | null | undefined): Environment | undefined {
  return environments.find((env) => env.id === id);
}
