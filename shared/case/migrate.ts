/**
 * Explicit, tested migrations from every earlier stored case shape to the current one.
 * Each step takes the plain JSON of version N and returns the plain JSON of version N + 1.
 */
import { CaseSchema, defaultLanguage, JurisdictionSchema, SCHEMA_VERSION, type Case } from './schema';
import { formatZodError } from '../util/zod-error';

type Json = Record<string, unknown>;
type Step = (input: Json, ctx: MigrationContext) => Json;

/** What a migration may need from its runtime. */
export interface MigrationContext {
  /** Returns a fresh unique id. */
  newId: () => string;
  /** Current instant as ISO-8601. */
  now: () => string;
}

/** A stored case could not be read. */
export class CaseFormatError extends Error {
  override name = 'CaseFormatError';
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Version 0 is the unversioned, hand-written shape of the CLI manifest: no ids on events and
 * claims, demands as plain strings, evidence items carrying `file`.
 */
const v0ToV1: Step = (input, ctx) => {
  const withIds = (items: unknown, prefix: string): unknown[] =>
    (Array.isArray(items) ? items : []).map((item, i) =>
      isObject(item) ? { ...item, id: typeof item.id === 'string' && item.id ? item.id : `${prefix}${i + 1}-${ctx.newId()}` } : item,
    );
  const evidence = (Array.isArray(input.evidence) ? input.evidence : []).map((e) => {
    if (!isObject(e)) return e;
    const { file, ...rest } = e;
    return { fileName: typeof file === 'string' ? file.split(/[\\/]/).pop() : undefined, ...rest };
  });
  const demands = (Array.isArray(input.demands) ? input.demands : []).map((d, i) =>
    typeof d === 'string' ? { id: `d${i + 1}-${ctx.newId()}`, text: d } : d,
  );
  const now = ctx.now();
  const jurisdiction = JurisdictionSchema.safeParse(input.jurisdiction);
  return {
    ...input,
    // A hand-written manifest may leave the language to follow the jurisdiction.
    ...(input.language === undefined && jurisdiction.success ? { language: defaultLanguage(jurisdiction.data) } : {}),
    schemaVersion: 1,
    id: typeof input.id === 'string' && input.id ? input.id : ctx.newId(),
    createdAt: typeof input.createdAt === 'string' ? input.createdAt : now,
    updatedAt: typeof input.updatedAt === 'string' ? input.updatedAt : now,
    evidence,
    events: withIds(input.events, 'e'),
    claims: withIds(input.claims, 'c'),
    demands,
  };
};

/** Steps indexed by the version they upgrade from. */
const STEPS: readonly Step[] = [v0ToV1];

/** The stored version of a plain case object (0 when unversioned). */
export function versionOf(raw: unknown): number {
  if (!isObject(raw)) throw new CaseFormatError('a case must be a JSON object');
  const v = raw.schemaVersion;
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new CaseFormatError(`schemaVersion must be a whole number, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * Upgrades any known stored case shape to the current schema and validates it.
 * @throws CaseFormatError naming the first invalid field, or a version newer than this app knows.
 */
export function migrateCase(raw: unknown, ctx: MigrationContext): Case {
  let version = versionOf(raw);
  if (version > SCHEMA_VERSION) {
    throw new CaseFormatError(`case schema version ${version} is newer than this app supports (${SCHEMA_VERSION}); update the app`);
  }
  let json = raw as Json;
  while (version < SCHEMA_VERSION) {
    const step = STEPS[version];
    if (!step) throw new CaseFormatError(`no migration from schema version ${version}`);
    json = step(json, ctx);
    version += 1;
  }
  const parsed = CaseSchema.safeParse(json);
  if (!parsed.success) throw new CaseFormatError(formatZodError(parsed.error));
  return parsed.data;
}
