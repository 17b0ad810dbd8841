import { useI18n } from './i18n';
import type { CaseState } from './use-case-context';

/** The case the panel is working on, or why there is none. */
export function CaseHeader({ state }: { state: CaseState }) {
  const { t } = useI18n();
  if (state.status === 'loading') {
    return (
      <section class="case-header" aria-busy="true" aria-label={t('caseRegion')}>
        <p class="case-header__empty">{t('caseLoading')}</p>
      </section>
    );
  }
  if (state.status === 'no-case') {
    return (
      <section class="case-header" aria-label={t('caseRegion')} data-testid="case-header">
        <p class="case-header__empty" data-testid="no-case">
          {t('caseNone')}
        </p>
        <p class="case-header__hint">{t('caseNoneHint')}</p>
      </section>
    );
  }
  const { context } = state;
  return (
    <section class="case-header" aria-label={t('caseRegion')} data-testid="case-header">
      <p class="case-header__line">
        <span class="case-header__id" data-testid="case-id">
          {context.caseId}
        </span>
        {context.customerName && (
          <span class="case-header__customer" title={t('caseCustomer')} data-testid="case-customer">
            {context.customerName}
          </span>
        )}
        {context.status && <span class="case-header__status">{context.status}</span>}
      </p>
      {context.subject && (
        <h1 class="case-header__subject" data-testid="case-subject">
          {context.subject}
        </h1>
      )}
    </section>
  );
}
