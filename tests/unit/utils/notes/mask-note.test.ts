import { describe, expect, it } from 'vitest';
import { maskNoteText } from '@/utils/notes/mask-note';

describe('maskNoteText', () => {
  it('masks new secrets and reports their kinds', () => {
    const result = maskNoteText('卡号 4111 1111 1111 1111，验证码 482913', []);
    expect(result.text).toBe('卡号 •••• •••• •••• 1111，验证码 ••••••');
    expect(result.added.map((span) => span.kind)).toEqual(['card', 'otp']);
    expect(result.masked.map((span) => [span.kind, result.text.slice(span.start, span.end)])).toEqual([
      ['card', '•••• •••• •••• 1111'],
      ['otp', '••••••'],
    ]);
  });

  it('keeps earlier masks and their kinds as the text around them changes', () => {
    const first = maskNoteText('PIN 4321', []);
    const edited = maskNoteText(`Customer said ${first.text}; also CVV 123`, first.masked);
    expect(edited.masked.map((span) => span.kind)).toEqual(['password', 'cvv']);
    expect(edited.added.map((span) => span.kind)).toEqual(['cvv']);
  });

  it('leaves ordinary notes alone', () => {
    const text = 'Refund of ¥128.50 on 2024-05-01, order 202405011234567890, case CS-20481, phone 13800138000';
    expect(maskNoteText(text, [])).toEqual({ text, masked: [], added: [] });
  });
});
