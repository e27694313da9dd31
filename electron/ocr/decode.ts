/**
 * Node image decoders for the OCR pipeline: PNG (pngjs), JPEG (mozjpeg compiled to wasm, with
 * jpeg-js for what it refuses, e.g. CMYK), BMP and the first frame of a GIF (small decoders
 * here), WebP through @napi-rs/canvas when that optional native module is present. EXIF orientation comes from exifr (loaded only when the file has an
 * EXIF block). Headers are checked first.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { crc32, inflateSync } from 'node:zlib';
import type { PNG as PngCodec } from 'pngjs';
import type JpegCodec from 'jpeg-js';
// Decoders load on first use: a run needs only the one its file's format calls for.
import type { DecodedImage } from '../../shared/ocr/pipeline';
import type { RgbaRaster } from '../../shared/ocr/raster';
import { ImageInputError, MAX_IMAGE_PIXELS, readImageHeader, type ImageHeader } from '../../shared/evidence/image-header';

/** Decodes an image file's bytes to an RGBA raster plus its EXIF orientation. */
export async function decodeImage(bytes: Uint8Array): Promise<DecodedImage & { header: ImageHeader }> {
  const header = readImageHeader(bytes);
  let raster: RgbaRaster;
  switch (header.format) {
    case 'png': raster = decodePngFast(bytes) ?? decodePng(bytes, (await import('pngjs')).PNG); break;
    case 'jpeg': raster = await decodeJpeg(bytes, header); break;
    case 'bmp': raster = decodeBmp(bytes); break;
    case 'gif': raster = decodeGif(bytes); break;
    case 'webp': raster = await decodeWebp(bytes); break;
    case 'pdf': throw new ImageInputError('is a PDF, not an image');
  }
  const orientation = header.format === 'jpeg' || header.format === 'png' || header.format === 'webp' ? await readOrientation(bytes) : 1;
  return { raster, orientation, header };
}

/** EXIF block markers: JPEG APP1 / PNG and TIFF-in-WebP use "Exif", "eXIf" or "EXIF". */
const EXIF_MARKERS = ['Exif', 'eXIf', 'EXIF'];

