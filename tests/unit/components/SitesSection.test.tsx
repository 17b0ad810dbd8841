// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { SitesSection, type SitesSectionProps } from '@/components/SitesSection';
import type { CaseContext } from '@/utils/crm/case-context';
import type { SiteSetting } from '@/utils/crm/site-settings';

const zendesk: SiteSetting = {
  id: 'zendesk',
  name: 'Zendesk',
  matches: ['https://*.zendesk.com/*'],
  enabled: false,
  selectors: {},
};
const custom: SiteSetting = {
  id: 'custom-1',
  name: 'Our CRM',
  matches: ['https://crm.example.com/*'],
  enabled: true,
  selectors: { caseId: '#case-number' },
};

function renderSites(overrides: Partial<SitesSectionProps> = {}) {
  const props: SitesSectionProps = {
    sites: [zendesk, custom],
    granted: new Set(['custom-1']),
    onEnable: vi.fn().mockResolvedValue(true),
    onAdd: vi.fn().mockResolvedValue(true),
    onRemove: vi.fn(),
    onSaveSelectors: vi.fn(),
    onTest: vi.fn().mockResolvedValue(null),
    ...overrides,
  };
  render(
    <I18nProvider language="en" uiLanguage="en">
      <SitesSection {...props} />
    </I18nProvider>,
  );
  return props;
}

const item = (id: string) => screen.getByTestId('sites').querySelector<HTMLElement>(`[data-site-id="${id}"]`)!;
const addSite = (name: string, pattern: string) => {
  fireEvent.input(screen.getByLabelText('Name'), { target: { value: name } });
  fireEvent.input(screen.getByLabelText('Address pattern'), { target: { value: pattern } });
  fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
};

