// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { createRef } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { NoteDetail, type NoteDetailProps } from '@/components/NoteDetail';
import type { ChecklistRun } from '@/utils/checklists/checklist-run';
import type { CallNote } from '@/utils/notes/call-note';
import { makeChecklist, makeNote, makeRun } from '../../fixtures/factories';

const demo = makeChecklist();
const AT = new Date(2024, 4, 1, 14, 5, 9).getTime();
const crm = { site: 'demo', url: 'https://crm.example.com/cases/CS-7', caseId: 'CS-7', customerRef: '****1' };

function renderDetail(note: CallNote, overrides: Partial<NoteDetailProps> = {}) {
  const props: NoteDetailProps = {
    note,
    definitionOf: (run: ChecklistRun) => (run.checklistId === demo.id ? demo : undefined),
    commentRef: createRef<HTMLTextAreaElement>(),
    reviewedRef: createRef<HTMLButtonElement>(),
    onReview: vi.fn().mockResolvedValue(undefined),
    ...overrides,
  };
  render(
    <I18nProvider language="en" uiLanguage="en">
      <NoteDetail {...props} />
    </I18nProvider>,
  );
  return props;
}

const comment = () => screen.getByRole('textbox', { name: 'Comment (C)' }) as HTMLTextAreaElement;
const steps = (timeline: HTMLElement) =>
  within(timeline)
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('NoteDetail', () => {
  afterEach(cleanup);

  describe('header', () => {
    it('names the case and site, who handled it, when, and its labels', () => {
      renderDetail(
        makeNote({ crm, createdAt: AT, endedAt: AT + 60_000, category: 'card', outcome: 'resolved', agentName: 'Lin' }),
      );
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Case CS-7 on demo');
      const line = screen.getByRole('heading', { level: 2 }).nextElementSibling!.textContent;
      expect(line).toBe(
        `Lin · Started ${new Date(AT).toLocaleString('en')} · Ended ${new Date(AT + 60_000).toLocaleString('en')} · Bank card · Resolved`,
      );
    });

    it('says a call without an end is still a draft, and names the agent when there is no case', () => {
      renderDetail(makeNote({ crm: null, agentName: '', agentId: 'A-3' }));
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('A-3');
      expect(screen.getByRole('heading', { level: 2 }).nextElementSibling!.textContent).toContain('Still a draft');
    });

    it('links to the case in the CRM in a new tab', () => {
      renderDetail(makeNote({ crm }));
      const link = screen.getByRole('link', { name: 'Open in the CRM' });
      expect(link.getAttribute('href')).toBe(crm.url);
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toContain('noopener');
    });

    it.each(['javascript:alert(1)', 'data:text/html,<p>x</p>', 'file:///etc/passwd', ''])(
      'gives no link for the address "%s"',
      (url) => {
        renderDetail(makeNote({ crm: { ...crm, url } }));
        expect(screen.queryByRole('link', { name: 'Open in the CRM' })).toBeNull();
      },
    );
  });

  describe('masked text', () => {
    it('marks each masked span with what it was', () => {
      const text = 'Code •••••• read out, card •••••••••••••••• too';
      renderDetail(
        makeNote({
          text,
          masked: [
            { kind: 'card', start: 27, end: 43 },
            { kind: 'otp', start: 5, end: 11 },
          ],
        }),
      );
      const body = screen.getByTestId('detail-text');
      expect(body.textContent).toBe(text);
      const marks = [...body.querySelectorAll('mark')].map((mark) => [mark.textContent, mark.getAttribute('title')]);
      expect(marks).toEqual([
        ['••••••', 'one-time code'],
        ['••••••••••••••••', 'card number'],
      ]);
      expect(screen.getByText('Marked text was masked before it was stored.')).toBeTruthy();
    });

    it('ignores spans that overlap or run past the text, and still shows all of it', () => {
      const text = 'PIN •••• given';
      renderDetail(
        makeNote({
          text,
          masked: [
            { kind: 'password', start: 4, end: 8 },
            { kind: 'otp', start: 6, end: 9 },
            { kind: 'cvv', start: 12, end: 40 },
          ],
        }),
      );
      const body = screen.getByTestId('detail-text');
      expect(body.textContent).toBe(text);
      expect([...body.querySelectorAll('mark')].map((mark) => mark.getAttribute('title'))).toEqual(['password or PIN']);
    });

    it('shows plain text without marks or the masking hint when nothing was masked', () => {
      renderDetail(makeNote({ text: 'Nothing secret here' }));
      expect(screen.getByTestId('detail-text').querySelector('mark')).toBeNull();
      expect(screen.queryByText('Marked text was masked before it was stored.')).toBeNull();
    });
  });

  it('lists the FAQ answers used, how, and the agent’s vote', () => {
    renderDetail(
      makeNote({
        faqUsed: [
          { entryId: 'a', question: 'How do I unlock?', action: 'inserted', at: 1, helpful: true },
          { entryId: 'b', question: 'Where is my refund?', action: 'copied', at: 2 },
          { entryId: 'c', question: 'Is this a scam?', action: 'copied', at: 3, helpful: false },
        ],
      }),
    );
    const list = screen.getByRole('heading', { name: 'FAQ answers used' }).nextElementSibling as HTMLElement;
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'How do I unlock? (inserted, Helpful)',
      'Where is my refund? (copied)',
      'Is this a scam? (copied, Not helpful)',
    ]);
  });

  it('says when no FAQ answer and no checklist was used', () => {
    renderDetail(makeNote());
    expect(screen.getByText('None')).toBeTruthy();
    expect(screen.getByText('No checklist on this call.')).toBeTruthy();
  });

  describe('checklist timeline', () => {
    it('shows each step on the path with its time, value, skip reason, or that it was not done', () => {
      const run = makeRun({
        startedAt: AT,
        completedAt: null,
        steps: {
          verify: { status: 'skipped', skipReason: 'Known caller', at: AT + 10_000 },
          reference: { status: 'done', value: 'TX-42', at: AT + 20_000 },
          outcome: { status: 'done', value: 'escalated', at: AT + 30_000 },
        },
      });
      renderDetail(makeNote({ checklistRuns: [run] }));
      const timeline = screen.getByTestId('timeline-demo');
      expect(within(timeline).getByRole('heading').textContent).toBe('Demo checklist v1 Not compliant');
      const time = (ms: number) => new Date(ms).toLocaleTimeString('en');
      expect(steps(timeline)).toEqual([
        `${time(AT + 10_000)}Verify the caller · required — Skipped: Known caller`,
        `${time(AT + 20_000)}Transfer reference — TX-42`,
        `${time(AT + 30_000)}Outcome · required — Escalated`,
        'Hand over to the second line · required — not done',
        'Thank the customer — not done',
      ]);
      expect(within(timeline).queryByText('Steps after an unanswered choice are not known yet.')).toBeNull();
    });

    it('says the steps after an unanswered choice are not known yet', () => {
      renderDetail(makeNote({ checklistRuns: [makeRun({ steps: { verify: { status: 'done', at: 2_000 } } })] }));
      const timeline = screen.getByTestId('timeline-demo');
      expect(steps(timeline)).toHaveLength(3);
      expect(within(timeline).getByText('Steps after an unanswered choice are not known yet.')).toBeTruthy();
    });

    it('shows a compliant run with its time to complete', () => {
      const run = makeRun({
        startedAt: 0,
        completedAt: 95_000,
        steps: {
          verify: { status: 'done', at: 10_000 },
          reference: { status: 'skipped', skipReason: '', at: 20_000 },
          outcome: { status: 'done', value: 'resolved', at: 30_000 },
          'wrap-up': { status: 'done', at: 95_000 },
        },
      });
      renderDetail(makeNote({ checklistRuns: [run] }));
      const heading = within(screen.getByTestId('timeline-demo')).getByRole('heading');
      expect(heading.textContent).toBe('Demo checklist v1 Compliant · 1:35');
      expect(heading.querySelector('.good')).not.toBeNull();
      expect(steps(screen.getByTestId('timeline-demo'))[1]).toContain('Skipped: —');
    });

    it('leaves out a run whose checklist is unknown', () => {
      renderDetail(makeNote({ checklistRuns: [makeRun({ checklistId: 'gone' }), makeRun({ id: 'r2' })] }));
      expect(screen.queryByTestId('timeline-gone')).toBeNull();
      expect(screen.getByTestId('timeline-demo')).toBeTruthy();
    });
  });

  describe('review', () => {
    it.each([
      ['unreviewed', 'Unreviewed'],
      ['reviewed', 'Reviewed'],
      ['needs-coaching', 'Needs coaching'],
    ] as const)('shows the status %s', (status, text) => {
      const note = makeNote();
      renderDetail({ ...note, review: { ...note.review, status } });
      expect(screen.getByTestId('detail-review-status').textContent).toBe(text);
    });

    it('marks the call reviewed', () => {
      const props = renderDetail(makeNote());
      fireEvent.click(screen.getByRole('button', { name: 'Reviewed (R)' }));
      expect(props.onReview).toHaveBeenCalledWith({ status: 'reviewed' });
    });

    it('marks a call for coaching with the comment typed, then clears the comment', async () => {
      const props = renderDetail(makeNote());
      fireEvent.input(comment(), { target: { value: 'Verify before unlocking' } });
      fireEvent.click(screen.getByRole('button', { name: 'Needs coaching' }));
      expect(props.onReview).toHaveBeenCalledWith({ status: 'needs-coaching', comment: 'Verify before unlocking' });
      await waitFor(() => expect(comment().value).toBe(''));
    });

    it('marks a call for coaching without a comment', () => {
      const props = renderDetail(makeNote());
      fireEvent.click(screen.getByRole('button', { name: 'Needs coaching' }));
      expect(props.onReview).toHaveBeenCalledWith({ status: 'needs-coaching', comment: undefined });
    });

    it('adds a comment only when there is text, and clears it once stored', async () => {
      const props = renderDetail(makeNote());
      const add = screen.getByRole('button', { name: 'Add comment' }) as HTMLButtonElement;
      expect(add.disabled).toBe(true);
      fireEvent.input(comment(), { target: { value: '   ' } });
      expect(add.disabled).toBe(true);
      fireEvent.input(comment(), { target: { value: 'Good call' } });
      expect(add.disabled).toBe(false);
      fireEvent.click(add);
      expect(props.onReview).toHaveBeenCalledWith({ comment: 'Good call' });
      await waitFor(() => expect(comment().value).toBe(''));
      expect(add.disabled).toBe(true);
    });

    it.each(['Reviewed (R)', 'Needs coaching', 'Add comment'])(
      'says so when "%s" cannot be saved, and keeps the comment',
      async (button) => {
        const onReview = vi.fn().mockRejectedValueOnce(new Error('QuotaExceededError')).mockResolvedValue(undefined);
        renderDetail(makeNote(), { onReview });
        fireEvent.input(comment(), { target: { value: 'Verify before unlocking' } });
        fireEvent.click(screen.getByRole('button', { name: button }));
        await waitFor(() =>
          expect(screen.getByRole('alert').textContent).toBe(
            'The review was not saved (QuotaExceededError); nothing you typed is lost. Try again.',
          ),
        );
        expect(comment().value).toBe('Verify before unlocking');
        fireEvent.click(screen.getByRole('button', { name: button }));
        await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
      },
    );

    it('does not show a failed save of one call on the next one', async () => {
      const onReview = vi.fn().mockRejectedValue(new Error('QuotaExceededError'));
      const detail = (note: CallNote) => (
        <I18nProvider language="en" uiLanguage="en">
          <NoteDetail
            note={note}
            definitionOf={() => undefined}
            commentRef={createRef()}
            reviewedRef={createRef()}
            onReview={onReview}
          />
        </I18nProvider>
      );
      const { rerender } = render(detail(makeNote({ id: 'n1' })));
      fireEvent.click(screen.getByRole('button', { name: 'Reviewed (R)' }));
      await screen.findByRole('alert');
      rerender(detail(makeNote({ id: 'n2' })));
      expect(screen.queryByRole('alert')).toBeNull();
    });

    it('hands the Reviewed button to the page for the R key, so the key saves and fails as a click does', () => {
      const reviewedRef = createRef<HTMLButtonElement>();
      renderDetail(makeNote(), { reviewedRef });
      expect(reviewedRef.current).toBe(screen.getByRole('button', { name: 'Reviewed (R)' }));
    });

    it('hands the comment box to the page for the C key', () => {
      const commentRef = createRef<HTMLTextAreaElement>();
      renderDetail(makeNote(), { commentRef });
      expect(commentRef.current).toBe(comment());
    });

    it('shows the review history with who, when and the status set', () => {
      const note = makeNote();
      renderDetail({
        ...note,
        review: {
          ...note.review,
          status: 'needs-coaching',
          comments: [
            { by: 'Supervisor Wu', at: AT, text: '', status: 'reviewed' },
            { by: 'QA Chen', at: AT + 1_000, text: 'Missed the identity check', status: 'needs-coaching' },
            { by: 'QA Chen', at: AT + 2_000, text: 'Discussed with agent' },
          ],
        },
      });
      const items = within(screen.getByTestId('review-history')).getAllByRole('listitem');
      const when = (ms: number) => new Date(ms).toLocaleString('en');
      expect(items.map((item) => item.textContent)).toEqual([
        `${when(AT)} · Supervisor Wu · set Reviewed`,
        `${when(AT + 1_000)} · QA Chen · set Needs coachingMissed the identity check`,
        `${when(AT + 2_000)} · QA ChenDiscussed with agent`,
      ]);
    });

    it('says there is no review yet', () => {
      renderDetail(makeNote());
      expect(screen.getByText('No review yet.')).toBeTruthy();
      expect(screen.queryByTestId('review-history')).toBeNull();
    });
  });
});
