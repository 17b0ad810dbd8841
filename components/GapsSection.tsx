import type { GapKind, KnowledgeGapRecord } from '@/utils/db/database';
import type { MessageKey } from '@/utils/i18n';
import { useI18n } from './i18n';

const KIND_LABEL: Record<GapKind, MessageKey> = {
  search: 'gapsKindSearch',
  note: 'gapsKindNote',
  'not-helpful': 'gapsKindNotHelpful',
};

export interface GapsSectionProps {
  gaps: readonly KnowledgeGapRecord[];
  onExport: () => void;
  onClear: () => void;
}

/** What agents asked that the KB could not answer, most frequent first. */
export function GapsSection({ gaps, onExport, onClear }: GapsSectionProps) {
  const { t, locale } = useI18n();
  return (
    <section class="options-section" aria-labelledby="gaps-title" data-testid="gaps">
      <h2 id="gaps-title">{t('gapsHeading')}</h2>
      <p class="hint">{t('gapsHint')}</p>
      {gaps.length === 0 ? (
        <p>{t('gapsEmpty')}</p>
      ) : (
        <>
          <div class="button-row">
            <button type="button" onClick={onExport}>
              {t('gapsExport')}
            </button>
            <button type="button" onClick={onClear}>
              {t('gapsClear')}
            </button>
          </div>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('gapsText')}</th>
                <th scope="col">{t('gapsKind')}</th>
                <th scope="col">{t('gapsCount')}</th>
                <th scope="col">{t('gapsLastSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((gap) => (
                <tr key={gap.key}>
                  <td>{gap.text}</td>
                  <td>{t(KIND_LABEL[gap.kind])}</td>
                  <td class="number">{gap.count}</td>
                  <td>{new Date(gap.lastAt).toLocaleString(locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
