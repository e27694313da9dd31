/**
 * Reads a dossier PDF back and checks its structure: pages, the outline (one entry per exhibit),
 * every link landing on a page of the document, no active content (JavaScript, OpenAction, URI,
 * Launch…), and — through the attached manifest — that each JPEG original embedded as-is still has
 * the SHA-256 the integrity appendix prints. PNGs are decoded into PDF image data and text exhibits
 * are typeset, so their bytes cannot be compared; the report counts them as not checkable.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import { MANIFEST_NAME, type PlacedExhibit } from './types';

/** The result of verifying a dossier. */
export interface VerifyReport {
  isOk: boolean;
  pageCount: number;
  outline: { entries: number; titles: string[]; exhibitEntries: number };
  links: { count: number; broken: number };
  /** Active content found (action types, `/JS`, `/OpenAction`, `/AA`, JavaScript name tree). */
  activeContent: string[];
  manifest: { isPresent: boolean; exhibits: number };
  integrity: { checked: number; matched: number; mismatched: string[]; notCheckable: number };
  problems: string[];
}

/** Options of `verifyDossier`. */
export interface VerifyOptions {
  /** SHA-256 as lower-case hex; without it hashes are not checked. */
  sha256?: (bytes: Uint8Array) => Promise<string>;
}

const FORBIDDEN_ACTIONS = new Set(['JavaScript', 'URI', 'Launch', 'SubmitForm', 'ImportData', 'GoToR', 'GoToE', 'ResetForm', 'Rendition', 'Movie', 'Sound', 'Hide', 'SetOCGState', 'Trans', 'GoTo3DView']);

function text(obj: PDFObject | undefined): string {
  return obj instanceof PDFHexString || obj instanceof PDFString ? obj.decodeText() : '';
}

