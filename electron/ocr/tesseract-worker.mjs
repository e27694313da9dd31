// The Node OCR engine's worker thread: loads the tesseract.js-core wasm build, the language data
// and initialises the recogniser on its own, straight away, without waiting for messages from the
// main thread (which is busy decoding and preprocessing the image meanwhile), then recognises the
// images it is sent. Plain JavaScript so it runs unbuilt both from the sources and from dist/.
//
// workerData: { corePath, langs: [{ code, file }], config, params }
//   corePath  absolute path of a tesseract-core*.js build
//   langs     traineddata files (plain or gzip: the magic bytes tell)
//   config    init-only parameters (key → value)
//   params    parameters set once after init
// Messages in:  { id, image: Uint8Array, params }            (PGM/PNG/... bytes)
// Messages out: { type: 'ready', timings } | { type: 'failed', error }
//               { type: 'progress', id, progress } | { type: 'result', id, text, confidence, blocks, timings }
//               | { type: 'error', id, error }
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';

// The wasm cores are CommonJS builds that locate their .wasm next to themselves.
const require = createRequire(import.meta.url);

// Wall-clock milliseconds, comparable with the main thread's (different time origins otherwise).
const now = () => performance.timeOrigin + performance.now();
const timings = [];
const time = (name, start) => timings.push({ name, start, end: now() });

let current;
let lastProgress = -1;

// V8 compiles wasm functions with its fast baseline compiler and re-compiles the ones that run
// hot with its optimising compiler. At the default threshold a single page triggers optimising
// compiles of hundreds of functions, which costs more than it saves within one run (measured: the
// first page took 2-3× as long as the second). A much higher threshold keeps optimisation for the
// few kernels that really dominate (the LSTM's matrix products). Set before the core compiles;
// affects only wasm compiled in this process.
setFlagsFromString('--wasm-tiering-budget=200000000');

async function boot() {
  let t = now();
  const Core = require(workerData.corePath);
  const tess = await Core({
    TesseractProgress(percent) {
      // Layout analysis reports up to 30 %; the rest is recognition proper.
      const p = Math.max(0, (percent - 30) / 70);
      if (current === undefined || p - lastProgress < 0.02) return;
      lastProgress = p;
      parentPort.postMessage({ type: 'progress', id: current, progress: p });
    },
  });
  time('core load + wasm compile', t);
  t = now();
  for (const { code, file } of workerData.langs) {
    let data = readFileSync(file);
    if (data[0] === 0x1f && data[1] === 0x8b) data = gunzipSync(data);
    tess.FS.writeFile(`/${code}.traineddata`, data);
  }
  time('traineddata read', t);
  t = now();
  const config = Object.entries(workerData.config).map(([k, v]) => `${k} ${v}`).join('\n');
  tess.FS.writeFile('/config', config);
  const api = new tess.TessBaseAPI();
  // OEM 1: LSTM only (the legacy engine's data is not bundled).
  if (api.Init(null, workerData.langs.map((l) => l.code).join('+'), 1, '/config') !== 0) throw new Error('tesseract could not load its language data');
  // The language data now lives in the recogniser; drop the file copies.
  for (const { code } of workerData.langs) tess.FS.unlink(`/${code}.traineddata`);
  for (const [k, v] of Object.entries(workerData.params)) api.SetVariable(k, String(v));
  time('recogniser init', t);
  return { tess, api };
}

const engine = boot();
engine.then(
  () => parentPort.postMessage({ type: 'ready', timings: timings.splice(0) }),
  (e) => parentPort.postMessage({ type: 'failed', error: String(e && e.message ? e.message : e) }),
);

parentPort.on('message', async (msg) => {
  let ready;
  try {
    ready = await engine;
  } catch {
    return;
  }
  const { tess, api } = ready;
  const t = now();
  try {
    current = msg.id;
    lastProgress = -1;
    for (const [k, v] of Object.entries(msg.params)) api.SetVariable(k, String(v));
    tess.FS.writeFile('/input', msg.image);
    if (api.SetImageFile(1, 0) === 1) throw new Error('tesseract could not read the image');
    api.Recognize(null);
    const text = api.GetUTF8Text();
    const confidence = api.MeanTextConf();
    const blocks = JSON.parse(api.GetJSONText()).blocks;
    tess.FS.unlink('/input');
    time('recognition', t);
    parentPort.postMessage({ type: 'result', id: msg.id, text, confidence, blocks, timings: timings.splice(0) });
  } catch (e) {
    parentPort.postMessage({ type: 'error', id: msg.id, error: String(e && e.message ? e.message : e) });
  } finally {
    current = undefined;
  }
});
