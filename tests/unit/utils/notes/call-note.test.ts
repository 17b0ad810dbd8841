import { describe, expect, it } from 'vitest';
import type { CaseContext } from '@/utils/crm/case-context';
import { caseKeyOf, crmOf, newNote } from '@/utils/notes/call-note';

const context: CaseContext = {
  site: 'zendesk',
  url: 'https://x.zendesk.com/agent/tickets/42',
  caseId: '42',
  subject: 'Card blocked',
  customerName: 'Li Na',
  customerRef: 'C-9',
  channel: 'phone',
  status: 'open',
  description: 'Card blocked after three wrong PINs',
  latestMessage: 'Please help',
  hasReplyEditor: true,
};

describe('caseKeyOf', () => {
  it.each<[string, Pick<CaseContext, 'site' | 'caseId'> | null, string | null]>([
    ['a case on a site', { site: 'zendesk', caseId: '42' }, 'zendesk:42'],
    ['a page without a case id', { site: 'zendesk', caseId: null }, null],
    ['an empty case id', { site: 'zendesk', caseId: '' }, null],
    ['no page', null, null],
  ])('%s -> %j', (_name, value, expected) => {
    expect(caseKeyOf(value)).toBe(expected);
  });
});

describe('crmOf', () => {
  it("keeps where the call was handled, never the customer's name or the page text", () => {
    expect(crmOf(context)).toEqual({
      site: 'zendesk',
      url: 'https://x.zendesk.com/agent/tickets/42',
      caseId: '42',
      customerRef: 'C-9',
    });
    expect(crmOf(null)).toBeNull();
  });
});

describe('newNote', () => {
  it('starts an empty, unreviewed draft linked to the case on the page', () => {
    expect(newNote({ id: 'n1', now: 5_000, agentId: 'A-7', agentName: 'Wang', context })).toEqual({
      id: 'n1',
      revision: 0,
      createdAt: 5_000,
      updatedAt: 5_000,
      endedAt: null,
      agentId: 'A-7',
      agentName: 'Wang',
      crm: { site: 'zendesk', url: 'https://x.zendesk.com/agent/tickets/42', caseId: '42', customerRef: 'C-9' },
      caseKey: 'zendesk:42',
      category: null,
      tags: [],
      text: '',
      masked: [],
      faqUsed: [],
      checklistRuns: [],
      outcome: null,
      followUpDate: null,
      review: { status: 'unreviewed', requested: false, reviewer: null, reviewedAt: null, comments: [] },
    });
  });

  it('starts a draft without a case when no CRM page is open', () => {
    expect(newNote({ id: 'n2', now: 1, agentId: '', agentName: '', context: null })).toMatchObject({
      crm: null,
      caseKey: null,
    });
  });

  it('gives each draft its own lists', () => {
    const a = newNote({ id: 'a', now: 1, agentId: '', agentName: '', context: null });
    const b = newNote({ id: 'b', now: 1, agentId: '', agentName: '', context: null });
    a.tags.push('x');
    a.review.comments.push({ by: 'Li', at: 1, text: 'ok' });
    expect(b.tags).toEqual([]);
    expect(b.review.comments).toEqual([]);
  });
});
