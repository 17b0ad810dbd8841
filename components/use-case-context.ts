import { useEffect, useState } from 'preact/hooks';
import type { CaseContext } from '@/utils/crm/case-context';
import { onMessage, sendMessageToTab } from '@/utils/messaging';
import { watchTabLoaded } from '@/utils/tabs';

export type CaseState = { status: 'loading' } | { status: 'no-case' } | { status: 'case'; context: CaseContext };

function toState(context: CaseContext | null): CaseState {
  return context ? { status: 'case', context } : { status: 'no-case' };
}

/** The case shown on a tab, following its single-page navigation and reloads. */
export function useCaseContext(tabId: number | null): CaseState {
  const [state, setState] = useState<CaseState>({ status: 'loading' });
  useEffect(() => {
    if (tabId === null) {
      setState({ status: 'no-case' });
      return;
    }
    let active = true;
    const ask = () =>
      sendMessageToTab(tabId, 'getCaseContext', undefined).then(
        (context) => active && setState(toState(context)),
        // No content script there: not a CRM page, or one that is not enabled.
        () => active && setState({ status: 'no-case' }),
      );
    setState({ status: 'loading' });
    void ask();
    const removeListener = onMessage('caseContextChanged', (context, sender) => {
      if (sender.tab?.id === tabId) setState(toState(context));
    });
    const unwatchLoad = watchTabLoaded(tabId, () => void ask());
    return () => {
      active = false;
      removeListener();
      unwatchLoad();
    };
  }, [tabId]);
  return state;
}
