/**
 * The browser's image redactor for the dossier export: decodes the image upright (EXIF orientation
 * applied by createImageBitmap), fills every box black with a pixel of margin so antialiased edges
 * go too, and encodes a new PNG. The output holds only the burned pixels, never the originals
 * under the boxes. Runs in a page or a Web Worker (OffscreenCanvas).
 */
import type { RedactImage } from '../../../shared/dossier/types';

/** The redactor the renderer injects into `buildDossier`. */
export const redactImageBrowser: RedactImage = async ({ bytes, kind, boxes }) => {
  const blob = new Blob([bytes as BlobPart], { type: kind === 'jpeg' ? 'image/jpeg' : 'image/png' });
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas to redact the image');
    ctx.drawImage(bitmap, 0, 0);
    ctx.fillStyle = '#000';
    for (const b of boxes) {
      const x0 = Math.max(0, Math.floor(b.x) - 1);
      const y0 = Math.max(0, Math.floor(b.y) - 1);
      const x1 = Math.min(canvas.width, Math.ceil(b.x + b.w) + 1);
      const y1 = Math.min(canvas.height, Math.ceil(b.y + b.h) + 1);
      if (x1 > x0 && y1 > y0) ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
    }
    const out = await canvas.convertToBlob({ type: 'image/png' });
    return { bytes: new Uint8Array(await out.arrayBuffer()), kind: 'png' };
  } finally {
    bitmap.close();
  }
};
