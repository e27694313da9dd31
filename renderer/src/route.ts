/** Hash routes: `#/` lists cases, `#/case/<id>/<section>` opens a case's workspace. */
import { useEffect, useState } from 'react';

export const SECTIONS = ['parties', 'evidence', 'timeline', 'claims', 'export'] as const;
export type Section = (typeof SECTIONS)[number];

export type Route = { name: 'cases' } | { name: 'case'; caseId: string; section: Section };

/** Parses a location hash. Unknown routes fall back to the case list. */
export function parseRoute(hash: string): Route {
  const m = /^#\/case\/([^/]+)(?:\/([a-z]+))?$/.exec(hash);
  if (!m) return { name: 'cases' };
  const section = (SECTIONS as readonly string[]).includes(m[2] ?? '') ? (m[2] as Section) : 'parties';
  return { name: 'case', caseId: decodeURIComponent(m[1]!), section };
}

/** The hash of a route. */
export function routeHash(route: Route): string {
  return route.name === 'cases' ? '#/' : `#/case/${encodeURIComponent(route.caseId)}/${route.section}`;
}

/** The current route, following hash changes. */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (next) => { window.location.hash = routeHash(next); }];
}
