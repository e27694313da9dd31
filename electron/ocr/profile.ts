/**
 * Opt-in timing of one OCR run (`DOSSIER_PROFILE=1`): named marks since the process started,
 * printed as a breakdown on stderr when the process exits. Off by default and then free: a mark
 * is one branch. Stdout is never touched, so `ocr --json` output stays parseable.
 */
import { performance } from 'node:perf_hooks';

const enabled = Boolean(process.env.DOSSIER_PROFILE);
const marks: Array<{ name: string; at: number }> = [];
let spans: Array<{ name: string; start: number; end: number }> = [];

/** True when profiling was asked for. */
export function profiling(): boolean {
  return enabled;
}

/** Records that `name` happened now (milliseconds since the process started). */
export function mark(name: string): void {
  if (enabled) marks.push({ name, at: performance.now() });
}

/** Times an async step as a span (may overlap other spans, e.g. engine start vs decoding). */
export async function span<T>(name: string, step: () => Promise<T> | T): Promise<T> {
  if (!enabled) return step();
  const start = performance.now();
  try {
    return await step();
  } finally {
    spans.push({ name, start, end: performance.now() });
  }
}

/** Records a span measured elsewhere (e.g. from the engine's progress messages). */
export function recordSpan(name: string, start: number, end: number): void {
  if (enabled) spans.push({ name, start, end });
}

function report(): string {
  const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
  const lines = ['dossier profile (ms since process start):'];
  const rows = [
    ...marks.map((m) => ({ at: m.at, text: `  ${fmt(m.at)}  ${m.name}` })),
    ...spans.map((s) => ({ at: s.start, text: `  ${fmt(s.start)}  ${s.name} … ${fmt(s.end - s.start)} (until ${s.end.toFixed(0)})` })),
  ].sort((a, b) => a.at - b.at);
  lines.push(...rows.map((r) => r.text), `  ${fmt(performance.now())}  exit`);
  return lines.join('\n');
}

if (enabled) {
  process.once('exit', () => {
    process.stderr.write(`${report()}\n`);
    spans = [];
  });
}