describe('SitesSection', () => {
  afterEach(cleanup);

  it('lists each site as a switch with its address patterns', () => {
    renderSites();
    const zendeskSwitch = screen.getByRole('checkbox', { name: 'Read cases on Zendesk' }) as HTMLInputElement;
    expect(zendeskSwitch.checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Read cases on Our CRM' }) as HTMLInputElement).checked).toBe(true);
    expect(item('zendesk').textContent).toContain('https://*.zendesk.com/*');
  });

  it('switches a site on, and says so when the browser refuses access', async () => {
    const props = renderSites({ onEnable: vi.fn().mockResolvedValue(false) });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Read cases on Zendesk' }));
    expect(props.onEnable).toHaveBeenCalledWith(zendesk, true);
    await waitFor(() =>
      expect(screen.getByTestId('sites-error').textContent).toBe('The browser did not allow access to Zendesk.'),
    );
    expect((screen.getByRole('checkbox', { name: 'Read cases on Zendesk' }) as HTMLInputElement).checked).toBe(false);
  });

  it('turns the switch back off after every refusal, not only the first', async () => {
    const props = renderSites({ onEnable: vi.fn().mockResolvedValue(false) });
    const zendeskSwitch = () => screen.getByRole('checkbox', { name: 'Read cases on Zendesk' }) as HTMLInputElement;
    for (const attempt of [1, 2, 3]) {
      fireEvent.click(zendeskSwitch());
      expect(zendeskSwitch().checked).toBe(true);
      await waitFor(() => expect(props.onEnable).toHaveBeenCalledTimes(attempt));
      await waitFor(() => expect(zendeskSwitch().checked).toBe(false));
    }
    expect(screen.getByTestId('sites-error').textContent).toBe('The browser did not allow access to Zendesk.');
  });

  it('shows the stored state and why when saving the switch fails', async () => {
    renderSites({ onEnable: vi.fn().mockRejectedValue(new Error('QuotaExceededError')) });
    const ourCrm = screen.getByRole('checkbox', { name: 'Read cases on Our CRM' }) as HTMLInputElement;
    fireEvent.click(ourCrm);
    await waitFor(() =>
      expect(screen.getByTestId('sites-error').textContent).toBe('Could not save: QuotaExceededError'),
    );
    expect(ourCrm.checked).toBe(true);
  });

  it('switches a site off', () => {
    const props = renderSites();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Read cases on Our CRM' }));
    expect(props.onEnable).toHaveBeenCalledWith(custom, false);
  });

  it('offers to ask again for an enabled site the browser has not allowed', () => {
    const props = renderSites({ granted: new Set() });
    const row = item('custom-1');
    expect(row.textContent).toContain('Not allowed by the browser yet');
    fireEvent.click(within(row).getByRole('button', { name: 'Allow' }));
    expect(props.onEnable).toHaveBeenCalledWith(custom, true);
    expect(within(item('zendesk')).queryByRole('button', { name: 'Allow' })).toBeNull();
  });

  it('says so when asking again is refused', async () => {
    renderSites({ granted: new Set(), onEnable: vi.fn().mockResolvedValue(false) });
    fireEvent.click(within(item('custom-1')).getByRole('button', { name: 'Allow' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The browser did not allow access to Our CRM.');
  });

  it('removes custom sites only', () => {
    const props = renderSites();
    expect(within(item('zendesk')).queryByRole('button', { name: 'Remove' })).toBeNull();
    fireEvent.click(within(item('custom-1')).getByRole('button', { name: 'Remove' }));
    expect(props.onRemove).toHaveBeenCalledWith(custom);
  });

  describe('adding a custom site', () => {
    it.each(['crm.example.com', 'https://*/*', 'ftp://crm.example.com/*', 'https://crm.example.com'])(
      'refuses the pattern "%s" and asks for nothing',
      (pattern) => {
        const props = renderSites();
        addSite('x', pattern);
        expect(screen.getByTestId('sites-error').textContent).toBe(
          `“${pattern}” is not an address pattern like https://*.example-crm.com/*.`,
        );
        expect(props.onAdd).not.toHaveBeenCalled();
      },
    );

    it('adds an enabled site with the name and trimmed pattern, then empties the form', async () => {
      const props = renderSites();
      addSite('  Help desk ', '  https://*.help.example.com/*  ');
      expect(props.onAdd).toHaveBeenCalledWith({
        id: expect.stringMatching(/^custom-\d+$/),
        name: 'Help desk',
        matches: ['https://*.help.example.com/*'],
        enabled: true,
        selectors: {},
      });
      await waitFor(() => expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe(''));
      expect((screen.getByLabelText('Address pattern') as HTMLInputElement).value).toBe('');
      expect(screen.queryByTestId('sites-error')).toBeNull();
    });

    it('names a site by its pattern when no name is given', () => {
      const props = renderSites();
      addSite('', 'https://crm.example.org/*');
      expect(props.onAdd).toHaveBeenCalledWith(expect.objectContaining({ name: 'https://crm.example.org/*' }));
    });

    it('keeps the form and says so when the browser refuses access', async () => {
      renderSites({ onAdd: vi.fn().mockResolvedValue(false) });
      addSite('Help desk', 'https://*.help.example.com/*');
      await waitFor(() =>
        expect(screen.getByTestId('sites-error').textContent).toBe(
          'The browser did not allow access to https://*.help.example.com/*.',
        ),
      );
      expect((screen.getByLabelText('Address pattern') as HTMLInputElement).value).toBe('https://*.help.example.com/*');
    });

    it('clears an earlier error once a site is added', async () => {
      renderSites();
      addSite('x', 'not a pattern');
      expect(screen.getByTestId('sites-error')).toBeTruthy();
      addSite('x', 'https://crm.example.org/*');
      await waitFor(() => expect(screen.queryByTestId('sites-error')).toBeNull());
    });
  });

  describe('selectors', () => {
    const context: CaseContext = {
      site: 'custom-1',
      url: 'https://crm.example.com/cases/7',
      caseId: 'CS-7',
      subject: 'Locked out',
      customerName: null,
      customerRef: '****1',
      channel: 'phone',
      status: null,
      description: null,
      latestMessage: null,
      hasReplyEditor: true,
    };

    it('are offered only for enabled sites, starting from the saved ones', () => {
      renderSites();
      expect(within(item('zendesk')).queryByText('Where the fields are (CSS selectors)')).toBeNull();
      expect((within(item('custom-1')).getByLabelText('Case number') as HTMLInputElement).value).toBe('#case-number');
    });

    it('saves only the fields that have a selector', () => {
      const props = renderSites();
      const row = item('custom-1');
      fireEvent.input(within(row).getByLabelText('Subject'), { target: { value: 'h1.title' } });
      fireEvent.input(within(row).getByLabelText('Case number'), { target: { value: '  ' } });
      fireEvent.click(within(row).getByRole('button', { name: 'Save selectors' }));
      expect(props.onSaveSelectors).toHaveBeenCalledWith(custom, { subject: 'h1.title' });
    });

    it('tests the selectors being edited on the current tab and shows what was read', async () => {
      const props = renderSites({ onTest: vi.fn().mockResolvedValue(context) });
      const row = item('custom-1');
      fireEvent.input(within(row).getByLabelText('Subject'), { target: { value: 'h1' } });
      fireEvent.click(within(row).getByRole('button', { name: 'Test on the current tab' }));
      expect(props.onTest).toHaveBeenCalledWith(custom, { caseId: '#case-number', subject: 'h1' });
      const result = await screen.findByTestId('site-test-custom-1');
      const pairs = [...result.querySelectorAll('div')].map((pair) => [
        pair.querySelector('dt')?.textContent,
        pair.querySelector('dd')?.textContent,
      ]);
      expect(pairs).toEqual([
        ['Case number', 'CS-7'],
        ['Subject', 'Locked out'],
        ['Customer', '—'],
        ['Customer reference', '****1'],
        ['Channel', 'phone'],
        ['Status', '—'],
        ['Description', '—'],
        ['Newest customer message', '—'],
      ]);
    });

    it('says when nothing was read', async () => {
      renderSites();
      fireEvent.click(within(item('custom-1')).getByRole('button', { name: 'Test on the current tab' }));
      expect((await screen.findByTestId('site-test-custom-1')).textContent).toBe('Nothing was read on that page.');
    });

    it('shows why a test failed', async () => {
      renderSites({ onTest: vi.fn().mockRejectedValue(new Error('Open a page of this site in a tab first.')) });
      fireEvent.click(within(item('custom-1')).getByRole('button', { name: 'Test on the current tab' }));
      expect((await within(item('custom-1')).findByRole('alert')).textContent).toBe(
        'Open a page of this site in a tab first.',
      );
      expect(screen.queryByTestId('site-test-custom-1')).toBeNull();
    });
  });
});
