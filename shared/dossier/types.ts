/**
 * Inputs and outputs of the dossier build. Everything that touches a runtime (reading originals,
 * re-rendering redacted images, the clock) is injected, so the same build runs in a Web Worker and
 * under Node.
 */
import type { Audience, Box, Case, Evidence } from '../case/schema';
import type { DossierFontBytes } from './fonts';

/** A deadline started by a step of the dispute (computed elsewhere; printed in the regulator cut). */
export interface DossierDeadline {
  /** What must happen by the due date, e.g. "業者應於15日內處理". */
  label: string;
  /** Due date `YYYY-MM-DD`. */
  due: string;
  /** Id of the event that started it. */
  startedBy?: string;
  /** Legal basis as printed, e.g. "消費者保護法施行細則第36條". */
  basis?: string;
  status?: 'open' | 'met' | 'missed';
}

/** The image kinds pdf-lib embeds natively. */
export type ImageKind = 'jpeg' | 'png';

/** What an image redactor receives: boxes are in pixels of the upright (EXIF-oriented) image. */
export interface RedactImageInput {
  bytes: Uint8Array;
  kind: ImageKind;
  /** EXIF orientation (1–8) of `bytes`. */
  orientation: number;
  boxes: Box[];
}

/**
 * Re-renders an image with boxes filled black and returns it UPRIGHT (orientation applied). Drawing a
 * black rectangle over an embedded image is not redaction: the pixels would still be inside the PDF,
 * so every image a redaction touches goes through this function.
 */
export type RedactImage = (input: RedactImageInput) => Promise<{ bytes: Uint8Array; kind: ImageKind }>;

/** Progress of a build. */
export interface DossierProgress {
  phase: 'fonts' | 'sections' | 'exhibits' | 'finishing';
  done: number;
  total: number;
}

/** Just enough of AbortSignal for the build (shared/ has no DOM or Node types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Everything `buildDossier` needs. */
export interface BuildDossierInput {
  case: Case;
  audience: Audience;
  /** Reads an exhibit's original bytes. */
  originals: (evidence: Evidence) => Promise<Uint8Array>;
  fonts: DossierFontBytes;
  /** The clock: build date on the cover and in the metadata. */
  now: Date | (() => Date);
  onProgress?: (progress: DossierProgress) => void;
  signal?: AbortSignalLike;
  deadlines?: readonly DossierDeadline[];
  /** Required when a redaction box falls on an image. */
  redactImage?: RedactImage;
  /** Minutes east of UTC used for calendar dates of instants (default 480, UTC+8). */
  utcOffsetMinutes?: number;
}

/** How an exhibit's content went into the dossier. */
export type ExhibitEmbedding = 'jpeg-original' | 'png' | 'redacted-image' | 'pdf-pages' | 'text' | 'unsupported';

/** One exhibit as placed in the dossier (also written into the attached manifest). */
export interface PlacedExhibit {
  id: string;
  label: string;
  title: string;
  fileName: string;
  sha256: string;
  size: number;
  importedAt: string;
  /** 1-based first page in the dossier. */
  firstPage: number;
  pageCount: number;
  embedding: ExhibitEmbedding;
  /** Number of boxes burned black. */
  redactedBoxes: number;
}

/** A build's result. */
export interface DossierReport {
  bytes: Uint8Array;
  pageCount: number;
  sections: Array<{ id: string; title: string; firstPage: number }>;
  exhibits: PlacedExhibit[];
  /** Characters no font could draw (printed as 〓). */
  missingGlyphs: string[];
}

/** Name of the JSON manifest attached to every dossier (read back by `verifyDossier`). */
export const MANIFEST_NAME = 'dossier-manifest.json';

/** A problem that stops a build, with a message fit for the user. */
export class DossierError extends Error {
  override name = 'DossierError';
  /** @param evidenceId the exhibit the problem is about, when there is one. */
  constructor(message: string, readonly evidenceId?: string) {
    super(message);
  }
}
