import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sniffFile, toHex } from '../../shared/evidence/sniff';
import { kindFromName, titleFromName } from '../../shared/evidence/kind-from-name';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffFile', () => {
  it.each([
    ['fixture png', new Uint8Array(readFileSync('test/fixtures/evidence/sms_tw_addon.png')), 'png'],
    ['fixture jpeg', new Uint8Array(readFileSync('test/fixtures/evidence/callog_tw.jpg')), 'jpeg'],
    ['webp', bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50), 'webp'],
    ['gif', text('GIF89a\x01\x00'), 'gif'],
    ['bmp', new Uint8Array([0x42, 0x4d, ...new Array(60).fill(0)]), 'bmp'],
    ['pdf', text('%PDF-1.7\n%âãÏÓ'), 'pdf'],
    ['pasted SMS', text('【中華電信】您113年10月份帳單金額為NT$649元'), 'text'],
  ])('%s → %s', (_name, input, type) => {
    expect(sniffFile(input)).toMatchObject({ ok: true, type });
  });

  it.each([
    ['empty', new Uint8Array(), 'empty'],
    ['windows exe renamed .jpg', text('MZ\x90\x00\x03\x00\x00\x00'), 'executable'],
    ['elf', bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1), 'executable'],
    ['random bytes', new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256)), 'unsupported'],
    ['zip', bytes(0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x00, 0x08), 'unsupported'],
  ])('%s is refused (%s)', (_name, input, reason) => {
    expect(sniffFile(input)).toEqual({ ok: false, reason });
  });

  it('hex-encodes digests', () => {
    expect(toHex(bytes(0, 15, 255))).toBe('000fff');
  });
});

describe('kindFromName', () => {
  it.each([
    ['contract_tw_scan.jpg', 'image/jpeg', 'contract'],
    ['bill_tw_monthly.png', 'image/png', 'bill'],
    ['sms_cn_broadband.png', 'image/png', 'sms'],
    ['LINE 對話截圖.png', 'image/png', 'chat'],
    ['IMG_2041.jpg', 'image/jpeg', 'photo'],
    ['pasted.txt', 'text/plain', 'note'],
    ['scan.pdf', 'application/pdf', 'other'],
  ])('%s → %s', (name, mime, kind) => expect(kindFromName(name, mime)).toBe(kind));

  it('makes titles from names', () => {
    expect(titleFromName('sms_tw_addon.png')).toBe('sms tw addon');
    expect(titleFromName('到期通知.JPG')).toBe('到期通知');
  });
});