function readManifest(doc: PDFDocument): { exhibits: PlacedExhibit[] } | undefined {
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const files = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const arr = files?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!arr) return undefined;
  for (let i = 0; i + 1 < arr.size(); i += 2) {
    if (text(arr.lookup(i)) !== MANIFEST_NAME) continue;
    const spec = arr.lookupMaybe(i + 1, PDFDict);
    const ef = spec?.lookupMaybe(PDFName.of('EF'), PDFDict);
    const stream = ef?.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) return undefined;
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(decodePDFRawStream(stream).decode()));
      if (typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { exhibits?: unknown }).exhibits)) {
        return parsed as { exhibits: PlacedExhibit[] };
      }
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Verifies a dossier's structure (and JPEG hashes when a hash function is given). */
export async function verifyDossier(bytes: Uint8Array, options: VerifyOptions = {}): Promise<VerifyReport> {
  const problems: string[] = [];
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages();
  const pageRefs = new Set(pages.map((p) => p.ref.toString()));
  const pageIndex = new Map(pages.map((p, i) => [p.ref.toString(), i + 1]));
  const { context } = doc;

  // Active content anywhere in the file.
  const activeContent = new Set<string>();
  if (doc.catalog.has(PDFName.of('OpenAction'))) activeContent.add('OpenAction');
  if (doc.catalog.has(PDFName.of('AA'))) activeContent.add('AA (catalog)');
  if (doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.has(PDFName.of('JavaScript'))) activeContent.add('JavaScript name tree');
  for (const [, obj] of context.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : undefined;
    if (!dict) continue;
    const s = dict.get(PDFName.of('S'));
    if (s instanceof PDFName && FORBIDDEN_ACTIONS.has(s.decodeText())) activeContent.add(s.decodeText());
    if (dict.has(PDFName.of('JS'))) activeContent.add('JS');
    if (dict.has(PDFName.of('AA'))) activeContent.add('AA');
    const a = dict.lookupMaybe(PDFName.of('A'), PDFDict);
    const as = a?.get(PDFName.of('S'));
    if (as instanceof PDFName && FORBIDDEN_ACTIONS.has(as.decodeText())) activeContent.add(as.decodeText());
  }

  // Destinations: `[pageRef /XYZ …]` arrays, directly or via a GoTo action.
  const destPage = (dict: PDFDict): string | undefined => {
    let dest = dict.lookup(PDFName.of('Dest'));
    if (!dest) {
      const a = dict.lookupMaybe(PDFName.of('A'), PDFDict);
      if (a && a.get(PDFName.of('S')) === PDFName.of('GoTo')) dest = a.lookup(PDFName.of('D'));
    }
    if (!(dest instanceof PDFArray)) return undefined;
    const first = dest.get(0);
    return first instanceof PDFRef ? first.toString() : undefined;
  };

  let linkCount = 0;
  let broken = 0;
  for (const page of pages) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      if (!annot || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      linkCount++;
      const target = destPage(annot);
      if (!target || !pageRefs.has(target)) broken++;
    }
  }
  if (broken > 0) problems.push(`${broken} link(s) do not land on a page of this document`);

  // Outline.
  const titles: string[] = [];
  const outlineTargets: Array<{ title: string; page: number; depth: number }> = [];
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (first: PDFDict | undefined, depth: number) => {
    const seen = new Set<PDFDict>();
    for (let item = first; item && !seen.has(item); item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      seen.add(item);
      const title = text(item.lookup(PDFName.of('Title')));
      titles.push(title);
      const target = destPage(item);
      if (!target || !pageRefs.has(target)) problems.push(`bookmark ${JSON.stringify(title)} does not land on a page`);
      outlineTargets.push({ title, page: target ? pageIndex.get(target) ?? 0 : 0, depth });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  if (outlines) walk(outlines.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  else problems.push('no outline (bookmarks)');

  const manifest = readManifest(doc);
  if (!manifest) problems.push(`no ${MANIFEST_NAME} attached`);
  const exhibits = manifest?.exhibits ?? [];
  const exhibitEntries = outlineTargets.filter((o) => o.depth === 1 && exhibits.some((e) => e.firstPage === o.page)).length;
  for (const ex of exhibits) {
    if (!outlineTargets.some((o) => o.page === ex.firstPage && o.title.includes(ex.label))) problems.push(`no bookmark for exhibit ${ex.label}`);
    if (ex.firstPage < 1 || ex.firstPage + ex.pageCount - 1 > pages.length) problems.push(`exhibit ${ex.label} pages ${ex.firstPage}+${ex.pageCount} are outside the document`);
  }

  // Integrity: JPEG originals are embedded byte for byte, so their stream must hash to the printed value.
  const integrity = { checked: 0, matched: 0, mismatched: [] as string[], notCheckable: 0 };
  const jpegs = exhibits.filter((e) => e.embedding === 'jpeg-original');
  integrity.notCheckable = exhibits.length - (options.sha256 ? jpegs.length : 0);
  if (options.sha256 && jpegs.length > 0) {
    const streamHashes = new Set<string>();
    for (const [, obj] of context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFRawStream)) continue;
      if (obj.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image') || obj.dict.get(PDFName.of('Filter')) !== PDFName.of('DCTDecode')) continue;
      streamHashes.add(await options.sha256(obj.contents));
    }
    for (const ex of jpegs) {
      integrity.checked++;
      if (streamHashes.has(ex.sha256)) integrity.matched++;
      else integrity.mismatched.push(ex.label);
    }
    if (integrity.mismatched.length > 0) problems.push(`embedded original of ${integrity.mismatched.join(', ')} does not match its SHA-256`);
  }
  if (activeContent.size > 0) problems.push(`active content: ${[...activeContent].join(', ')}`);
  if (pages.length === 0) problems.push('no pages');

  return {
    isOk: problems.length === 0,
    pageCount: pages.length,
    outline: { entries: titles.length, titles, exhibitEntries },
    links: { count: linkCount, broken },
    activeContent: [...activeContent],
    manifest: { isPresent: !!manifest, exhibits: exhibits.length },
    integrity,
    problems,
  };
}
