import { useEffect } from 'preact/hooks';
import { isPendingSearchFor, type PendingSearch, pendingSearchItem } from '@/utils/pending-search';

/** Calls `onSearch` with page text the agent sent to the panel (context menu, shortcut) for this tab. */
export function usePendingSearch(tabId: number | null, onSearch: (text: string) => void): void {
  useEffect(() => {
    if (tabId === null) return;
    const take = (pending: PendingSearch | null) => {
      if (!isPendingSearchFor(pending, tabId, Date.now())) return;
      onSearch(pending!.text);
      void pendingSearchItem.setValue(null);
    };
    void pendingSearchItem.getValue().then(take);
    return pendingSearchItem.watch(take);
  }, [tabId, onSearch]);
}
