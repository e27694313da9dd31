/**
 * The CLI manifest (`case.json` in a case folder) is a view of the case schema: the same fields,
 * with each exhibit naming its original by a path relative to the folder.
 */
import { CaseFormatError, migrateCase, type MigrationContext } from './migrate';
import type { Case, EvidenceId } from './schema';

/** A case read from a manifest, with where each exhibit's original lives. */
export interface ManifestCase {
  case: Case;
  /** Exhibit id → path relative to the manifest's folder (always `/`-separated). */
  files: Map<EvidenceId, string>;
}

/**
 * Checks that a manifest's file reference stays inside its folder.
 * Returns the normalised `/`-separated relative path, or throws.
 */
export function safeRelativePath(file: string): string {
  if (file.includes('\0')) throw new CaseFormatError(`evidence file ${JSON.stringify(file)} contains a NUL byte`);
  const parts = file.replace(/\\/g, '/').split('/');
  if (file.startsWith('/') || /^[a-zA-Z]:/.test(file)) {
    throw new CaseFormatError(`evidence file ${JSON.stringify(file)} must be relative to the case folder`);
  }
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') throw new CaseFormatError(`evidence file ${JSON.stringify(file)} points outside the case folder`);
    out.push(part);
  }
  if (out.length === 0) throw new CaseFormatError(`evidence file ${JSON.stringify(file)} is empty`);
  return out.join('/');
}

/**
 * Reads a parsed `case.json` (manifest form or a stored case of any known version).
 * @throws CaseFormatError with the first problem found.
 */
export function readManifest(raw: unknown, ctx: MigrationContext): ManifestCase {
  const files = new Map<EvidenceId, string>();
  const pending: Array<[number, string]> = [];
  if (typeof raw === 'object' && raw !== null && Array.isArray((raw as { evidence?: unknown }).evidence)) {
    (raw as { evidence: unknown[] }).evidence.forEach((item, i) => {
      if (typeof item !== 'object' || item === null) return;
      const file = (item as { file?: unknown }).file;
      if (file === undefined) return;
      if (typeof file !== 'string') throw new CaseFormatError(`evidence[${i}].file: expected a string`);
      pending.push([i, safeRelativePath(file)]);
    });
  }
  const parsed = migrateCase(raw, ctx);
  const seen = new Set<string>();
  for (const e of parsed.evidence) {
    if (seen.has(e.id)) throw new CaseFormatError(`evidence id ${JSON.stringify(e.id)} is used twice`);
    seen.add(e.id);
  }
  for (const [i, file] of pending) {
    const item = parsed.evidence[i];
    if (item) files.set(item.id, file);
  }
  const known = new Set<string>(parsed.evidence.map((e) => e.id));
  const check = (ids: readonly string[], where: string) => {
    for (const id of ids) if (!known.has(id)) throw new CaseFormatError(`${where} refers to unknown evidence ${JSON.stringify(id)}`);
  };
  parsed.events.forEach((ev, i) => check(ev.evidence, `events[${i}]`));
  parsed.claims.forEach((c, i) => check(c.evidence, `claims[${i}]`));
  return { case: parsed, files };
}
