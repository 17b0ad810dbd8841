import { describe, expect, it } from 'vitest';
import { BUILT_IN_CHECKLISTS } from '@/utils/checklists/built-in-checklists';
import { suggestChecklists } from '@/utils/checklists/checklist-triggers';

const suggest = (texts: string[], faqLinks: { entryId: string; checklist?: string }[] = []) =>
  suggestChecklists(BUILT_IN_CHECKLISTS, { texts, faqLinks }).map((s) => s.checklistId);

describe('suggestChecklists', () => {
  it.each([
    [['我的账户被锁了,登不上'], ['lockout']],
    [['My account is locked out after wrong passwords'], ['lockout']],
    [['转账失败,钱没到账'], ['transfer-failure']],
    [['The transfer failed with an error'], ['transfer-failure']],
    [['被骗了,对方冒充客服'], ['fraud']],
    [['I think this is a scam'], ['fraud']],
  ])('%j -> %j', (texts, expected) => {
    expect(suggest(texts)).toEqual(expected);
  });

  it.each([['How do I change my profile photo?'], ['我想查一下账单'], ['The app unlocked fine today']])(
    'near miss: %s',
    (text) => {
      expect(suggest([text])).toEqual([]);
    },
  );

  it('follows the checklist linked by a suggested answer', () => {
    expect(
      suggestChecklists(BUILT_IN_CHECKLISTS, { texts: ['hello'], faqLinks: [{ entryId: 'a', checklist: 'fraud' }] }),
    ).toEqual([{ checklistId: 'fraud', reason: { kind: 'faq', entryId: 'a' } }]);
  });
});
