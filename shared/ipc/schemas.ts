/**
 * Validators for every IPC request. Main runs these before any handler; a payload that fails is
 * refused without reaching the handler.
 */
import { z } from 'zod';
import { MAX_SAVE_BYTES, type IpcCall, type IpcRequest } from './contract';
import { formatZodError } from '../util/zod-error';

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes').refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'payload too large');
/** A file name without any directory part or control characters. */
const fileName = z.string().min(1).max(200).refine(
  (s) => !/[\\/]|^\.\.?$/.test(s) && ![...s].some((c) => c.charCodeAt(0) < 0x20),
  'not a plain file name',
);

/** One strict schema per call: unknown keys are refused. */
export const IPC_SCHEMAS = {
  'app:info': z.strictObject({}),
  'file:open': z.strictObject({ kind: z.enum(['evidence', 'archive']), multiple: z.boolean() }),
  'file:save': z.strictObject({ kind: z.enum(['pdf', 'archive', 'text']), suggestedName: fileName, bytes }),
  'file:show': z.strictObject({ token: z.string().regex(/^[0-9a-f]{32}$/), how: z.enum(['open', 'reveal']) }),
} satisfies { [C in IpcCall]: z.ZodType<IpcRequest<C>> };

/** Result of validating one incoming call. */
export type IpcValidation<C extends IpcCall> = { ok: true; call: C; request: IpcRequest<C> } | { ok: false; error: string };

/** True when `name` is a call of the contract (and not, say, `__proto__`). */
export function isIpcCall(name: unknown): name is IpcCall {
  return typeof name === 'string' && Object.hasOwn(IPC_SCHEMAS, name);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Validates a call name and its payload against the contract. */
export function validateIpc(name: unknown, payload: unknown): IpcValidation<IpcCall> {
  // String(name) would run the caller's toString (or throw for objects without one): describe non-strings by type.
  if (!isIpcCall(name)) return { ok: false, error: `unknown call ${typeof name === 'string' ? JSON.stringify(name).slice(0, 80) : `of type ${name === null ? 'null' : typeof name}`}` };
  // Every payload is a plain object: wrappers such as `new String('')` or class instances have no
  // own keys and would otherwise pass a strict object schema.
  if (!isPlainObject(payload)) return { ok: false, error: `${name}: expected a plain object` };
  const parsed = IPC_SCHEMAS[name].safeParse(payload);
  if (!parsed.success) return { ok: false, error: `${name}: ${formatZodError(parsed.error)}` };
  return { ok: true, call: name, request: parsed.data as IpcRequest<IpcCall> };
}
