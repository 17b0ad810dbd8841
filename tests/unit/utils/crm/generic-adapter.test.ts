import { describe, expect, it } from 'vitest';
import { genericAdapter } from '@/utils/crm/generic-adapter';
import { parseHtml } from '../../dom';
import { parseFixtureHtml } from './crm-fixtures';

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

  it('reads a one-record table laid out in columns, but not a list of many records', () => {
    const one = extract(`<table><tr><th>Ticket ID</th><th>Subject</th><th>Status</th></tr>
      <tr><td>T-5512</td><td>Top-up missing</td><td>New</td></tr></table>`);
    expect(one).toMatchObject({ caseId: 'T-5512', subject: 'Top-up missing', status: 'New' });
    const list = extract(`<title>All tickets</title><table><tr><th>Ticket ID</th><th>Subject</th></tr>
      <tr><td>T-1</td><td>First</td></tr><tr><td>T-2</td><td>Second</td></tr></table>`);
    expect(list).toBeNull();
  });

  it('prefers a label element with its own value over a "Label: value" line', () => {
    const context = extract(`<p>Status: mentioned in passing</p>
      <dl><dt>Subject</dt><dd>PIN locked</dd><dt>Status</dt><dd>Open</dd></dl>`);
    expect(context?.status).toBe('Open');
  });

  it('pairs aria-labelledby and labels wrapped alone in a box', () => {
    const context = extract(`<h1>Case CS-2210</h1>
      <span id="l-state">State</span><output aria-labelledby="l-state">Escalated</output>
      <div><div><h3>Requester</h3></div></div><div>Nora Quinn</div>`);
    expect(context).toMatchObject({ caseId: 'CS-2210', status: 'Escalated', customerName: 'Nora Quinn' });
  });

  it('drops a "value" too long to be one, such as a whole panel next to a label', () => {
    const panel = 'Lorem ipsum dolor sit amet. '.repeat(20);
    const context = extract(`<h1>Ticket #88120</h1><span>Status</span><div>${panel}</div>`);
    expect(context).toMatchObject({ caseId: '88120', status: null });
  });

  it('takes the subject from the heading once the ticket number is stripped', () => {
    const context = extract('<title>Desk</title><h1>Ticket #4821 – Card blocked abroad</h1>');
    expect(context).toMatchObject({ caseId: '4821', subject: 'Card blocked abroad' });
  });

  it('lets timestamps decide the newest message in a thread listed newest first', () => {
    const context = extract(`<h1>Case 7731</h1><ul>
      <li data-author="customer"><time datetime="2024-03-02T10:00:00Z"></time><p>second</p></li>
      <li data-author="agent"><time datetime="2024-03-01T12:00:00Z"></time><p>reply</p></li>
      <li data-author="customer"><time datetime="2024-03-01T09:00:00Z"></time><p>first</p></li></ul>`);
    expect(context?.latestMessage).toBe('second');
  });

  it('recognises customer messages by the signature when a thread marks nobody', () => {
    const context = extract(`<h1>Ticket #3090</h1><dl><dt>Customer</dt><dd>Ivy Chen</dd></dl>
      <div class="comments">
        <div class="comment"><div class="comment-head"><span class="author">Ivy Chen</span></div><div class="comment-body">hello</div></div>
        <div class="comment"><div class="comment-head"><span class="author">Sam (agent)</span></div><div class="comment-body">hi</div></div>
        <div class="comment"><div class="comment-head"><span class="author">Ivy Chen</span></div><div class="comment-body">still broken</div></div>
      </div>`);
    expect(context?.latestMessage).toBe('still broken');
  });

  it('uses the description as the latest message when there is no thread', () => {
    const context = extract('<dl><dt>Ticket</dt><dd>12</dd><dt>Description</dt><dd>Lost phone.</dd></dl>');
    expect(context).toMatchObject({ description: 'Lost phone.', latestMessage: 'Lost phone.' });
  });

  it('reads fields in open shadow roots and messages in same-origin frames', async () => {
    const { doc, close } = parseFixtureHtml(
      `<x-case><template shadowrootmode="open"><dl><dt>工单号</dt><dd>GD-7781</dd><dt>主题</dt><dd>余额异常</dd>
        <dt>客户</dt><dd>陈先生</dd></dl></template></x-case>
        <iframe srcdoc="<div class='msg' data-role='customer'><p class='msg-text'>还是不对</p></div><textarea placeholder='回复客户'></textarea>"></iframe>`,
      'https://kefu.example.cn/ticket/7781',
    );
    const context = genericAdapter.extract(doc, new URL(doc.URL));
    expect(context).toMatchObject({
      caseId: 'GD-7781',
      subject: '余额异常',
      customerName: '陈先生',
      latestMessage: '还是不对',
      hasReplyEditor: true,
    });
    await close();
  });

  it('does not take a read-only or disabled field for a reply editor', () => {
    const context = extract('<h1>Case 4410</h1><textarea readonly>notes</textarea><div contenteditable="false"></div>');
    expect(context?.hasReplyEditor).toBe(false);
  });
});

describe('generic adapter on odd pages', () => {
  const deep = `${'<div><span>'.repeat(700)}x${'</span></div>'.repeat(700)}`;
  const wide = '<p><span>Status</span><b>?</b></p>'.repeat(3000);

  it.each([
    ['no head and no body tags', 'just text'],
    ['whitespace only', '   \n\t  '],
    ['a one-column table', '<table><tr><td>Subject</td></tr><tr><td>Status</td></tr></table>'],
    ['header cells only', '<table><tr><th>Subject</th><th>Status</th></tr></table>'],
    ['labels with no values', '<dl><dt>Subject</dt><dt>Status</dt></dl><label>Customer</label><b>Ticket #</b>'],
    ['a label for a missing control', '<label for="nowhere">Subject</label>'],
    ['aria-labelledby pointing nowhere', '<div aria-labelledby="missing also-missing">x</div>'],
    ['an empty select', '<label for="s">Status</label><select id="s"></select>'],
    ['orphaned table and list parts', '<td>Subject</td><dd>orphan</dd><li>Status:</li><th>Ticket</th>'],
    ['svg and math', '<svg><text>Subject</text><text>Nope</text></svg><math><mi>x</mi></math>'],
    ['deep nesting', deep],
    ['a huge flat page', wide],
    ['scripts and styles only', '<script>var subject = "x";</script><style>p::before{content:"Ticket #123"}</style>'],
  ])('survives %s and finds no case', (_name, html) => {
    expect(() => extract(html)).not.toThrow();
    expect(extract(html)).toBeNull();
  });

  it('survives a document without a body', () => {
    const doc = parseHtml('<title>Ticket #5512</title>');
    doc.body?.remove();
    expect(() => genericAdapter.extract(doc, new URL('https://x.example/'))).not.toThrow();
    expect(() => genericAdapter.findReplyEditor(doc)).not.toThrow();
  });

  it('returns null instead of throwing when the page itself throws', () => {
    const doc = parseHtml('<dl><dt>Subject</dt><dd>Trap</dd></dl>');
    Object.defineProperty(doc.querySelector('dd'), 'childNodes', {
      get() {
        throw new Error('hostile getter');
      },
    });
    expect(genericAdapter.extract(doc, new URL('https://x.example/'))).toBeNull();
  });
});
