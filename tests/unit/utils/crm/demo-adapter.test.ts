// @vitest-environment happy-dom
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCaseContext } from '@/utils/crm/adapters';
import { demoAdapter } from '@/utils/crm/demo-adapter';

/** Runs the real demo CRM app in this test's DOM and opens a case by URL. */
async function openDemoCase(path: string): Promise<void> {
  history.replaceState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('demo CRM adapter on the real demo app', () => {
  beforeAll(async () => {
    const html = await readFile('tests/fixtures/demo-crm/index.html', 'utf8');
    document.body.innerHTML = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
    history.replaceState(null, '', '/cases/CS-20481?lang=zh-CN');
    await import('../../../fixtures/demo-crm/app.js');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  it('reads every field of a zh-CN case', () => {
    const context = demoAdapter.extract(document, new URL(location.href));
    expect(context).toMatchObject({
      site: 'demo',
      caseId: 'CS-20481',
      hasReplyEditor: true,
    });
    expect(context?.subject).toMatch(/锁/);
    expect(context?.customerName).toBeTruthy();
    expect(context?.customerRef).toMatch(/\d{4}/);
    expect(context?.description).toBeTruthy();
    expect(context?.latestMessage).toBeTruthy();
  });

  it('follows a switch to another case and finds its rich editor', async () => {
    await openDemoCase('/cases/CS-20488?lang=en');
    const context = extractCaseContext(document, new URL(location.href));
    expect(context).toMatchObject({ site: 'demo', caseId: 'CS-20488', channel: expect.any(String) });
    expect(demoAdapter.findReplyEditor(document)?.getAttribute('contenteditable')).toBe('true');
  });

  it('reports no case on the case list', async () => {
    await openDemoCase('/');
    expect(demoAdapter.extract(document, new URL(location.href))).toBeNull();
  });
});