async function readOrientation(bytes: Uint8Array): Promise<number> {
  // Most screenshots carry no EXIF at all: only then is the EXIF reader worth loading.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!EXIF_MARKERS.some((m) => buf.includes(m, 0, 'latin1'))) return 1;
  try {
    const { default: exifr } = await import('exifr');
    const o = await exifr.orientation(bytes);
    return typeof o === 'number' && o >= 1 && o <= 8 ? o : 1;
  } catch {
    // A damaged EXIF block does not make the picture unreadable: show it as stored.
    return 1;
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Colour type → samples per pixel, for the types the fast path handles (grey, RGB, grey+alpha, RGBA). */
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * Fast path for the common PNGs (8 or 16-bit grey/RGB/RGBA, not interlaced, no palette or
 * transparent colour): one inflate, an in-place unfilter and one conversion loop, where pngjs
 * spends several per-pixel passes with closures (≈4× slower on 16-bit screenshots). Pixels are
 * exactly those pngjs gives (16-bit samples rounded the same way). Returns undefined for anything
 * else, or anything dubious (bad CRC, unknown critical chunk, short data), so that pngjs decodes
 * it or reports the error in its own words.
 */
export function decodePngFast(b: Uint8Array): RgbaRaster | undefined {
  if (b.length < 8 + 25 || PNG_SIGNATURE.some((v, i) => b[i] !== v)) return undefined;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let p = 8;
  let width = 0, height = 0, depth = 0, colourType = -1, interlace = 0;
  const idat: Uint8Array[] = [];
  let ended = false;
  while (p + 12 <= b.length) {
    const len = dv.getUint32(p);
    if (p + 12 + len > b.length) return undefined;
    const type = String.fromCharCode(b[p + 4]!, b[p + 5]!, b[p + 6]!, b[p + 7]!);
    const body = b.subarray(p + 8, p + 8 + len);
    if (crc32(b.subarray(p + 4, p + 8 + len)) !== dv.getUint32(p + 8 + len)) return undefined;
    if (type === 'IHDR') {
      if (len !== 13) return undefined;
      width = dv.getUint32(p + 8); height = dv.getUint32(p + 12);
      depth = body[8]!; colourType = body[9]!; interlace = body[12]!;
      if (body[10] !== 0 || body[11] !== 0) return undefined;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') { ended = true; break; }
    // Palettes and transparent colours go to pngjs; other ancillary chunks (lower-case first
    // letter) do not change the pixels; an unknown critical chunk does.
    else if (type === 'PLTE' || type === 'tRNS' || (b[p + 4]! & 0x20) === 0) return undefined;
    p += 12 + len;
  }
  const channels = PNG_CHANNELS[colourType];
  if (!ended || !channels || (depth !== 8 && depth !== 16) || interlace !== 0 || width === 0 || height === 0 || !idat.length) return undefined;
  const bpp = (channels * depth) >> 3;
  const stride = width * bpp;
  let raw: Uint8Array;
  try {
    raw = inflateSync(idat.length === 1 ? idat[0]! : Buffer.concat(idat));
  } catch {
    return undefined;
  }
  if (raw.length !== (stride + 1) * height) return undefined;
  // Unfilter in place: row y's bytes start at y·(stride+1)+1, after its filter-type byte. The
  // first row's "previous row" is zeros, which the filter-byte offsets below account for.
  // Each loop is a small function of its own: V8 compiles it on its own while it runs, where a
  // decoder holding every loop was compiled (and thrown away) several times over one image.
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1) + 1;
    const prev = row - (stride + 1);
    const filter = raw[row - 1]!;
    if (filter > 4) return undefined;
    if (filter === 0 || (filter === 2 && y === 0)) continue;
    // Paeth with a zero previous row reduces to Sub.
    if (filter === 1 || (filter === 4 && y === 0)) unfilterSub(raw, row, stride, bpp);
    else if (filter === 2) unfilterUp(raw, row, prev, stride);
    else if (filter === 3) unfilterAverage(raw, row, prev, stride, bpp, y === 0);
    else unfilterPaeth(raw, row, prev, stride, bpp);
  }
  const out = new Uint8ClampedArray(width * height * 4);
  if (depth === 8 && channels === 4) {
    for (let y = 0; y < height; y++) out.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
    return { width, height, data: out };
  }
  // 16-bit samples scale to 8 bits as pngjs does, floor(v·255/65535 + 0.5), read from a table.
  // One loop per row (no per-pixel division to find row starts); RGB and RGBA, the formats of
  // screenshots, have their own loops.
  const to8 = depth === 16 ? sixteenToEight() : undefined;
  for (let y = 0; y < height; y++) {
    const s = y * (stride + 1) + 1, o = y * width * 4, end = o + width * 4;
    if (!to8 && channels === 3) expandRgb(raw, s, out, o, end);
    else if (to8 && channels === 4) expandRgba16(raw, s, out, o, end, to8);
    else if (to8 && channels === 3) expandRgb16(raw, s, out, o, end, to8);
    else expandGrey(raw, s, out, o, end, to8, channels === 2);
  }
  return { width, height, data: out };
}

/** PNG's Sub filter undone on the row of `stride` bytes at `row`. */
function unfilterSub(raw: Uint8Array, row: number, stride: number, bpp: number): void {
  for (let i = bpp; i < stride; i++) raw[row + i] = (raw[row + i]! + raw[row + i - bpp]!) & 255;
}

/** PNG's Up filter undone (`prev`: the row above). */
function unfilterUp(raw: Uint8Array, row: number, prev: number, stride: number): void {
  for (let i = 0; i < stride; i++) raw[row + i] = (raw[row + i]! + raw[prev + i]!) & 255;
}

/** PNG's Average filter undone (`first`: the image's first row, with zeros above it). */
function unfilterAverage(raw: Uint8Array, row: number, prev: number, stride: number, bpp: number, first: boolean): void {
  if (first) for (let i = bpp; i < stride; i++) raw[row + i] = (raw[row + i]! + (raw[row + i - bpp]! >> 1)) & 255;
  else {
    for (let i = 0; i < bpp; i++) raw[row + i] = (raw[row + i]! + (raw[prev + i]! >> 1)) & 255;
    for (let i = bpp; i < stride; i++) raw[row + i] = (raw[row + i]! + ((raw[row + i - bpp]! + raw[prev + i]!) >> 1)) & 255;
  }
}

/** PNG's Paeth filter undone, below the first row. */
function unfilterPaeth(raw: Uint8Array, row: number, prev: number, stride: number, bpp: number): void {
  for (let i = 0; i < bpp; i++) raw[row + i] = (raw[row + i]! + raw[prev + i]!) & 255;
  for (let i = bpp; i < stride; i++) {
    const a = raw[row + i - bpp]!, up = raw[prev + i]!, c = raw[prev + i - bpp]!;
    const pa = up > c ? up - c : c - up;
    const pb = a > c ? a - c : c - a;
    const t = a + up - 2 * c;
    const pc = t < 0 ? -t : t;
    raw[row + i] = (raw[row + i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? up : c)) & 255;
  }
}

/** 8-bit RGB samples from `raw[s]` to RGBA pixels `out[o…end)`. */
function expandRgb(raw: Uint8Array, s: number, out: Uint8ClampedArray, o: number, end: number): void {
  for (; o < end; o += 4, s += 3) { out[o] = raw[s]!; out[o + 1] = raw[s + 1]!; out[o + 2] = raw[s + 2]!; out[o + 3] = 255; }
}

/** 16-bit RGBA samples to 8-bit RGBA pixels (`to8`: {@link sixteenToEight}). */
function expandRgba16(raw: Uint8Array, s: number, out: Uint8ClampedArray, o: number, end: number, to8: Uint8Array): void {
  for (; o < end; o += 4, s += 8) {
    out[o] = to8[(raw[s]! << 8) | raw[s + 1]!]!;
    out[o + 1] = to8[(raw[s + 2]! << 8) | raw[s + 3]!]!;
    out[o + 2] = to8[(raw[s + 4]! << 8) | raw[s + 5]!]!;
    out[o + 3] = to8[(raw[s + 6]! << 8) | raw[s + 7]!]!;
  }
}

/** 16-bit RGB samples to 8-bit RGBA pixels. */
function expandRgb16(raw: Uint8Array, s: number, out: Uint8ClampedArray, o: number, end: number, to8: Uint8Array): void {
  for (; o < end; o += 4, s += 6) {
    out[o] = to8[(raw[s]! << 8) | raw[s + 1]!]!;
    out[o + 1] = to8[(raw[s + 2]! << 8) | raw[s + 3]!]!;
    out[o + 2] = to8[(raw[s + 4]! << 8) | raw[s + 5]!]!;
    out[o + 3] = 255;
  }
}

/** Grey and grey + alpha (`alpha`) samples, 8 bits or 16 (`to8` given), to RGBA pixels. */
function expandGrey(raw: Uint8Array, s: number, out: Uint8ClampedArray, o: number, end: number, to8: Uint8Array | undefined, alpha: boolean): void {
  const sample = to8 ? 2 : 1;
  for (; o < end; o += 4) {
    const v = to8 ? to8[(raw[s]! << 8) | raw[s + 1]!]! : raw[s]!;
    s += sample;
    out[o] = v; out[o + 1] = v; out[o + 2] = v;
    if (alpha) { out[o + 3] = to8 ? to8[(raw[s]! << 8) | raw[s + 1]!]! : raw[s]!; s += sample; } else out[o + 3] = 255;
  }
}

let sixteenBitTable: Uint8Array | undefined;
function sixteenToEight(): Uint8Array {
  if (!sixteenBitTable) {
    sixteenBitTable = new Uint8Array(65536);
    for (let v = 0; v < 65536; v++) sixteenBitTable[v] = Math.floor((v * 255) / 65535 + 0.5);
  }
  return sixteenBitTable;
}

function decodePng(bytes: Uint8Array, PNG: typeof PngCodec): RgbaRaster {
  try {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
  } catch (e) {
    throw new ImageInputError(`truncated or corrupt PNG (${reason(e)})`);
  }
}

/** A JPEG decoder: bytes in, RGBA out; throws on data it cannot decode. */
type JpegDecoder = (bytes: Uint8Array) => Promise<RgbaRaster>;

let wasmJpeg: Promise<JpegDecoder> | undefined;

/**
 * mozjpeg's decoder (libjpeg-turbo) compiled to wasm, loaded once per process: 5-8× faster than
 * jpeg-js on photos (a 0.5 MP receipt: ≈15-35 ms against ≈80-170 ms). It writes libjpeg's
 * warnings to stderr, which are dropped. It does not apply EXIF orientation (done later, like
 * for every format).
 */
export function wasmJpegDecoder(): Promise<JpegDecoder> {
  wasmJpeg ??= (async () => {
    const require = createRequire(import.meta.url);
    const [{ default: decode, init }, wasm] = await Promise.all([
      import('@jsquash/jpeg/decode.js'),
      readFile(require.resolve('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm')),
    ]);
    const quiet = { print: () => {}, printErr: () => {} };
    // The typings only know init(options); the code also takes a compiled module first.
    await (init as unknown as (module: WebAssembly.Module, options: object) => Promise<void>)(await WebAssembly.compile(wasm), quiet);
    return async (bytes) => {
      const img = await decode(bytes.slice().buffer);
      return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength) };
    };
  })();
  return wasmJpeg;
}

