import type { MessageKey } from '@/utils/i18n';
import type { Category, Outcome, ReviewStatus } from '@/utils/notes/call-note';

export const CATEGORY_LABEL: Record<Category, MessageKey> = {
  lockout: 'categoryLockout',
  fraud: 'categoryFraud',
  transfer: 'categoryTransfer',
  payment: 'categoryPayment',
  card: 'categoryCard',
  account: 'categoryAccount',
  app: 'categoryApp',
  other: 'categoryOther',
};

export const OUTCOME_LABEL: Record<Outcome, MessageKey> = {
  resolved: 'outcomeResolved',
  escalated: 'outcomeEscalated',
  'follow-up': 'outcomeFollowUp',
};

export const REVIEW_STATUS_LABEL: Record<ReviewStatus, MessageKey> = {
  unreviewed: 'statusUnreviewed',
  reviewed: 'statusReviewed',
  'needs-coaching': 'statusNeedsCoaching',
};
