import { describe, expect, it } from 'vitest';
import { genericAdapter } from '@/utils/crm/generic-adapter';
import { parseHtml } from '../../dom';

const extract = (html: string, url = 'https://help.example.com/tickets/1') =>
  genericAdapter.extract(parseHtml(html, url), new URL(url));

describe('generic adapter', () => {
  it('reads a definition list in English', () => {
    const context = extract(`<title>Helpdesk</title><main><h1>Card blocked</h1><dl>
      <dt>Ticket #</dt><dd>48213</dd><dt>Subject</dt><dd>Card blocked after travel</dd>
      <dt>Requester</dt><dd>Ana Silva</dd><dt>Status:</dt><dd>Open</dd>
      <dt>Description</dt><dd>My card stopped working abroad.</dd></dl>
      <textarea name="reply_body"></textarea></main>`);
    expect(context).toMatchObject({
      site: 'generic',
      caseId: '48213',
      subject: 'Card blocked after travel',
      customerName: 'Ana Silva',
      status: 'Open',
      description: 'My card stopped working abroad.',
      hasReplyEditor: true,
    });
  });

  it('reads a two-column table with Chinese labels', () => {
    const context = extract(`<table><tr><th>工单号</th><td>GD-2024-0091</td></tr>
      <tr><th>主题</th><td>转账失败</td></tr><tr><th>客户：</th><td>王先生</td></tr>
      <tr><th>问题描述</th><td>转账一直显示处理中</td></tr></table>`);
    expect(context).toMatchObject({
      caseId: 'GD-2024-0091',
      subject: '转账失败',
      customerName: '王先生',
      description: '转账一直显示处理中',
      hasReplyEditor: false,
    });
  });

  it('reads form labels tied to inputs', () => {
    const context = extract(`<form><label for="s">Subject</label><input id="s" value="Refund missing">
      <label for="c">Case Number</label><input id="c" value="00012345"></form>`);
    expect(context).toMatchObject({ caseId: '00012345', subject: 'Refund missing' });
  });

  it('falls back to a case number in the heading or title', () => {
    const context = extract('<title>Ticket #77120 - Acme Desk</title><h1>Cannot log in</h1>');
    expect(context).toMatchObject({ caseId: '77120', subject: 'Cannot log in' });
  });

  it('takes the newest customer message from a thread', () => {
    const context = extract(`<h1>Case 5521</h1><div class="thread">
      <div class="message customer">first</div><div class="message agent">reply</div>
      <div class="message customer">second, newest</div></div>`);
    expect(context?.latestMessage).toBe('second, newest');
  });

  it.each([
    ['an empty page', ''],
    ['a news article', '<h1>Markets rally</h1><p>Shares rose on Monday.</p>'],
    ['a label with no value', '<dl><dt>Subject</dt></dl>'],
  ])('returns null for %s', (_name, html) => {
    expect(extract(html)).toBeNull();
  });

  it('keeps page text as text, never markup', () => {
    const context = extract(
      '<dl><dt>Subject</dt><dd><b>Locked</b> <img src=x onerror=alert(1)>out</dd><dt>Ticket</dt><dd>9</dd></dl>',
    );
    expect(context?.subject).toBe('Locked out');
  });
});
