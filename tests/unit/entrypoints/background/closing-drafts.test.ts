import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storeClosingDraft } from '@/entrypoints/background/closing-drafts';
import { AgentAssistDatabase } from '@/utils/db/database';
import { saveNote } from '@/utils/notes/note-store';
import { makeNote } from '../../../fixtures/factories';

const panel = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html?tab=3') };

describe('drafts handed over by a closing panel', () => {
  let db: AgentAssistDatabase;
  beforeEach(() => {
    db = new AgentAssistDatabase(`closing-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('stores the changes, masked, as the next revision', async () => {
    await storeClosingDraft(db, { note: makeNote({ text: 'card 4111 1111 1111 1111 and she' }), basedOn: 0 }, panel);
    expect(await db.notes.get('note-1')).toMatchObject({ revision: 1, text: 'card •••• •••• •••• 1111 and she' });
  });

  it('writes nothing when the panel’s own save landed first', async () => {
    await saveNote(db, makeNote({ text: 'saved by the panel' }), 0);
    await storeClosingDraft(db, { note: makeNote({ text: 'saved by the panel' }), basedOn: 0 }, panel);
    expect(await db.notes.get('note-1')).toMatchObject({ revision: 1, text: 'saved by the panel' });
  });

  it.each([
    [
      'a content script in a CRM tab',
      { id: fakeBrowser.runtime.id, url: 'https://crm.example.com/case/1', tab: { id: 3 } },
    ],
    ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' }],
  ])('ignores %s', async (_name, sender) => {
    await storeClosingDraft(db, { note: makeNote({ text: 'x' }), basedOn: 0 }, sender as never);
    expect(await db.notes.count()).toBe(0);
  });
});
