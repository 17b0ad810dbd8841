import { normalizeText } from '../matcher/normalize';
import type { ChecklistDefinition } from './checklist-definition';

export interface ChecklistSuggestion {
  checklistId: string;
  /** Why it is suggested: a keyword found in the text, or the FAQ answer that links it. */
  reason: { kind: 'keyword'; keyword: string } | { kind: 'faq'; entryId: string };
}

function containsKeyword(normalizedText: string, keyword: string): boolean {
  const needle = normalizeText(keyword).trim();
  if (!needle) return false;
  if (/^[\p{Script=Latin}\d\s'-]+$/u.test(needle)) {
    // Latin keywords match whole words ("locked" is not in "unlocked").
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(normalizedText);
  }
  return normalizedText.includes(needle);
}

/**
 * Checklists a call points to: from keywords in the case or note text, and from the
 * checklist linked by the FAQ answers currently suggested. Each checklist once, first reason wins.
 */
export function suggestChecklists(
  definitions: readonly ChecklistDefinition[],
  { texts, faqLinks }: { texts: readonly string[]; faqLinks: readonly { entryId: string; checklist?: string }[] },
): ChecklistSuggestion[] {
  const normalized = normalizeText(texts.join('\n'));
  const suggestions: ChecklistSuggestion[] = [];
  for (const definition of definitions) {
    const link = faqLinks.find((faq) => faq.checklist === definition.id);
    if (link) {
      suggestions.push({ checklistId: definition.id, reason: { kind: 'faq', entryId: link.entryId } });
      continue;
    }
    const keyword = definition.triggers.keywords.find((k) => containsKeyword(normalized, k));
    if (keyword) suggestions.push({ checklistId: definition.id, reason: { kind: 'keyword', keyword } });
  }
  return suggestions;
}
