import { BUILT_IN_CHECKLISTS } from '../../../utils/checklists/built-in-checklists';
import { applyAction, type ChecklistRun, startRun } from '../../../utils/checklists/checklist-run';
import { CATEGORIES, type CallNote, OUTCOMES } from '../../../utils/notes/call-note';
import { seededRandom } from '../synthetic-kb';

const PHRASES = [
  '客户称转账显示成功但对方没收到',
  '账户多次输错密码被锁定',
  '收不到短信验证码',
  '接到冒充客服电话要求转到安全账户',
  'customer locked out after wrong passwords',
  'transfer failed with error TRF-4012',
  'refund not received after return',
  'double charge at a coffee shop',
  'app crashes after the update',
  '已引导自助重置密码',
  'escalated to the fraud team',
  'advised to keep evidence and report to police',
  '已核实身份并解锁',
  'guided a retry after checking limits',
];

/** A realistic call note; ids, agents, days and checklist outcomes vary with the seed. */
export function generateNotes(
  count: number,
  { seed = 11, days = 90, agents = 40, now = Date.UTC(2026, 10, 24) } = {},
): CallNote[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const createdAt = now - Math.floor(random() * days * 86_400_000);
    const agent = Math.floor(random() * agents);
    const runs: ChecklistRun[] = [];
    if (random() < 0.6) {
      const definition = pick(BUILT_IN_CHECKLISTS);
      let run = startRun(definition, `run-${i}`, createdAt);
      let at = createdAt;
      for (const step of definition.steps) {
        at += 5_000 + Math.floor(random() * 30_000);
        const action =
          random() < 0.08
            ? {
                type: 'skip' as const,
                stepId: step.id,
                reason: pick(['customer in a hurry', 'not applicable', '客户挂断']),
                at,
              }
            : step.kind === 'check'
              ? { type: 'tick' as const, stepId: step.id, at }
              : step.kind === 'choice'
                ? { type: 'set-value' as const, stepId: step.id, value: step.options![0]!.id, at }
                : {
                    type: 'set-value' as const,
                    stepId: step.id,
                    value: step.input?.format === 'amount' ? '¥200' : 'TX2026112400123',
                    at,
                  };
        const result = applyAction(definition, run, action);
        if (result.run) run = result.run;
      }
      runs.push(run);
    }
    const text = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(PHRASES)).join('。');
    const caseId = `CS-${100000 + Math.floor(random() * 50_000)}`;
    return {
      id: `note-${String(i).padStart(7, '0')}`,
      revision: 1,
      createdAt,
      updatedAt: createdAt + 300_000,
      endedAt: createdAt + 300_000,
      agentId: `A-${agent}`,
      agentName: `Agent ${agent}`,
      crm: { site: 'demo', url: `http://127.0.0.1/cases/${caseId}`, caseId, customerRef: `****${1000 + (i % 9000)}` },
      caseKey: `demo:${caseId}`,
      category: pick(CATEGORIES),
      tags: random() < 0.3 ? ['vip'] : [],
      text,
      masked: [],
      faqUsed:
        random() < 0.5
          ? [{ entryId: 'transfer-failed-zh', question: '转账失败怎么办?', action: 'inserted', at: createdAt + 60_000 }]
          : [],
      checklistRuns: runs,
      outcome: pick(OUTCOMES),
      followUpDate: null,
      review: {
        status: random() < 0.1 ? 'reviewed' : 'unreviewed',
        requested: false,
        reviewer: null,
        reviewedAt: null,
        comments: [],
      },
    };
  });
}