/** Decodes with jpeg-js (pure JavaScript; also reads CMYK/Adobe files mozjpeg's RGBA output refuses). */
async function decodeJpegJs(bytes: Uint8Array): Promise<RgbaRaster> {
  const jpeg: typeof JpegCodec = (await import('jpeg-js')).default;
  const img = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    tolerantDecoding: true,
    maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
    maxMemoryUsageInMB: 1024,
  });
  return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength) };
}

/**
 * JPEG: the wasm decoder first, jpeg-js for anything it refuses; both refusing means a broken
 * file. `header` is the file's checked header (its size within the limits).
 */
export async function decodeJpeg(bytes: Uint8Array, header: ImageHeader, options: { decoders?: JpegDecoder[] } = {}): Promise<RgbaRaster> {
  // A truncated file has no End-Of-Image marker; both decoders would silently return grey pixels.
  let end = bytes.length - 1;
  while (end > 1 && bytes[end] === 0) end--;
  let hasEoi = false;
  for (let i = end; i > Math.max(1, end - 4096); i--) if (bytes[i - 1] === 0xff && bytes[i] === 0xd9) { hasEoi = true; break; }
  if (!hasEoi) throw new ImageInputError('truncated JPEG (no end-of-image marker)');
  const decoders = options.decoders ?? [
    async (b: Uint8Array) => (await wasmJpegDecoder())(b),
    decodeJpegJs,
  ];
  let lastError: unknown;
  for (const decoder of decoders) {
    try {
      const raster = await decoder(bytes);
      // A decoder must agree with the header, which was checked against the size limits.
      if (raster.width === header.width && raster.height === header.height && raster.data.length === raster.width * raster.height * 4) return raster;
      lastError = new Error(`decoded ${raster.width}×${raster.height}, header says ${header.width}×${header.height}`);
    } catch (e) {
      lastError = e;
    }
  }
  throw new ImageInputError(`truncated or corrupt JPEG (${reason(lastError)})`);
}

