import { describe, expect, it } from 'vitest';
import { detectFraudSignals } from '@/utils/checklists/fraud-signals';

const signals = (text: string) => detectFraudSignals(text).map((s) => s.signal);

describe('detectFraudSignals', () => {
  it.each([
    ['He asked me to move my money to a safe account', ['safe-account']],
    ['对方让我把钱转到“安全账户”配合调查', ['safe-account']],
    ['they asked for the code I got by SMS', ['code-request']],
    ['the caller wanted me to read the verification code to him', ['code-request']],
    ['对方让我把短信验证码告诉他', ['code-request']],
    ['客户称对方索要验证码', ['code-request']],
    ['he sent me a refund link for the broken order', ['refund-link']],
    ['让我点击链接办理退款', ['refund-link']],
    ['he told me to install AnyDesk so he could fix it', ['remote-access']],
    ['对方让我下载会议软件共享屏幕', ['remote-access']],
    ['a man pretending to be from the bank called me', ['impersonation']],
    ['someone claiming to be police said my account is under investigation', ['impersonation']],
    ['接到自称本公司客服的电话', ['impersonation']],
    ['有人冒充公安给我打电话,让我把钱转到安全账户', ['safe-account', 'impersonation']],
  ])('%s', (text, expected) => {
    expect(signals(text)).toEqual(expected);
  });

  it.each([
    'I want to keep my account safe',
    'how do I open a savings account',
    'I did not receive my verification code',
    'where is my refund',
    'I called the police about my stolen phone',
    '我的验证码收不到',
    '我要修改密码',
    '客服说是系统问题',
    'my password reset link expired',
    'can you share your screen size recommendations',
    '退款什么时候到账',
    'the bank said the transfer is pending',
  ])('near miss does not trigger: %s', (text) => {
    expect(signals(text)).toEqual([]);
  });
});
