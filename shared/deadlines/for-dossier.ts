/**
 * The deadlines of a case as the dossier prints them: what is awaited, by when, on which basis.
 * Used by the app's export and by the CLI build, so both cuts show the same table.
 */
import type { Case, Language } from '../case/schema';
import type { DossierDeadline } from '../dossier/types';
import { computeDeadlines, type ComputeOptions, type DeadlineStatus } from './compute';
import { nextStepText } from './next-steps';

const STATUS: Record<DeadlineStatus, NonNullable<DossierDeadline['status']>> = {
  pending: 'open', 'due-today': 'open', open: 'open', met: 'met', overdue: 'missed',
};

const UNVERIFIED: Record<Language, string> = {
  'zh-TW': '（期間未經查證，由使用者設定）',
  'zh-CN': '（期限未经核实，由用户设定）',
  en: ' (period not verified; set by the user)',
};

/** Computes the case's deadlines and words them for the dossier in the case language. */
export function dossierDeadlines(c: Pick<Case, 'jurisdiction' | 'events' | 'language'>, options: ComputeOptions): DossierDeadline[] {
  return computeDeadlines(c, options).map((d) => ({
    label: nextStepText(d.rule.nextStep.beforeDue, c.language),
    due: d.due,
    startedBy: d.eventId,
    basis: d.rule.isVerified ? d.rule.citation : `${d.rule.citation}${UNVERIFIED[c.language]}`,
    status: STATUS[d.status],
  }));
}