/** BMP: 1/4/8-bit palette, 16-bit 5-5-5, 24 and 32-bit, uncompressed or BI_BITFIELDS. */
export function decodeBmp(b: Uint8Array): RgbaRaster {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 54) throw new ImageInputError('truncated BMP');
  const offset = dv.getUint32(10, true);
  const headerSize = dv.getUint32(14, true);
  const width = dv.getInt32(18, true);
  const rawHeight = dv.getInt32(22, true);
  const height = Math.abs(rawHeight);
  const bpp = dv.getUint16(28, true);
  const compression = dv.getUint32(30, true);
  if (compression !== 0 && compression !== 3) throw new ImageInputError(`unsupported BMP compression ${compression}`);
  if (![1, 4, 8, 16, 24, 32].includes(bpp)) throw new ImageInputError(`unsupported BMP depth ${bpp}`);
  const rowSize = Math.floor((bpp * width + 31) / 32) * 4;
  if (offset + rowSize * height > b.length) throw new ImageInputError('truncated BMP (pixel data ends early)');
  const colours = dv.getUint32(46, true) || (bpp <= 8 ? 1 << bpp : 0);
  const paletteAt = 14 + headerSize;
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = offset + (rawHeight > 0 ? height - 1 - y : y) * rowSize;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      let r: number, g: number, bl: number;
      if (bpp <= 8) {
        const bit = x * bpp;
        const byte = b[row + (bit >> 3)]!;
        const idx = (byte >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        const p = paletteAt + Math.min(idx, colours - 1) * 4;
        bl = b[p]!; g = b[p + 1]!; r = b[p + 2]!;
      } else if (bpp === 16) {
        const v = dv.getUint16(row + x * 2, true);
        r = ((v >> 10) & 31) * 8.2; g = ((v >> 5) & 31) * 8.2; bl = (v & 31) * 8.2;
      } else {
        const p = row + x * (bpp / 8);
        bl = b[p]!; g = b[p + 1]!; r = b[p + 2]!;
        // 32-bit BMPs rarely carry a meaningful alpha; keep them opaque.
      }
      out[o] = r; out[o + 1] = g; out[o + 2] = bl; out[o + 3] = 255;
    }
  }
  return { width, height, data: out };
}

