import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeBmp, decodeGif, decodeImage, decodeJpeg, decodePngFast, wasmJpegDecoder } from '../../../electron/ocr/decode';
import { ImageInputError, readImageHeader } from '../../../shared/evidence/image-header';

const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/evidence/${name}`));

function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  b[24] = 8; b[25] = 6;
  return b;
}

describe('readImageHeader', () => {
  it.each([
    ['sms_tw_addon.png', 'png', 780, 1280],
    ['callog_tw.jpg', 'jpeg', 997, 883],
    ['contract_tw_scan.jpg', 'jpeg', 1222, 1426],
  ])('%s is %s %i×%i', (name, format, w, h) => {
    expect(readImageHeader(fixture(name))).toEqual({ format, width: w, height: h });
  });

  it.each([
    ['empty', new Uint8Array(0), /empty/],
    ['text', new TextEncoder().encode('hello, this is not an image'), /not an image/],
    ['30000×30000 PNG', pngHeader(30000, 30000), /too large/],
    ['12000×9000 PNG (108 MP)', pngHeader(12000, 9000), /too large/],
    ['zero-size PNG', pngHeader(0, 10), /corrupt/],
    ['PNG signature only', pngHeader(10, 10).subarray(0, 10), /truncated/],
  ])('refuses %s before decoding', (_name, bytes, reason) => {
    expect(() => readImageHeader(bytes)).toThrow(ImageInputError);
    expect(() => readImageHeader(bytes)).toThrow(reason);
  });
});

describe('decodeImage', () => {
  it('decodes the PNG and JPEG fixtures to RGBA', async () => {
    for (const name of ['sms_tw_addon.png', 'callog_tw.jpg']) {
      const { raster, orientation } = await decodeImage(fixture(name));
      expect(raster.data.length).toBe(raster.width * raster.height * 4);
      expect(orientation).toBe(1);
    }
  });

  it.each([
    ['truncated PNG', () => fixture('sms_tw_addon.png').subarray(0, 5000), /PNG/],
    ['truncated JPEG', () => fixture('callog_tw.jpg').subarray(0, 20000), /truncated JPEG/],
  ])('refuses a %s', async (_name, bytes, reason) => {
    await expect(decodeImage(bytes())).rejects.toThrow(reason);
  });

  it('reads the EXIF orientation of a JPEG', async () => {
    const img = jpeg.encode({ width: 4, height: 2, data: Buffer.alloc(32, 200) }, 90).data;
    // APP1 Exif, little-endian TIFF, one IFD entry: Orientation (0x0112) SHORT 1 = 6.
    const tiff = [0x49, 0x49, 0x2a, 0x00, 0x08, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0];
    const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
    const app1 = [0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 255, ...payload];
    const withExif = Uint8Array.from([...img.subarray(0, 2), ...app1, ...img.subarray(2)]);
    const { orientation } = await decodeImage(withExif);
    expect(orientation).toBe(6);
  });
});

describe('decodeJpeg', () => {
  const jpegJs = (b: Uint8Array) => jpeg.decode(b, { useTArray: true, formatAsRGBA: true });

  it('decodes with the wasm decoder to nearly the pixels jpeg-js gives', async () => {
    for (const name of ['callog_tw.jpg', 'contract_tw_scan.jpg']) {
      const bytes = fixture(name);
      const ours = await (await wasmJpegDecoder())(bytes);
      const ref = jpegJs(bytes);
      expect([ours.width, ours.height]).toEqual([ref.width, ref.height]);
      let diff = 0;
      for (let i = 0; i < ref.data.length; i++) diff += Math.abs(ours.data[i]! - ref.data[i]!);
      // Both are baseline IDCTs with different rounding: off by a level or two at most on average.
      expect(diff / ref.data.length).toBeLessThan(1.5);
      // The input is not consumed (the wasm decoder gets a copy).
      expect(bytes).toEqual(fixture(name));
    }
  });

  it('falls back to jpeg-js for a CMYK JPEG the wasm decoder refuses', async () => {
    const cmyk = new Uint8Array(readFileSync('test/fixtures/ocr-extra/cmyk-small.jpg'));
    await expect((await wasmJpegDecoder())(cmyk)).rejects.toBeDefined();
    const r = await decodeJpeg(cmyk, readImageHeader(cmyk));
    expect([r.width, r.height]).toEqual([160, 80]);
    // Light background of the call log, read right: not black, not garbage.
    expect(r.data[0]!).toBeGreaterThan(150);
  });

  it('refuses a JPEG with corrupt scan data with a named reason', async () => {
    const bytes = fixture('callog_tw.jpg').slice();
    for (let i = 700; i < bytes.length - 10; i += 97) bytes[i] = (i * 31) & 0xff;
    await expect(decodeJpeg(bytes, readImageHeader(bytes))).rejects.toThrow(ImageInputError);
  });

  it('uses the next decoder when one disagrees with the header', async () => {
    const bytes = fixture('callog_tw.jpg');
    const wrong = async () => ({ width: 1, height: 1, data: new Uint8ClampedArray(4) });
    const right = async (b: Uint8Array) => { const d = jpegJs(b); return { width: d.width, height: d.height, data: new Uint8ClampedArray(d.data) }; };
    const r = await decodeJpeg(bytes, readImageHeader(bytes), { decoders: [wrong, right] });
    expect([r.width, r.height]).toEqual([997, 883]);
    await expect(decodeJpeg(bytes, readImageHeader(bytes), { decoders: [wrong] })).rejects.toThrow(/header says 997×883/);
  });
});

describe('BMP and GIF decoders', () => {
  it('decodes a 24-bit bottom-up BMP', () => {
    // 2×2: top row red, white; bottom row blue, black (rows stored bottom-up, padded to 4 bytes).
    const rows = [[255, 0, 0, 0, 0, 0, 0, 0], [0, 0, 255, 255, 255, 255, 0, 0]]; // BGR
    const header = new Uint8Array(54);
    const dv = new DataView(header.buffer);
    header[0] = 0x42; header[1] = 0x4d;
    dv.setUint32(10, 54, true); dv.setUint32(14, 40, true); dv.setInt32(18, 2, true); dv.setInt32(22, 2, true);
    dv.setUint16(26, 1, true); dv.setUint16(28, 24, true);
    const bmp = Uint8Array.from([...header, ...rows.flat()]);
    const r = decodeBmp(bmp);
    expect(Array.from(r.data)).toEqual([255, 0, 0, 255, 255, 255, 255, 255, 0, 0, 255, 255, 0, 0, 0, 255]);
  });

  it.each(['tiny.gif', 'tiny-interlaced.gif'])('decodes %s like its PNG twin', async (name) => {
    const gif = decodeGif(new Uint8Array(readFileSync(`test/fixtures/ocr-extra/${name}`)));
    const { raster: png } = await decodeImage(new Uint8Array(readFileSync('test/fixtures/ocr-extra/tiny.png')));
    expect([gif.width, gif.height]).toEqual([png.width, png.height]);
    expect(Buffer.from(gif.data).equals(Buffer.from(png.data))).toBe(true);
  });

  it('round-trips a PNG written by pngjs', async () => {
    const png = new PNG({ width: 3, height: 2 });
    png.data.fill(128);
    const { raster } = await decodeImage(new Uint8Array(PNG.sync.write(png)));
    expect([raster.width, raster.height, raster.data[0]]).toEqual([3, 2, 128]);
  });
});

describe('decodePngFast', () => {
  const pngjs = (bytes: Uint8Array) => new Uint8Array(PNG.sync.read(Buffer.from(bytes)).data);
  const source = PNG.sync.read(Buffer.from(fixture('sms_cn_broadband.png')));
  // Semi-transparent corner so the alpha channels carry more than 255s.
  for (let y = 0; y < 40; y++) for (let x = 0; x < 40; x++) source.data[(y * source.width + x) * 4 + 3] = 40 + x + y;
  const reencoded = (colorType: 0 | 2 | 4 | 6) => new Uint8Array(PNG.sync.write(source, { colorType, inputHasAlpha: true }));
  /** 16-bit samples that are not all 257·n (their low bytes matter for the rounding). */
  const sixteenBit = (colorType: 0 | 2 | 4 | 6) => {
    const png = new PNG({ width: 97, height: 31, bitDepth: 16, colorType: 6, inputHasAlpha: true });
    const samples = new Uint16Array(97 * 31 * 4);
    for (let i = 0; i < samples.length; i++) samples[i] = (i * 7919 + (i >> 3) * 131) & 65535;
    (png as unknown as { data: Uint16Array }).data = samples;
    return new Uint8Array(PNG.sync.write(png, { colorType, bitDepth: 16, inputHasAlpha: true }));
  };

  it.each([
    ['16-bit RGBA screenshot', () => new Uint8Array(readFileSync('test/fixtures/ocr-extra/bill_en_hk.png'))],
    ['8-bit RGB screenshot', () => fixture('sms_tw_addon.png')],
    ['8-bit grey', () => reencoded(0)],
    ['8-bit RGB', () => reencoded(2)],
    ['8-bit grey + alpha', () => reencoded(4)],
    ['8-bit RGBA', () => reencoded(6)],
    ['16-bit grey', () => sixteenBit(0)],
    ['16-bit RGB', () => sixteenBit(2)],
    ['16-bit grey + alpha', () => sixteenBit(4)],
    ['16-bit RGBA', () => sixteenBit(6)],
  ])('gives exactly the pixels pngjs gives: %s', (_name, make) => {
    const bytes = make();
    const fast = decodePngFast(bytes);
    expect(fast).toBeDefined();
    expect(Buffer.from(fast!.data).equals(Buffer.from(pngjs(bytes)))).toBe(true);
  });

  /** A PNG built chunk by chunk (pngjs writes neither palettes nor transparent colours). */
  function handMadePng(colourType: number, rows: number[][], extra: Array<[string, number[]]>): Uint8Array {
    const chunk = (type: string, body: Uint8Array) => {
      const out = Buffer.alloc(12 + body.length);
      out.writeUInt32BE(body.length, 0);
      out.write(type, 4, 'latin1');
      out.set(body, 8);
      out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
      return out;
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(rows[0]!.length / (colourType === 2 ? 3 : 1), 0);
    ihdr.writeUInt32BE(rows.length, 4);
    ihdr[8] = 8; ihdr[9] = colourType;
    const raw = Buffer.from(rows.flatMap((r) => [0, ...r]));
    return new Uint8Array(Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      ...extra.map(([type, body]) => chunk(type, Uint8Array.from(body))),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array(0)),
    ]));
  }

  it.each([
    ['palette', handMadePng(3, [[0, 1]], [['PLTE', [255, 0, 0, 0, 0, 255]]]), [255, 0, 0, 255, 0, 0, 255, 255]],
    ['transparent colour', handMadePng(2, [[9, 9, 9, 200, 200, 200]], [['tRNS', [0, 9, 0, 9, 0, 9]]]), [0, 0, 0, 0, 200, 200, 200, 255]],
  ])('leaves %s PNGs to pngjs, which decodes them', async (_name, bytes, pixels) => {
    expect(decodePngFast(bytes)).toBeUndefined();
    const { raster } = await decodeImage(bytes);
    expect(Array.from(raster.data)).toEqual(pixels);
  });

  it('leaves bad checksums and truncated files to pngjs, which refuses them', async () => {
    const good = fixture('sms_tw_addon.png');
    const badCrc = good.slice();
    badCrc[40] = badCrc[40]! ^ 0xff; // inside the first IDAT chunk
    expect(decodePngFast(good)).toBeDefined();
    for (const bad of [badCrc, good.subarray(0, 5000)]) {
      expect(decodePngFast(bad)).toBeUndefined();
      await expect(decodeImage(bad)).rejects.toThrow(/PNG/);
    }
  });
});
