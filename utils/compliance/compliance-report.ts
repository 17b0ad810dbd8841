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

/** Runs counted as they come, so every group of a report fills in the same single pass. */
class RunTally {
  runs = 0;
  compliant = 0;
  complete = 0;
  private readonly times: number[] = [];
  private readonly steps = new Map<string, Map<string, StepTally>>();
  private firstChecklist: string | null = null;
  private mixed = false;

  add(run: RunDigest): void {
    this.runs++;
    if (run.compliant) this.compliant++;
    if (run.complete) this.complete++;
    if (run.timeToComplete !== null) this.times.push(run.timeToComplete);
    this.firstChecklist ??= run.checklistId;
    if (run.checklistId !== this.firstChecklist) this.mixed = true;
    for (const skip of run.skipped) {
      const tally = this.step(run.checklistId, skip.stepId);
      tally.missed++;
      tally.reasons.set(skip.reason, (tally.reasons.get(skip.reason) ?? 0) + 1);
    }
    for (const stepId of run.missed) this.step(run.checklistId, stepId).missed++;
  }

  private step(checklistId: string, stepId: string): StepTally {
    let steps = this.steps.get(checklistId);
    if (!steps) {
      steps = new Map();
      this.steps.set(checklistId, steps);
    }
    let tally = steps.get(stepId);
    if (!tally) {
      tally = { missed: 0, reasons: new Map() };
      steps.set(stepId, tally);
    }
    return tally;
  }

  /** The figures so far. Step ids are prefixed by their checklist when the runs mix checklists. */
  figures(): Figures {
    const steps = [...this.steps].flatMap(([checklistId, byStep]) =>
      [...byStep].map(([stepId, tally]) => ({ stepId: this.mixed ? `${checklistId}/${stepId}` : stepId, ...tally })),
    );
    return {
      runs: this.runs,
      compliant: this.compliant,
      rate: this.runs === 0 ? null : this.compliant / this.runs,
      complete: this.complete,
      medianTime: median(this.times),
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
}

function tallyIn<K>(groups: Map<K, RunTally>, key: K): RunTally {
  let tally = groups.get(key);
  if (!tally) {
    tally = new RunTally();
    groups.set(key, tally);
  }
  return tally;
}

/** Compliance of checklist runs per checklist, per agent and per day, for calls in the query, in one pass. */
export function complianceReport(summaries: readonly NoteRuns[], query: ComplianceQuery): ComplianceReport {
  const from = query.from ? dayStart(query.from) : -Infinity;
  const to = query.to ? dayStart(query.to) + 86_400_000 : Infinity;
  const overall = new RunTally();
  const byChecklist = new Map<string, RunTally>();
  const byAgent = new Map<string, RunTally>();
  const agentNames = new Map<string, string>();
  const daily = new Map<string, { runs: number; compliant: number }>();
  for (const note of summaries) {
    if (note.createdAt < from || note.createdAt >= to) continue;
    if (query.agentId !== null && note.agentId !== query.agentId) continue;
    let day: { runs: number; compliant: number } | undefined;
    for (const run of note.runs) {
      if (query.checklistId !== null && run.checklistId !== query.checklistId) continue;
      overall.add(run);
      tallyIn(byChecklist, run.checklistId).add(run);
      tallyIn(byAgent, note.agentId).add(run);
      if (note.agentName && !agentNames.get(note.agentId)) agentNames.set(note.agentId, note.agentName);
      if (!day) {
        const key = dayOf(note.createdAt);
        day = daily.get(key) ?? { runs: 0, compliant: 0 };
        daily.set(key, day);
      }
      day.runs++;
      if (run.compliant) day.compliant++;
    }
  }
  const agents = [...byAgent].map(([agentId, tally]) => ({
    agentId,
    agentName: agentNames.get(agentId) ?? '',
    figures: tally.figures(),
  }));
  return {
    overall: overall.figures(),
    byChecklist: [...byChecklist]
      .map(([checklistId, tally]) => ({ checklistId, figures: tally.figures() }))
      .sort((a, b) => a.checklistId.localeCompare(b.checklistId)),
    byAgent: agents.sort((a, b) => (a.agentName || a.agentId).localeCompare(b.agentName || b.agentId)),
    daily: [...daily]
      .map(([day, { runs, compliant }]) => ({ day, runs, compliant, rate: compliant / runs }))
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
