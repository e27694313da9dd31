/**
 * Navigation built by hand on pdf-lib's object model (it has no API for either): the outline
 * (bookmarks) and internal link annotations. Links only ever use `/Dest` to a page of this document —
 * no JavaScript, no URI, no launch actions.
 */
import { PDFHexString, PDFName, PDFNull, PDFNumber, type PDFArray, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';

/** One bookmark with optional children. */
export interface OutlineItem {
  title: string;
  page: PDFPage;
  children?: OutlineItem[];
}

/** `[page /XYZ null null null]`: go to the top of the page, keeping the reader's zoom. */
function destination(doc: PDFDocument, page: PDFPage): PDFArray {
  const arr = doc.context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]);
  return arr;
}

/** Writes the outline tree and makes the viewer open with bookmarks shown. */
export function writeOutline(doc: PDFDocument, items: readonly OutlineItem[]): void {
  const { context } = doc;
  const rootRef = context.nextRef();
  // Returns the number of visible descendants (all items are open).
  const writeLevel = (level: readonly OutlineItem[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } | undefined => {
    if (level.length === 0) return undefined;
    const refs = level.map(() => context.nextRef());
    let count = 0;
    level.forEach((item, i) => {
      const dict = context.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parent);
      dict.set(PDFName.of('Dest'), destination(doc, item.page));
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < level.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      const sub = writeLevel(item.children ?? [], refs[i]!);
      if (sub) {
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(sub.count));
        count += sub.count;
      }
      count += 1;
      context.assign(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };
  const top = writeLevel(items, rootRef);
  const root = context.obj({ Type: 'Outlines' });
  if (top) {
    root.set(PDFName.of('First'), top.first);
    root.set(PDFName.of('Last'), top.last);
    root.set(PDFName.of('Count'), PDFNumber.of(top.count));
  }
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Adds an invisible internal link over a rectangle `[x1, y1, x2, y2]` of a page. */
export function addLink(doc: PDFDocument, page: PDFPage, rect: readonly [number, number, number, number], target: PDFPage): void {
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [...rect],
    Border: [0, 0, 0],
  });
  annot.set(PDFName.of('Dest'), destination(doc, target));
  page.node.addAnnot(doc.context.register(annot));
}
