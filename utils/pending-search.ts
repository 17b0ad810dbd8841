import { storage } from 'wxt/utils/storage';

/** Page text the agent asked to search for (context menu or shortcut), waiting for the panel. */
export interface PendingSearch {
  tabId: number;
  text: string;
  /** Epoch ms; a panel opened later ignores requests older than PENDING_SEARCH_TTL_MS. */
  at: number;
}

export const PENDING_SEARCH_TTL_MS = 30_000;
export const MAX_SELECTION_LENGTH = 500;

// Session storage, because the panel may not be open yet when the request is made.
export const pendingSearchItem = storage.defineItem<PendingSearch | null>('session:pendingSearch', {
  fallback: null,
});

/** Trims selected text to a searchable size; null when nothing is left. */
export function selectionToQuery(selection: string | undefined): string | null {
  const text = (selection ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > MAX_SELECTION_LENGTH ? text.slice(0, MAX_SELECTION_LENGTH) : text;
}

/** True when a pending search is fresh and meant for the tab the panel shows. */
export function isPendingSearchFor(pending: PendingSearch | null, tabId: number | null, now: number): boolean {
  return pending !== null && pending.tabId === tabId && now - pending.at <= PENDING_SEARCH_TTL_MS;
}
