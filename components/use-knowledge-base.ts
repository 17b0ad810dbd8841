import { useMemo } from 'preact/hooks';
import type { AgentAssistDatabase } from '@/utils/db/database';
import { type ActiveKb, loadActiveKb } from '@/utils/kb/kb-store';
import { buildIndex, type MatchIndex } from '@/utils/matcher/matcher';
import { useLiveQuery } from './use-live-query';

export interface KnowledgeBase {
  kb: ActiveKb | undefined;
  index: MatchIndex | null;
}

/** The KB in use and its search index, rebuilt only when a different KB becomes active. */
export function useKnowledgeBase(db: AgentAssistDatabase): KnowledgeBase {
  const kb = useLiveQuery(() => loadActiveKb(db), [db]);
  const version = kb ? (kb.record?.id ?? 'default') : null;
  // Rebuilt per KB version, not per query result object.
  const index = useMemo(() => (kb ? buildIndex(kb.entries) : null), [version]);
  return { kb, index };
}
