import { type AgentAssistDatabase, getDatabase } from '@/utils/db/database';
import { isFromExtensionPage, type MessageData, type MessageSender, onMessage } from '@/utils/messaging';
import { maskNoteText } from '@/utils/notes/mask-note';
import { saveNote } from '@/utils/notes/note-store';

/**
 * Stores the unsaved changes a panel sent as it closed, masked again; only the extension's own
 * pages may send them. When the panel's own save landed first, this finds a newer revision and
 * writes nothing.
 */
export async function storeClosingDraft(
  db: AgentAssistDatabase,
  { note, basedOn }: MessageData<'saveClosingDraft'>,
  sender: MessageSender,
): Promise<void> {
  if (!isFromExtensionPage(sender)) return;
  const masked = maskNoteText(note.text, note.masked);
  await saveNote(db, { ...note, text: masked.text, masked: masked.masked }, basedOn);
}

/** A closing page may be gone before its own IndexedDB save commits; the background outlives it. */
export function setupClosingDrafts(db: AgentAssistDatabase = getDatabase()): void {
  onMessage('saveClosingDraft', (data, sender) => storeClosingDraft(db, data, sender));
}
