import { afterEach, describe, expect, it } from 'vitest';
import { type CaseFields, labelMap, readCaseFields, toCaseContext } from '@/utils/crm/case-fields';
import { searchPage } from '@/utils/crm/dom-search';
import { parseFixtureHtml } from './crm-fixtures';

const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((close) => close()));
});

function search(html: string) {
  const { doc, close } = parseFixtureHtml(html, 'https://crm.example.com/');
  opened.push(close);
  return searchPage(doc);
}

const none: CaseFields = {
  caseId: null,
  subject: null,
  customerName: null,
  customerRef: null,
  channel: null,
  status: null,
  description: null,
};

describe('labelMap', () => {
  it('maps every label to its field, the first field listed winning a shared label', () => {
    expect(labelMap({ caseId: ['case', 'ticket'], subject: ['subject', 'case'] })).toEqual(
      new Map([
        ['case', 'caseId'],
        ['ticket', 'caseId'],
        ['subject', 'subject'],
      ]),
    );
  });

  it('is empty for no labels', () => {
    expect(labelMap({}).size).toBe(0);
  });
});

describe('readCaseFields', () => {
  const html = `<h1 class="subject">Card blocked</h1>
    <dl><dt>Ticket</dt><dd>T-1</dd><dt>Status</dt><dd>Open</dd><dt>Subject</dt><dd>From the label</dd></dl>`;

  it('tries selectors in order and leaves fields nothing names as null', () => {
    expect(readCaseFields(search(html), { selectors: { subject: ['.missing', '.subject'] } })).toEqual({
      ...none,
      subject: 'Card blocked',
    });
  });

  it('fills only the fields selectors did not find from the labels', () => {
    expect(
      readCaseFields(search(html), {
        selectors: { subject: ['.subject'] },
        labels: { caseId: ['ticket'], status: ['status'], subject: ['subject'] },
      }),
    ).toEqual({ ...none, caseId: 'T-1', subject: 'Card blocked', status: 'Open' });
  });

  it('reads through shadow roots with the deep combinator', () => {
    const page = search(
      '<x-case><template shadowrootmode="open"><span class="id">C-42</span></template></x-case><span class="id">outside</span>',
    );
    expect(readCaseFields(page, { selectors: { caseId: ['x-case >>> .id'] } }).caseId).toBe('C-42');
  });

  it('reads nothing from an empty page', () => {
    expect(readCaseFields(search(''), { selectors: { caseId: ['#id'] }, labels: { status: ['status'] } })).toEqual(
      none,
    );
  });
});

describe('toCaseContext', () => {
  const url = new URL('https://crm.example.com/case/7?tab=1');

  it('lets the description stand in when the page shows no customer message', () => {
    expect(toCaseContext('generic', url, { ...none, description: 'Locked out' }, null, false)).toEqual({
      ...none,
      site: 'generic',
      url: 'https://crm.example.com/case/7?tab=1',
      description: 'Locked out',
      latestMessage: 'Locked out',
      hasReplyEditor: false,
    });
  });

  it('keeps the newest message when there is one', () => {
    const context = toCaseContext('zendesk', url, { ...none, description: 'Locked out' }, 'Still locked', true);
    expect(context).toMatchObject({ latestMessage: 'Still locked', description: 'Locked out', hasReplyEditor: true });
  });
});
