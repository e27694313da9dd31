import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateIpc } from '../../../shared/ipc/schemas';
import { bridgeName, IPC_CALLS } from '../../../shared/ipc/contract';

describe('validateIpc', () => {
  it.each([
    ['app:info', {}],
    ['file:open', { kind: 'evidence', multiple: true }],
    ['file:save', { kind: 'pdf', suggestedName: '申訴資料.pdf', bytes: new Uint8Array([37, 80, 68, 70]) }],
    ['file:show', { token: 'a'.repeat(32), how: 'reveal' }],
  ])('accepts %s %j', (call, payload) => {
    expect(validateIpc(call, payload)).toMatchObject({ ok: true, call });
  });

  it.each([
    ['file:delete', {}, 'unknown call'],
    ['__proto__', {}, 'unknown call'],
    ['constructor', {}, 'unknown call'],
    [42, {}, 'unknown call'],
    ['app:info', { extra: 1 }, 'app:info'],
    ['app:info', null, 'app:info'],
    ['app:info', new String(''), 'plain object'],
    ['app:info', new Date(0), 'plain object'],
    ['app:info', [], 'plain object'],
    ['file:open', Object.assign(new (class Payload {})(), { kind: 'evidence', multiple: true }), 'plain object'],
    ['file:open', { kind: 'system', multiple: true }, 'kind'],
    ['file:open', { kind: 'evidence' }, 'multiple'],
    ['file:save', { kind: 'pdf', suggestedName: '../../.bashrc', bytes: new Uint8Array() }, 'suggestedName'],
    ['file:save', { kind: 'pdf', suggestedName: 'C:\\x.pdf', bytes: new Uint8Array() }, 'suggestedName'],
    ['file:save', { kind: 'pdf', suggestedName: '..', bytes: new Uint8Array() }, 'suggestedName'],
    ['file:save', { kind: 'pdf', suggestedName: 'a.pdf', bytes: 'JVBERi0=' }, 'bytes'],
    ['file:save', { kind: 'pdf', suggestedName: 'a.pdf', bytes: [1, 2, 3] }, 'bytes'],
    ['file:show', { token: '/etc/passwd', how: 'open' }, 'token'],
    ['file:show', { token: 'a'.repeat(32), how: 'exec' }, 'how'],
  ])('refuses %s %j', (call, payload, message) => {
    const result = validateIpc(call, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it('never throws and never accepts arbitrary payloads for calls that carry data', () => {
    fc.assert(fc.property(fc.constantFrom(...IPC_CALLS, 'x:y'), fc.anything(), (call, payload) => {
      const result = validateIpc(call, payload);
      if (result.ok && call !== 'app:info') {
        expect(typeof payload).toBe('object');
      }
    }), { numRuns: 2000 });
  });

  it('names bridge methods from calls', () => {
    expect(IPC_CALLS.map(bridgeName)).toEqual(['appInfo', 'fileOpen', 'fileSave', 'fileShow']);
  });
});