/** First frame of a GIF, composited on white (LZW decoder; interlacing handled). */
export function decodeGif(b: Uint8Array): RgbaRaster {
  const fail = (what: string): never => { throw new ImageInputError(`truncated or corrupt GIF (${what})`); };
  if (b.length < 13) fail('header');
  const width = b[6]! | (b[7]! << 8);
  const height = b[8]! | (b[9]! << 8);
  const flags = b[10]!;
  let p = 13;
  let global: Uint8Array | undefined;
  if (flags & 0x80) { const n = 3 << ((flags & 7) + 1); global = b.subarray(p, p + n); p += n; }
  let transparent = -1;
  const out = new Uint8ClampedArray(width * height * 4).fill(255);
  while (p < b.length) {
    const block = b[p++]!;
    if (block === 0x21) {
      const label = b[p++]!;
      if (label === 0xf9 && b[p] === 4) transparent = b[p + 1]! & 1 ? b[p + 4]! : -1;
      while (p < b.length && b[p] !== 0) p += b[p]! + 1;
      p++;
    } else if (block === 0x2c) {
      if (p + 9 > b.length) fail('image descriptor');
      const ix = b[p]! | (b[p + 1]! << 8), iy = b[p + 2]! | (b[p + 3]! << 8);
      const iw = b[p + 4]! | (b[p + 5]! << 8), ih = b[p + 6]! | (b[p + 7]! << 8);
      const iflags = b[p + 8]!;
      p += 9;
      let palette = global;
      if (iflags & 0x80) { const n = 3 << ((iflags & 7) + 1); palette = b.subarray(p, p + n); p += n; }
      if (!palette) fail('no colour table');
      const minCode = b[p++]!;
      const chunks: number[] = [];
      while (p < b.length && b[p] !== 0) { const n = b[p]!; for (let i = 1; i <= n; i++) chunks.push(b[p + i]!); p += n + 1; }
      if (p >= b.length) fail('image data ends early');
      const indices = lzw(Uint8Array.from(chunks), minCode, iw * ih);
      if (indices.length < iw * ih) fail('image data ends early');
      const rows: number[] = [];
      if (iflags & 0x40) { for (const [start, step] of [[0, 8], [4, 8], [2, 4], [1, 2]] as const) for (let y = start; y < ih; y += step) rows.push(y); }
      else for (let y = 0; y < ih; y++) rows.push(y);
      for (let r = 0; r < ih; r++) {
        const y = iy + rows[r]!;
        if (y >= height) continue;
        for (let x = 0; x < iw; x++) {
          if (ix + x >= width) continue;
          const idx = indices[r * iw + x]!;
          if (idx === transparent) continue;
          const o = (y * width + ix + x) * 4;
          out[o] = palette![idx * 3] ?? 0; out[o + 1] = palette![idx * 3 + 1] ?? 0; out[o + 2] = palette![idx * 3 + 2] ?? 0;
        }
      }
      return { width, height, data: out };
    } else if (block === 0x3b) break;
    else fail('unknown block');
  }
  return fail('no image frame');
}

