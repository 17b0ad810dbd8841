import { useEffect } from 'preact/hooks';
import type { FraudSignal, FraudSignalMatch } from '@/utils/checklists/fraud-signals';
import type { MessageKey } from '@/utils/i18n';
import { useI18n } from './i18n';

const SIGNAL_LABEL: Record<FraudSignal, MessageKey> = {
  'safe-account': 'fraudSignalSafeAccount',
  'code-request': 'fraudSignalCodeRequest',
  'refund-link': 'fraudSignalRefundLink',
  'remote-access': 'fraudSignalRemoteAccess',
  impersonation: 'fraudSignalImpersonation',
};

/** A banner at the top of the panel when the call shows signs of a scam; F starts the fraud checklist. */
export function FraudWarning({ signals, onStart }: { signals: readonly FraudSignalMatch[]; onStart: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key.toLowerCase() !== 'f' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target.matches?.('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      onStart();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onStart]);
  return (
    <div class="fraud-warning" role="alert" data-testid="fraud-warning">
      <p>
        <strong>{t('fraudWarning', signals.map((s) => t(SIGNAL_LABEL[s.signal])).join(' · '))}</strong>
      </p>
      <button type="button" class="danger" onClick={onStart}>
        {t('fraudStart')}
      </button>
    </div>
  );
}
