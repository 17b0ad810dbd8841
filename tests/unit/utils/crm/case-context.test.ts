import { describe, expect, it } from 'vitest';
import { type CaseContext, cleanText, sameCaseContext } from '@/utils/crm/case-context';

describe('cleanText', () => {
  it.each([
    ['nothing', null, null],
    ['undefined', undefined, null],
    ['an empty text', '', null],
    ['only white space', ' \n\t ', null],
    ['text with runs of white space', '  Card\n\n  blocked\tafter  PIN ', 'Card blocked after PIN'],
    ['text at the limit', 'x'.repeat(2000), 'x'.repeat(2000)],
    ['text over the limit, cut with an ellipsis', 'x'.repeat(2001), `${'x'.repeat(1999)}…`],
  ])('%s', (_name, value, expected) => {
    expect(cleanText(value)).toBe(expected);
  });
});

describe('sameCaseContext', () => {
  const context: CaseContext = {
    site: 'demo',
    url: 'http://localhost:5173/case/1',
    caseId: 'WLT-1',
    subject: 'Locked',
    customerName: null,
    customerRef: null,
    channel: 'phone',
    status: 'open',
    description: null,
    latestMessage: null,
    hasReplyEditor: false,
  };

  it.each<[string, CaseContext | null, CaseContext | null, boolean]>([
    ['the same object', context, context, true],
    ['an equal copy', context, { ...context }, true],
    ['both empty', null, null, true],
    ['one empty', context, null, false],
    ['the other empty', null, context, false],
    ['another status', context, { ...context, status: 'closed' }, false],
    ['a reply editor that appeared', context, { ...context, hasReplyEditor: true }, false],
    ['a field cleared', context, { ...context, subject: null }, false],
  ])('%s: %s', (_name, a, b, expected) => {
    expect(sameCaseContext(a, b)).toBe(expected);
  });
});
