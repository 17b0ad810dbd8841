// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseHeader } from '@/components/CaseHeader';
import { I18nProvider } from '@/components/i18n';
import type { CaseState } from '@/components/use-case-context';
import type { CaseContext } from '@/utils/crm/case-context';

const context: CaseContext = {
  site: 'demo',
  url: 'http://127.0.0.1/cases/CS-1',
  caseId: 'CS-1',
  subject: 'Account locked after password attempts',
  customerName: 'Wang Fang',
  customerRef: '****1',
  channel: 'phone',
  status: 'Open',
  description: null,
  latestMessage: null,
  hasReplyEditor: true,
};

function renderHeader(state: CaseState) {
  render(
    <I18nProvider language="en" uiLanguage="en">
      <CaseHeader state={state} />
    </I18nProvider>,
  );
  return screen.getByRole('region', { name: 'Current case' });
}

describe('CaseHeader', () => {
  afterEach(cleanup);

  it('says it is reading the page while the case loads', () => {
    const region = renderHeader({ status: 'loading' });
    expect(region.getAttribute('aria-busy')).toBe('true');
    expect(region.textContent).toBe('Reading the CRM page…');
  });

  it('says there is no case, and how to get one', () => {
    const region = renderHeader({ status: 'no-case' });
    expect(screen.getByTestId('no-case').textContent).toBe('No CRM case on this tab');
    expect(region.textContent).toContain('Open a case on an enabled CRM site and it appears here.');
    expect(region.hasAttribute('aria-busy')).toBe(false);
  });

  it('shows the case number, customer, status and subject', () => {
    renderHeader({ status: 'case', context });
    expect(screen.getByTestId('case-id').textContent).toBe('CS-1');
    expect(screen.getByTestId('case-customer').textContent).toBe('Wang Fang');
    expect(screen.getByTestId('case-customer').getAttribute('title')).toBe('Customer');
    expect(screen.getByText('Open')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Account locked after password attempts');
  });

  it('leaves out what the page did not show', () => {
    const region = renderHeader({
      status: 'case',
      context: { ...context, customerName: null, status: null, subject: null },
    });
    expect(screen.queryByTestId('case-customer')).toBeNull();
    expect(screen.queryByTestId('case-subject')).toBeNull();
    expect(region.textContent).toBe('CS-1');
  });
});
