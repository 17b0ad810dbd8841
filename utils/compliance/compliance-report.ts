import { kthLargest } from '../kth-largest';
import type { NoteRuns, RunDigest } from '../review/note-summary';
import { dayOf, dayStart } from '../review/review-filter';

export interface ComplianceQuery {
  /** Inclusive day range, YYYY-MM-DD, by the call's start. */
  from: string | null;
  to: string | null;
  checklistId: string | null;
  agentId: string | null;
}

export interface StepCount {
  stepId: string;
  count: number;
}

export interface SkippedStep extends StepCount {
  reasons: { reason: string; count: number }[];
}

export interface Figures {
  runs: number;
  compliant: number;
  /** compliant / runs; null without runs. */
  rate: number | null;
  complete: number;
  /** Median milliseconds from start to completion over complete runs; null when none completed. */
  medianTime: number | null;
  skipped: SkippedStep[];
  /** Required steps not done (skipped or left open), most missed first. */
  mostMissed: StepCount[];
}

export interface ComplianceReport {
  overall: Figures;
  byChecklist: { checklistId: string; figures: Figures }[];
  byAgent: { agentId: string; agentName: string; figures: Figures }[];
  daily: { day: string; runs: number; compliant: number; rate: number | null }[];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const copy = Float64Array.from(values);
  const upper = kthLargest(copy, Math.floor(copy.length / 2) + 1);
  return copy.length % 2 === 1 ? upper : (upper + kthLargest(copy, Math.floor(copy.length / 2))) / 2;
}

const byCountThenId = (a: StepCount, b: StepCount) => b.count - a.count || a.stepId.localeCompare(b.stepId);

interface StepTally {
  /** Times the step was skipped or left open. */
  missed: number;
  /** Skip reasons and how often each was given. */
  reasons: Map<string, number>;
}

/** The figures of a set of runs, in one pass. Step ids are prefixed by their checklist when runs mix checklists. */
export function figuresOf(runs: readonly RunDigest[]): Figures {
  const tallies = new Map<string, Map<string, StepTally>>();
  const tallyOf = (checklistId: string, stepId: string) => {
    let steps = tallies.get(checklistId);
    if (!steps) {
      steps = new Map();
      tallies.set(checklistId, steps);
    }
    let tally = steps.get(stepId);
    if (!tally) {
      tally = { missed: 0, reasons: new Map() };
      steps.set(stepId, tally);
    }
    return tally;
  };
  const times: number[] = [];
  let compliant = 0;
  let complete = 0;
  for (const run of runs) {
    if (run.compliant) compliant++;
    if (run.complete) complete++;
    if (run.timeToComplete !== null) times.push(run.timeToComplete);
    for (const skip of run.skipped) {
      const tally = tallyOf(run.checklistId, skip.stepId);
      tally.missed++;
      tally.reasons.set(skip.reason, (tally.reasons.get(skip.reason) ?? 0) + 1);
    }
    for (const stepId of run.missed) tallyOf(run.checklistId, stepId).missed++;
  }
  const mixed = runs.some((run) => run.checklistId !== runs[0]!.checklistId);
  const steps = [...tallies].flatMap(([checklistId, byStep]) =>
    [...byStep].map(([stepId, tally]) => ({ stepId: mixed ? `${checklistId}/${stepId}` : stepId, ...tally })),
  );
  return {
    runs: runs.length,
    compliant,
    rate: runs.length === 0 ? null : compliant / runs.length,
    complete,
    medianTime: median(times),
    skipped: steps
      .filter((step) => step.reasons.size > 0)
      .map(({ stepId, reasons }) => ({
        stepId,
        count: [...reasons.values()].reduce((sum, n) => sum + n, 0),
        reasons: [...reasons]
          .map(([reason, count]) => ({ reason, count }))
          .sort((x, y) => y.count - x.count || x.reason.localeCompare(y.reason)),
      }))
      .sort(byCountThenId),
    mostMissed: steps.map(({ stepId, missed }) => ({ stepId, count: missed })).sort(byCountThenId),
  };
}

interface RunRow {
  run: RunDigest;
  note: NoteRuns;
}

function groupBy<K>(rows: readonly RunRow[], key: (row: RunRow) => K): Map<K, RunRow[]> {
  const groups = new Map<K, RunRow[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Compliance of checklist runs per checklist, per agent and per day, for calls in the query. */
export function complianceReport(summaries: readonly NoteRuns[], query: ComplianceQuery): ComplianceReport {
  const from = query.from ? dayStart(query.from) : -Infinity;
  const to = query.to ? dayStart(query.to) + 86_400_000 : Infinity;
  const rows: RunRow[] = [];
  for (const note of summaries) {
    if (note.createdAt < from || note.createdAt >= to) continue;
    if (query.agentId !== null && note.agentId !== query.agentId) continue;
    for (const run of note.runs) {
      if (query.checklistId === null || run.checklistId === query.checklistId) rows.push({ run, note });
    }
  }
  const runsOf = (list: readonly RunRow[]) => list.map((row) => row.run);
  const byAgent = [...groupBy(rows, (row) => row.note.agentId)].map(([agentId, list]) => ({
    agentId,
    agentName: list.find((row) => row.note.agentName)?.note.agentName ?? '',
    figures: figuresOf(runsOf(list)),
  }));
  return {
    overall: figuresOf(runsOf(rows)),
    byChecklist: [...groupBy(rows, (row) => row.run.checklistId)]
      .map(([checklistId, list]) => ({ checklistId, figures: figuresOf(runsOf(list)) }))
      .sort((a, b) => a.checklistId.localeCompare(b.checklistId)),
    byAgent: byAgent.sort((a, b) => (a.agentName || a.agentId).localeCompare(b.agentName || b.agentId)),
    daily: [...groupBy(rows, (row) => dayOf(row.note.createdAt))]
      .map(([day, list]) => {
        const compliant = list.filter((row) => row.run.compliant).length;
        return { day, runs: list.length, compliant, rate: compliant / list.length };
      })
      .sort((a, b) => a.day.localeCompare(b.day)),
  };
}

/** CSV of the per-checklist and per-agent figures. */
export function complianceCsvRows(report: ComplianceReport): string[][] {
  const row = (group: string, name: string, f: Figures) => [
    group,
    name,
    String(f.runs),
    String(f.compliant),
    f.rate === null ? '' : f.rate.toFixed(4),
    f.medianTime === null ? '' : String(Math.round(f.medianTime / 1000)),
    f.mostMissed
      .slice(0, 5)
      .map((s) => `${s.stepId} (${s.count})`)
      .join('|'),
    f.skipped.flatMap((s) => s.reasons.map((r) => `${s.stepId}: ${r.reason} (${r.count})`)).join('|'),
  ];
  return [
    ['group', 'name', 'runs', 'compliant', 'rate', 'median_seconds', 'most_missed_steps', 'skip_reasons'],
    row('all', 'all', report.overall),
    ...report.byChecklist.map((c) => row('checklist', c.checklistId, c.figures)),
    ...report.byAgent.map((a) => row('agent', a.agentName || a.agentId, a.figures)),
  ];
}
