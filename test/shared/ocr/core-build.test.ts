import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tesseractCoreBuild, WASM_SIMD_PROBE } from '../../../shared/ocr/core-build';
import { coreFile } from '../../../electron/ocr/tesseract-node';

const coreDir = dirname(createRequire(import.meta.url).resolve('tesseract.js-core/package.json'));

describe('tesseract core build', () => {
  it('is the LSTM-only build, with SIMD when the runtime has it, never relaxed SIMD', () => {
    expect(tesseractCoreBuild(true)).toBe('tesseract-core-simd-lstm');
    expect(tesseractCoreBuild(false)).toBe('tesseract-core-lstm');
    // Node 20 (like Electron's Chromium) has wasm SIMD: the probe must say so.
    expect(WebAssembly.validate(WASM_SIMD_PROBE)).toBe(true);
  });

  it('exists in both forms: <name>.js + .wasm for Node, <name>.wasm.js for the browser', () => {
    for (const simd of [true, false]) {
      const name = tesseractCoreBuild(simd);
      for (const f of [`${name}.js`, `${name}.wasm`, `${name}.wasm.js`]) expect(existsSync(join(coreDir, f)), f).toBe(true);
    }
    expect(coreFile()).toBe(join(coreDir, 'tesseract-core-simd-lstm.js'));
  });
});
