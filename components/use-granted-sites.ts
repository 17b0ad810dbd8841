import { useEffect, useState } from 'preact/hooks';
import type { SiteSetting } from '@/utils/crm/site-settings';
import { grantedSiteIds, watchPermissions } from '@/utils/site-permissions';

/** Which of the sites the browser currently lets the extension read, kept current. */
export function useGrantedSites(sites: readonly SiteSetting[]): ReadonlySet<string> {
  const [granted, setGranted] = useState<ReadonlySet<string>>(new Set());
  const key = sites.map((site) => `${site.id}:${site.matches.join(',')}`).join('|');
  // Keyed by the sites’ ids and patterns: the array itself is new on every settings change.
  useEffect(() => {
    let active = true;
    const check = () => void grantedSiteIds(sites).then((ids) => active && setGranted(ids));
    check();
    const unwatch = watchPermissions(check);
    return () => {
      active = false;
      unwatch();
    };
  }, [key]);
  return granted;
}
