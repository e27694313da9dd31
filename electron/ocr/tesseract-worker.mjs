// The Node OCR engine's worker thread: loads the tesseract.js-core wasm build, the language data
// and initialises the recogniser on its own, straight away, without waiting for messages from the
// main thread (which is busy decoding and preprocessing the image meanwhile), then recognises the
// images it is sent. Plain JavaScript so it runs unbuilt both from the sources and from dist/.
//
// workerData: { corePath, langs: [{ code, file }], config, params, state?, saveState? }
//   corePath  absolute path of a tesseract-core*.js build
//   langs     traineddata files (plain or gzip: the magic bytes tell)
//   config    init-only parameters (key → value)
//   params    parameters set once after init
//   state     a file holding the engine as it stands after init (see below), used when it was
//             saved from these very files and parameters, else the engine initialises
//   saveState (the build) initialise, save the engine's state to this file and stop
//
// An initialised engine is its wasm memory: the language data parsed into the recogniser's
// networks, dictionaries and character sets. Initialising takes 0.2-0.3 s of CPU per thread, at
// the time the main thread decodes and preprocesses the image; copying the memory saved once by
// the build into a fresh instance takes a few milliseconds and leaves the same bytes, so the
// same readings. The saved state names the files and parameters it was made from (sizes and
// times of change): when any of them differs, it is not used.
// Messages in:  { id, image: Uint8Array, params }            (PGM/PNG/... bytes)
// Messages out: { type: 'ready', timings, from: 'saved' | 'init' } | { type: 'failed', error }
//               { type: 'progress', id, progress } | { type: 'result', id, text, confidence, blocks, timings }
//               | { type: 'error', id, error }
import { createRequire } from 'node:module';
import { closeSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
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

/** The wasm file of a core build: next to its JavaScript, with the same name. */
const wasmFile = (corePath) => corePath.replace(/\.js$/, '.wasm');

/**
 * What a saved state was made from: the core's wasm and the language files (name, size, time of
 * change), the languages in order and the parameters. A state is used only under the same key.
 */
function stateKey() {
  const files = [wasmFile(workerData.corePath), ...workerData.langs.map((l) => l.file)].map((f) => {
    const st = statSync(f);
    return [basename(f), st.size, st.mtimeMs];
  });
  return JSON.stringify({ format: 1, files, langs: workerData.langs.map((l) => l.code), config: workerData.config, params: workerData.params });
}

/** The saved state's description (`<file>.json`) when it was made under `key`, else undefined. */
function savedState(file, key) {
  try {
    const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8'));
    return meta.key === key && statSync(file).size === meta.bytes ? meta : undefined;
  } catch {
    return undefined;
  }
}

/** The wasm instance's memory. */
const memoryOf = (instance) => Object.values(instance.exports).find((v) => v instanceof WebAssembly.Memory);

/**
 * Copies a saved state into the fresh instance's memory and returns the recogniser it holds, or
 * undefined when the memory cannot be grown to its size. The memory is grown through the core's
 * own allocator, so its runtime follows the new size; what the copy leaves beyond the saved
 * bytes is zeroed, as memory the saving engine had not yet grown into was. A file that ends
 * before its size said (cut while being read) leaves the memory half copied: an error.
 */
function restoreState(tess, memory, file, meta) {
  if (memory.buffer.byteLength < meta.bytes) tess._malloc(meta.bytes);
  if (memory.buffer.byteLength < meta.bytes) return undefined;
  const fd = openSync(file, 'r');
  try {
    const heap = new Uint8Array(memory.buffer);
    for (let done = 0; done < meta.bytes; ) {
      const n = readSync(fd, heap, done, meta.bytes - done, done);
      if (n === 0) throw new Error(`saved OCR engine state cut short: ${file}`);
      done += n;
    }
    heap.fill(0, meta.bytes);
  } finally {
    closeSync(fd);
  }
  return tess.wrapPointer(meta.api, tess.TessBaseAPI);
}

async function boot() {
  let t = now();
  const Core = require(workerData.corePath);
  let instance;
  const tess = await Core({
    // Instantiated here, as the core would itself, to reach its memory.
    instantiateWasm(imports, done) {
      WebAssembly.instantiate(readFileSync(wasmFile(workerData.corePath)), imports).then((r) => {
        instance = r.instance;
        done(r.instance, r.module);
      });
      return {};
    },
    TesseractProgress(percent) {
      // Layout analysis reports up to 30 %; the rest is recognition proper.
      const p = Math.max(0, (percent - 30) / 70);
      if (current === undefined || p - lastProgress < 0.02) return;
      lastProgress = p;
      parentPort.postMessage({ type: 'progress', id: current, progress: p });
    },
  });
  time('core load + wasm compile', t);
  const memory = memoryOf(instance);
  const key = workerData.state || workerData.saveState ? stateKey() : undefined;
  if (workerData.state) {
    t = now();
    const meta = savedState(workerData.state, key);
    const api = meta && restoreState(tess, memory, workerData.state, meta);
    if (api) {
      time('saved state copied', t);
      return { tess, api, from: 'saved' };
    }
  }
  if (workerData.saveState && savedState(workerData.saveState, key)) return { tess, api: undefined, from: 'saved' };
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
  if (workerData.saveState) {
    // Written under temporary names and renamed, the description last: a reader never takes a
    // half-written state.
    const file = workerData.saveState;
    writeFileSync(`${file}.tmp`, new Uint8Array(memory.buffer));
    writeFileSync(`${file}.json.tmp`, JSON.stringify({ key, api: tess.getPointer(api), bytes: memory.buffer.byteLength }));
    renameSync(`${file}.tmp`, file);
    renameSync(`${file}.json.tmp`, `${file}.json`);
  }
  return { tess, api, from: 'init' };
}

const engine = boot();
engine.then(
  ({ from }) => parentPort.postMessage({ type: 'ready', timings: timings.splice(0), from }),
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
