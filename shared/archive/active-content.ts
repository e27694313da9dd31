/**
 * Finds active content in a PDF: actions that run script, launch programs, open URLs or fire on
 * open or on page events. pdf-lib parses every object (those inside compressed object streams too),
 * so keys hidden in object streams are found as well. Used to flag evidence PDFs (they are kept
 * byte-identical, so the flag is a warning) and to prove that the app's own dossiers carry none.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';

/** Dictionary keys that carry or trigger actions. */
export const ACTIVE_KEYS = ['JavaScript', 'JS', 'Launch', 'URI', 'OpenAction', 'AA'] as const;
/** Action types (`/S`) that are active content. */
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'URI', 'SubmitForm', 'ImportData', 'GoToR', 'GoToE', 'Rendition', 'Movie', 'Sound']);

/** What a scan found: sorted, de-duplicated key names and action types, plus whether the file is encrypted. */
export interface ActiveContentScan {
  found: string[];
  isEncrypted: boolean;
}

/**
 * Scans a PDF's objects for active content.
 * @throws the pdf-lib error when the bytes are not a readable PDF.
 */
export async function scanPdfActiveContent(bytes: Uint8Array): Promise<ActiveContentScan> {
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  const found = new Set<string>();
  const visit = (obj: PDFObject | undefined, depth: number) => {
    if (depth > 32 || !obj) return;
    const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : undefined;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        const name = key.decodeText();
        if ((ACTIVE_KEYS as readonly string[]).includes(name)) found.add(`/${name}`);
        if (name === 'S' && value instanceof PDFName && ACTIVE_ACTIONS.has(value.decodeText())) found.add(`/S /${value.decodeText()}`);
        visit(value, depth + 1);
      }
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) visit(obj.get(i), depth + 1);
    }
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj, 0);
  visit(doc.context.trailerInfo.Root, 0);
  return { found: [...found].sort(), isEncrypted: doc.isEncrypted };
}
