import type { ChecklistRun } from '../checklists/checklist-run';
import type { CaseContext } from '../crm/case-context';
import type { MaskedSpan } from '../redact';

export const OUTCOMES = ['resolved', 'escalated', 'follow-up'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CATEGORIES = ['lockout', 'fraud', 'transfer', 'payment', 'card', 'account', 'app', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const REVIEW_STATUSES = ['unreviewed', 'reviewed', 'needs-coaching'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** An FAQ answer the agent used on the call. */
export interface FaqUse {
  entryId: string;
  question: string;
  action: 'copied' | 'inserted';
  at: number;
  /** The agent's vote, when given. */
  helpful?: boolean;
}

export interface ReviewComment {
  by: string;
  at: number;
  text: string;
  /** The review status set with this comment, if it changed. */
  status?: ReviewStatus;
}

export interface NoteReview {
  status: ReviewStatus;
  /** The agent asked a supervisor to look at this call; kept past retention until reviewed. */
  requested: boolean;
  reviewer: string | null;
  reviewedAt: number | null;
  comments: ReviewComment[];
}

/** Where the call was handled: the CRM page and its case. Never the customer's name. */
export interface NoteCrm {
  site: string;
  url: string;
  caseId: string | null;
  customerRef: string | null;
}

/** The record of one call. Text fields are masked before they are stored. */
export interface CallNote {
  id: string;
  /** Goes up by one with every save; a save based on an older revision is refused. */
  revision: number;
  createdAt: number;
  updatedAt: number;
  endedAt: number | null;
  agentId: string;
  agentName: string;
  crm: NoteCrm | null;
  /** `site:caseId`, to find a case's earlier notes; null without a case. */
  caseKey: string | null;
  category: Category | null;
  tags: string[];
  text: string;
  masked: MaskedSpan[];
  faqUsed: FaqUse[];
  checklistRuns: ChecklistRun[];
  outcome: Outcome | null;
  /** YYYY-MM-DD. */
  followUpDate: string | null;
  review: NoteReview;
}

export function caseKeyOf(context: Pick<CaseContext, 'site' | 'caseId'> | null): string | null {
  return context?.caseId ? `${context.site}:${context.caseId}` : null;
}

export function crmOf(context: CaseContext | null): NoteCrm | null {
  if (!context) return null;
  return { site: context.site, url: context.url, caseId: context.caseId, customerRef: context.customerRef };
}

/** A new draft for a call, linked to the case on the page when there is one. */
export function newNote({
  id,
  now,
  agentId,
  agentName,
  context,
}: {
  id: string;
  now: number;
  agentId: string;
  agentName: string;
  context: CaseContext | null;
}): CallNote {
  return {
    id,
    revision: 0,
    createdAt: now,
    updatedAt: now,
    endedAt: null,
    agentId,
    agentName,
    crm: crmOf(context),
    caseKey: caseKeyOf(context),
    category: null,
    tags: [],
    text: '',
    masked: [],
    faqUsed: [],
    checklistRuns: [],
    outcome: null,
    followUpDate: null,
    review: { status: 'unreviewed', requested: false, reviewer: null, reviewedAt: null, comments: [] },
  };
}
