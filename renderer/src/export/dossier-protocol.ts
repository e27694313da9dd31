/** Messages between the export screen and the dossier Web Worker. */
import type { Audience, CaseId } from '../../../shared/case/schema';
import type { DossierDeadline, DossierProgress, DossierReport } from '../../../shared/dossier/types';

export type ToDossierWorker = {
  type: 'build';
  caseId: CaseId;
  audience: Audience;
  /** Base URL of the page, to fetch the bundled fonts from. */
  baseUrl: string;
  deadlines: DossierDeadline[];
  utcOffsetMinutes: number;
};

export type FromDossierWorker =
  | { type: 'progress'; progress: DossierProgress }
  | { type: 'done'; report: DossierReport }
  | { type: 'error'; message: string; evidenceId?: string };
