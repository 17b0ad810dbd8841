import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CaseContext } from '@/utils/crm/case-context';
import type { AgentAssistDatabase } from '@/utils/db/database';
import { type CallNote, caseKeyOf, crmOf, newNote } from '@/utils/notes/call-note';
import { maskNoteText } from '@/utils/notes/mask-note';
import { findDraft, findLooseDraft, saveNote } from '@/utils/notes/note-store';
import type { MaskedSpan } from '@/utils/redact';
import { storageErrorName } from '@/utils/storage-error';

/** Autosave delay after the last keystroke. */
export const AUTOSAVE_MS = 400;
const RETRY_MS = [1000, 3000, 10_000, 30_000];

export type SaveState =
  | { status: 'unsaved' }
  | { status: 'saving' }
  | { status: 'saved'; at: number }
  | { status: 'conflict'; theirs: CallNote }
  /** `message` is the name of the storage error, such as QuotaExceededError. */
  | { status: 'error'; message: string };

export interface CallNoteApi {
  note: CallNote | null;
  saveState: SaveState;
  /** What the last save masked, for the agent to see. */
  lastMasked: MaskedSpan[];
  /** Changes the note; `immediate` saves now (checklist ticks, FAQ use), otherwise after typing pauses. */
  update: (change: (note: CallNote) => CallNote, options?: { immediate?: boolean }) => void;
  endCall: () => Promise<void>;
  keepMine: () => void;
  loadTheirs: () => void;
}

/**
 * The draft note for the case on the page: found again after a reload or restart, saved
 * as the agent types, masked before it is stored, never silently overwriting another window.
 */
export function useCallNote(
  db: AgentAssistDatabase,
  context: CaseContext | null,
  agent: { id: string; name: string },
  {
    newId = () => crypto.randomUUID(),
    handOffOnClose,
  }: {
    newId?: () => string;
    /** Given the masked unsaved note as the page goes away, for something that outlives the page to store. */
    handOffOnClose?: (note: CallNote, basedOn: number) => void;
  } = {},
): CallNoteApi {
  const [note, setNote] = useState<CallNote | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ status: 'unsaved' });
  const [lastMasked, setLastMasked] = useState<MaskedSpan[]>([]);
  const noteRef = useRef<CallNote | null>(null);
  const basedOn = useRef(0);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const attempt = useRef(0);
  const caseKey = caseKeyOf(context);

  const show = (next: CallNote | null) => {
    noteRef.current = next;
    setNote(next);
  };

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    const current = noteRef.current;
    if (!current || !dirty.current) return;
    dirty.current = false;
    setSaveState({ status: 'saving' });
    const masked = maskNoteText(current.text, current.masked);
    try {
      const result = await saveNote(db, { ...current, text: masked.text, masked: masked.masked }, basedOn.current);
      if (!result.ok) {
        dirty.current = true;
        setSaveState({ status: 'conflict', theirs: result.conflict });
        return;
      }
      attempt.current = 0;
      basedOn.current = result.note.revision;
      if (masked.added.length > 0) setLastMasked(masked.added);
      // Typing may have gone on during the save: keep it, masked the same way.
      const latest = noteRef.current ?? result.note;
      const remasked = maskNoteText(latest.text, result.note.masked);
      show({ ...latest, revision: result.note.revision, text: remasked.text, masked: remasked.masked });
      setSaveState({ status: 'saved', at: result.note.updatedAt });
    } catch (error) {
      // Quota exceeded, database blocked or closed: keep the draft in memory and try again.
      dirty.current = true;
      const delay = RETRY_MS[Math.min(attempt.current++, RETRY_MS.length - 1)]!;
      setSaveState({ status: 'error', message: storageErrorName(error) });
      timer.current = setTimeout(() => void flush(), delay);
    }
  }, [db]);

  useEffect(() => {
    let active = true;
    void (caseKey ? findDraft(db, caseKey, agent.id) : findLooseDraft(db, agent.id)).then((draft) => {
      if (!active) return;
      const next =
        draft ?? newNote({ id: newId(), now: Date.now(), agentId: agent.id, agentName: agent.name, context });
      basedOn.current = draft?.revision ?? 0;
      dirty.current = false;
      setLastMasked([]);
      setSaveState(draft ? { status: 'saved', at: draft.updatedAt } : { status: 'unsaved' });
      show(next);
    });
    return () => {
      active = false;
      void flush();
    };
    // Keyed by case and agent: the case context object itself changes with every page update.
  }, [db, caseKey, agent.id]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    // The page may be torn down before its own save commits, so the changes go to the hand-off too.
    const onPageHide = () => {
      const current = noteRef.current;
      if (current && dirty.current && handOffOnClose) {
        const masked = maskNoteText(current.text, current.masked);
        handOffOnClose({ ...current, text: masked.text, masked: masked.masked }, basedOn.current);
      }
      void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [flush, handOffOnClose]);

  const update = useCallback(
    (change: (note: CallNote) => CallNote, { immediate = false } = {}) => {
      const current = noteRef.current;
      if (!current) return;
      show(change(current));
      dirty.current = true;
      clearTimeout(timer.current);
      if (immediate) void flush();
      else timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush],
  );

  const endCall = useCallback(async () => {
    const current = noteRef.current;
    if (!current) return;
    update((n) => ({ ...n, endedAt: Date.now(), crm: n.crm ?? crmOf(context), caseKey: n.caseKey ?? caseKey }));
    await flush();
    if (noteRef.current?.endedAt) {
      basedOn.current = 0;
      setLastMasked([]);
      setSaveState({ status: 'unsaved' });
      show(newNote({ id: newId(), now: Date.now(), agentId: agent.id, agentName: agent.name, context }));
    }
  }, [update, flush, context, caseKey, agent.id, agent.name, newId]);

  const keepMine = useCallback(() => {
    if (saveState.status !== 'conflict') return;
    basedOn.current = saveState.theirs.revision;
    dirty.current = true;
    void flush();
  }, [saveState, flush]);

  const loadTheirs = useCallback(() => {
    if (saveState.status !== 'conflict') return;
    basedOn.current = saveState.theirs.revision;
    dirty.current = false;
    show(saveState.theirs);
    setSaveState({ status: 'saved', at: saveState.theirs.updatedAt });
  }, [saveState]);

  return { note, saveState, lastMasked, update, endCall, keepMine, loadTheirs };
}
