import { useEffect, useState } from 'preact/hooks';
import { boundTabFromSearch, watchActiveTab } from '@/utils/tabs';

/** The CRM tab the panel serves: the one named in `?tab=`, else the active tab of its window. */
export function useBoundTab(search: string = location.search): number | null {
  const fixed = boundTabFromSearch(search);
  const [active, setActive] = useState<number | null>(null);
  useEffect(() => (fixed === null ? watchActiveTab(setActive) : undefined), [fixed]);
  return fixed ?? active;
}
