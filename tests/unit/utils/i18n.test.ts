import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import zhCN from '@/public/_locales/zh_CN/messages.json';
import { createTranslator, resolveLocale } from '@/utils/i18n';

describe('i18n', () => {
  it('has every key in both locales, each with a non-empty message', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const catalog of [en, zhCN]) {
      for (const [key, entry] of Object.entries(catalog)) {
        expect(entry.message.trim(), key).not.toBe('');
      }
    }
  });

  it('uses the same $n substitutions in both locales', () => {
    const slots = (text: string) => (text.match(/\$\d/g) ?? []).sort().join();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(slots(zhCN[key].message), key).toBe(slots(en[key].message));
    }
  });

  it.each([
    ['auto', 'zh-CN', 'zh-CN'],
    ['auto', 'zh-TW', 'zh-CN'],
    ['auto', 'en-GB', 'en'],
    ['auto', 'de', 'en'],
    ['en', 'zh-CN', 'en'],
    ['zh-CN', 'en-US', 'zh-CN'],
  ] as const)('setting %s with browser %s gives %s', (setting, ui, expected) => {
    expect(resolveLocale(setting, ui)).toBe(expected);
  });

  it('substitutes $1 and leaves a missing substitution visible', () => {
    const t = createTranslator('en');
    expect(t('optionsSaveFailed', 'disk full')).toBe('Could not save: disk full');
    expect(t('optionsSaveFailed')).toBe('Could not save: $1');
    expect(createTranslator('zh-CN')('caseNone')).toBe('此标签页没有 CRM 工单');
  });
});
