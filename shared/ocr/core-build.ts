/**
 * Which tesseract.js-core build the app (browser worker) and the CLI (Node worker thread) load,
 * so that both read a page the same way.
 *
 * - LSTM-only: the full builds also carry the legacy engine, whose initialisation loads the
 *   "universal ambiguities" table for every language, even with the LSTM engine alone selected
 *   (≈70% of the start-up work measured natively with callgrind; in wasm ≈130 ms against
 *   ≈350 ms for chi_tra+eng). The two read the fixtures identically except for one character
 *   on one bill (至 read as =) and a few word boxes a few pixels apart.
 * - SIMD when the runtime has it (Electron's Chromium and Node 20 both do).
 * - Never relaxed SIMD: its results may differ from one CPU to another.
 */

/** A minimal module using a SIMD instruction: validates only where wasm SIMD is supported. */
export const WASM_SIMD_PROBE = Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** The core build's base name (Node loads `<name>.js`, the browser `<name>.wasm.js`). */
export function tesseractCoreBuild(hasSimd: boolean): 'tesseract-core-simd-lstm' | 'tesseract-core-lstm' {
  return hasSimd ? 'tesseract-core-simd-lstm' : 'tesseract-core-lstm';
}