function lzw(data: Uint8Array, minCode: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  const clear = 1 << minCode;
  const eoi = clear + 1;
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  for (let i = 0; i < clear; i++) { prefix[i] = -1; suffix[i] = i; }
  const stack = new Uint8Array(4097);
  let codeSize = minCode + 1;
  let next = eoi + 1;
  let prev = -1;
  let firstChar = 0;
  let n = 0;
  let bits = 0;
  let acc = 0;
  for (let i = 0; i < data.length && n < size; i++) {
    acc |= data[i]! << bits;
    bits += 8;
    while (bits >= codeSize && n < size) {
      let code = acc & ((1 << codeSize) - 1);
      acc >>>= codeSize;
      bits -= codeSize;
      if (code === clear) { codeSize = minCode + 1; next = eoi + 1; prev = -1; continue; }
      if (code === eoi) return out.subarray(0, n);
      if (prev < 0) {
        if (code >= clear) return out.subarray(0, n);
        out[n++] = suffix[code]!;
        prev = code;
        firstChar = code;
        continue;
      }
      const inCode = code;
      let sp = 0;
      if (code >= next) { stack[sp++] = firstChar; code = prev; }
      while (code >= clear) { stack[sp++] = suffix[code]!; code = prefix[code]!; }
      firstChar = suffix[code]!;
      stack[sp++] = firstChar;
      while (sp > 0 && n < size) out[n++] = stack[--sp]!;
      if (next < 4096) {
        prefix[next] = prev;
        suffix[next] = firstChar;
        next++;
        if (next === 1 << codeSize && codeSize < 12) codeSize++;
      }
      prev = inCode;
    }
  }
  return out.subarray(0, n);
}

interface NapiCanvasModule {
  loadImage(src: Buffer): Promise<{ width: number; height: number }>;
  createCanvas(w: number, h: number): { getContext(kind: '2d'): { drawImage(img: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
}

async function decodeWebp(bytes: Uint8Array): Promise<RgbaRaster> {
  let mod: NapiCanvasModule;
  try {
    mod = (await import('@napi-rs/canvas' as string)) as NapiCanvasModule;
  } catch {
    throw new ImageInputError('WebP images cannot be decoded by this build (convert to PNG or JPEG)');
  }
  try {
    const img = await mod.loadImage(Buffer.from(bytes));
    const canvas = mod.createCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return { width: img.width, height: img.height, data: new Uint8ClampedArray(ctx.getImageData(0, 0, img.width, img.height).data) };
  } catch (e) {
    throw new ImageInputError(`truncated or corrupt WebP (${reason(e)})`);
  }
}
