import { useState } from 'preact/hooks';
import type { CaseContext } from '@/utils/crm/case-context';
import {
  isValidSitePattern,
  OVERRIDABLE_FIELDS,
  type OverridableField,
  type SiteSelectors,
  type SiteSetting,
} from '@/utils/crm/site-settings';
import type { MessageKey } from '@/utils/i18n';
import { useI18n } from './i18n';

const FIELD_LABEL: Record<OverridableField, MessageKey> = {
  caseId: 'fieldCaseId',
  subject: 'fieldSubject',
  customerName: 'fieldCustomerName',
  customerRef: 'fieldCustomerRef',
  channel: 'fieldChannel',
  status: 'fieldStatus',
  description: 'fieldDescription',
  latestMessage: 'fieldLatestMessage',
  replyEditor: 'fieldReplyEditor',
};

export interface SitesSectionProps {
  sites: readonly SiteSetting[];
  /** Site ids whose host permission the browser holds. */
  granted: ReadonlySet<string>;
  /** Asks the browser for the site's hosts (must run straight from the click), then saves. */
  onEnable: (site: SiteSetting, enabled: boolean) => Promise<boolean>;
  onAdd: (site: SiteSetting) => Promise<boolean>;
  onRemove: (site: SiteSetting) => void;
  onSaveSelectors: (site: SiteSetting, selectors: SiteSelectors) => void;
  onTest: (site: SiteSetting, selectors: SiteSelectors) => Promise<CaseContext | null>;
}

function SelectorsEditor({
  site,
  onSave,
  onTest,
}: {
  site: SiteSetting;
  onSave: (s: SiteSelectors) => void;
  onTest: SitesSectionProps['onTest'];
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<SiteSelectors>(site.selectors);
  const [result, setResult] = useState<{ context: CaseContext | null } | { error: string } | null>(null);
  return (
    <details>
      <summary>{t('sitesSelectors')}</summary>
      <p class="hint">{t('sitesSelectorsHint')}</p>
      {OVERRIDABLE_FIELDS.map((field) => (
        <div class="field" key={field}>
          <label for={`${site.id}-${field}`}>{t(FIELD_LABEL[field])}</label>
          <input
            id={`${site.id}-${field}`}
            value={draft[field] ?? ''}
            spellcheck={false}
            onInput={(event) => {
              const value = event.currentTarget.value;
              setDraft((current) => ({ ...current, [field]: value }));
            }}
          />
        </div>
      ))}
      <div class="button-row">
        <button
          type="button"
          onClick={() =>
            void onTest(site, draft).then(
              (context) => setResult({ context }),
              (error: Error) => setResult({ error: error.message }),
            )
          }
        >
          {t('sitesTest')}
        </button>
        <button
          type="button"
          class="primary"
          onClick={() => onSave(Object.fromEntries(Object.entries(draft).filter(([, v]) => v?.trim())))}
        >
          {t('sitesSaveSelectors')}
        </button>
      </div>
      {result && 'error' in result && (
        <p class="notice notice--error" role="alert">
          {result.error}
        </p>
      )}
      {result && 'context' in result && (
        <dl class="test-result" data-testid={`site-test-${site.id}`}>
          {result.context === null ? (
            <dd>{t('sitesTestNothing')}</dd>
          ) : (
            OVERRIDABLE_FIELDS.filter((field) => field !== 'replyEditor').map((field) => (
              <div key={field}>
                <dt>{t(FIELD_LABEL[field])}</dt>
                <dd>{result.context?.[field as Exclude<OverridableField, 'replyEditor'>] ?? '—'}</dd>
              </div>
            ))
          )}
        </dl>
      )}
    </details>
  );
}

/** CRM sites as switches, custom sites, per-site selectors with a live test. */
export function SitesSection(props: SitesSectionProps) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [pattern, setPattern] = useState('');
  const [error, setError] = useState('');
  // What each switch was set to while the browser is asked; afterwards it shows the stored state again.
  const [asking, setAsking] = useState<Readonly<Record<string, boolean>>>({});
  const enable = (site: SiteSetting, enabled: boolean) => {
    setAsking((current) => ({ ...current, [site.id]: enabled }));
    void props
      .onEnable(site, enabled)
      .then(
        (ok) => setError(ok ? '' : t('sitesDenied', site.name)),
        (failure: Error) => setError(t('optionsSaveFailed', failure.message)),
      )
      .finally(() => setAsking(({ [site.id]: _, ...rest }) => rest));
  };
  return (
    <section class="options-section" aria-labelledby="sites-title" data-testid="sites">
      <h2 id="sites-title">{t('sitesHeading')}</h2>
      <p class="hint">{t('sitesHint')}</p>
      <ul class="sites">
        {props.sites.map((site) => (
          <li key={site.id} data-site-id={site.id}>
            <label class="checkbox">
              <input
                type="checkbox"
                checked={asking[site.id] ?? site.enabled}
                aria-label={t('sitesEnable', site.name)}
                onChange={(event) => enable(site, event.currentTarget.checked)}
              />
              <strong>{site.name}</strong> <span class="hint">{site.matches.join(', ')}</span>
            </label>
            {site.enabled && !props.granted.has(site.id) && (
              <span class="hint">
                {t('sitesPermissionMissing')}{' '}
                <button type="button" onClick={() => enable(site, true)}>
                  {t('sitesGrant')}
                </button>
              </span>
            )}
            {site.id.startsWith('custom-') && (
              <button type="button" onClick={() => props.onRemove(site)}>
                {t('sitesRemove')}
              </button>
            )}
            {site.enabled && (
              <SelectorsEditor
                site={site}
                onSave={(selectors) => props.onSaveSelectors(site, selectors)}
                onTest={props.onTest}
              />
            )}
          </li>
        ))}
      </ul>
      <h3>{t('sitesAddHeading')}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = pattern.trim();
          if (!isValidSitePattern(trimmed)) {
            setError(t('sitesBadPattern', trimmed));
            return;
          }
          const site: SiteSetting = {
            id: `custom-${Date.now()}`,
            name: name.trim() || trimmed,
            matches: [trimmed],
            enabled: true,
            selectors: {},
          };
          void props.onAdd(site).then((ok) => {
            setError(ok ? '' : t('sitesDenied', trimmed));
            if (ok) {
              setName('');
              setPattern('');
            }
          });
        }}
      >
        <div class="field">
          <label for="site-name">{t('sitesName')}</label>
          <input id="site-name" value={name} maxLength={80} onInput={(event) => setName(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="site-pattern">{t('sitesPattern')}</label>
          <input
            id="site-pattern"
            value={pattern}
            placeholder="https://*.example-crm.com/*"
            aria-describedby="site-pattern-hint"
            onInput={(event) => setPattern(event.currentTarget.value)}
          />
        </div>
        <p id="site-pattern-hint" class="hint">
          {t('sitesPatternHint')}
        </p>
        <button type="submit">{t('sitesAdd')}</button>
      </form>
      {error && (
        <p class="notice notice--error" role="alert" data-testid="sites-error">
          {error}
        </p>
      )}
    </section>
  );
}
