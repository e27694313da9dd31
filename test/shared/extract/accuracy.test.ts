/**
 * Benchmark-style accuracy of extraction over every evidence fixture's ground-truth text and over the
 * extraction fixtures: recall and precision of dates and amounts (counted as multisets per document,
 * every extracted item counts, month-only dates included), printed for the record.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Language } from '../../../shared/case/schema';
import { extractAll, type ExtractOptions } from '../../../shared/extract/extract-all';

interface Facts {
  lang?: string;
  options?: { anchorYear?: number; referenceDate?: string };
  dates?: string[];
  amounts?: number[];
  phones?: string[];
  ids?: string[];
  tickets?: string[];
}

interface Doc {
  name: string;
  text: string;
  facts: Facts;
}

const ROOT = join(import.meta.dirname, '../../fixtures');

function load(dir: string, suffix: string): Doc[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(suffix))
    .map((f) => ({
      name: `${dir}/${f}`,
      text: readFileSync(join(ROOT, dir, f), 'utf8'),
      facts: JSON.parse(readFileSync(join(ROOT, dir, f.slice(0, -suffix.length) + '.facts.json'), 'utf8')) as Facts,
    }));
}

const LANGS: Record<string, Language> = { chi_tra: 'zh-TW', chi_sim: 'zh-CN', eng: 'en', 'zh-TW': 'zh-TW', 'zh-CN': 'zh-CN', en: 'en' };

function optionsOf(facts: Facts): ExtractOptions {
  const lang = facts.lang === undefined ? undefined : LANGS[facts.lang];
  return { ...facts.options, ...(lang ? { lang } : {}) };
}

interface Tally { expected: number; found: number; matched: number; misses: string[] }

function tally<T>(expected: readonly T[], found: readonly T[], same: (a: T, b: T) => boolean, doc: string, into: Tally): void {
  const left = [...found];
  into.expected += expected.length;
  into.found += found.length;
  for (const e of expected) {
    const i = left.findIndex((f) => same(e, f));
    if (i >= 0) { left.splice(i, 1); into.matched += 1; } else into.misses.push(`${doc}: missed ${String(e)}`);
  }
  for (const f of left) into.misses.push(`${doc}: extra ${String(f)}`);
}

const newTally = (): Tally => ({ expected: 0, found: 0, matched: 0, misses: [] });
const recall = (t: Tally): number => (t.expected === 0 ? 1 : t.matched / t.expected);
const precision = (t: Tally): number => (t.found === 0 ? 1 : t.matched / t.found);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const evidence = load('evidence', '.gt.txt');
const written = load('extract', '.txt');

function measure(docs: readonly Doc[]): Record<'dates' | 'amounts' | 'phones' | 'ids' | 'tickets', Tally> {
  const t = { dates: newTally(), amounts: newTally(), phones: newTally(), ids: newTally(), tickets: newTally() };
  for (const d of docs) {
    const r = extractAll(d.text, optionsOf(d.facts));
    tally(d.facts.dates ?? [], r.dates.map((x) => x.iso), (a, b) => a === b, d.name, t.dates);
    tally(d.facts.amounts ?? [], r.amounts.map((x) => x.value), (a, b) => Math.abs(a - b) < 1e-9, d.name, t.amounts);
    if (d.facts.phones) tally(d.facts.phones, r.phones.map((x) => x.digits), (a, b) => a === b, d.name, t.phones);
    if (d.facts.ids) tally(d.facts.ids, r.ids.map((x) => x.value), (a, b) => a === b, d.name, t.ids);
    if (d.facts.tickets) tally(d.facts.tickets, r.tickets.map((x) => x.value), (a, b) => a === b, d.name, t.tickets);
  }
  return t;
}

describe('extraction accuracy', () => {
  it('has enough material: every evidence fixture and at least 8 further texts', () => {
    expect(evidence.length).toBeGreaterThanOrEqual(5);
    expect(written.length).toBeGreaterThanOrEqual(8);
  });

  it('reaches recall ≥ 95% and precision ≥ 90% for dates and amounts', () => {
    const sets = { evidence: measure(evidence), extract: measure(written), overall: measure([...evidence, ...written]) };
    const rows: string[] = [];
    for (const [set, t] of Object.entries(sets)) {
      for (const [kind, v] of Object.entries(t)) {
        if (v.expected === 0 && v.found === 0) continue;
        rows.push(`${set.padEnd(8)} ${kind.padEnd(8)} recall ${pct(recall(v)).padStart(6)} (${v.matched}/${v.expected})  precision ${pct(precision(v)).padStart(6)} (${v.matched}/${v.found})`);
      }
    }
    console.log(`extraction accuracy (${evidence.length} evidence texts, ${written.length} further texts)\n${rows.join('\n')}`);
    const misses = [...sets.overall.dates.misses, ...sets.overall.amounts.misses];
    if (misses.length) console.log(`differences:\n${misses.join('\n')}`);
    for (const kind of ['dates', 'amounts'] as const) {
      expect(recall(sets.overall[kind]), kind).toBeGreaterThanOrEqual(0.95);
      expect(precision(sets.overall[kind]), kind).toBeGreaterThanOrEqual(0.9);
    }
  });
});
