import { describe, expect, it } from 'vitest';
import { extractIds, extractTickets, isValidTwTaxId } from '../../../shared/extract/ids';

describe('isValidTwTaxId', () => {
  it.each([
    ['96979933', true], ['97179430', true], ['04595257', true], ['96979934', false], ['1234567', false], ['12345678', false],
  ])('%s → %s', (id, ok) => expect(isValidTwTaxId(id)).toBe(ok));
});

describe('extractIds', () => {
  it.each([
    ['身分證字號：A123456789', 'tw-id', 'A123456789'],
    ['证件号 11010519491231002X', 'cn-id', '11010519491231002X'],
    ['統一編號：96979933', 'tw-tax-id', '96979933'],
    ['帳號：8812-4471-0093', 'account', '8812-4471-0093'],
    ['账号：0731 8800 2211 56', 'account', '07318800221156'],
    ['Account No.: 2231 8890 4412', 'account', '223188904412'],
  ])('%s → %s %s', (text, kind, value) => {
    const found = extractIds(text);
    expect(found.map((i) => [i.kind, i.value])).toEqual([[kind, value]]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(found[0]!.raw);
  });

  it.each([
    ['統一編號：96979934'], ['門號 0912-345-678'], ['電話 96979933'], ['A123456788'],
  ])('%s has no id', (text) => expect(extractIds(text)).toEqual([]));
});

describe('extractTickets', () => {
  it.each([
    ['申訴案號 TK113100800217', 'case', 'TK113100800217'],
    ['合約編號：CHT-112-0512-7781', 'contract', 'CHT-112-0512-7781'],
    ['契約編號 A-2023-0001', 'contract', 'A-2023-0001'],
    ['已為您開立工單，工單號 FE20240905112，', 'ticket', 'FE20240905112'],
    ['工单号：20241008093355', 'ticket', '20241008093355'],
    ['受理编号：XT2009120300158', 'ticket', 'XT2009120300158'],
    ['申訴單號: 1130915-0042', 'case', '1130915-0042'],
    ['投诉单号 20241008093355', 'case', '20241008093355'],
    ['Ticket No.: HKT-2024-0915-3381', 'ticket', 'HKT-2024-0915-3381'],
    ['Contract no. 55-12345', 'contract', '55-12345'],
    ['(ref CHT-113-1105-0042)', 'ticket', 'CHT-113-1105-0042'],
    ['客服說案件已結案，請參考 TK113100800217。', 'ticket', 'TK113100800217'],
    ['您的申訴案件編號為\nC1131129-0457，將由專人處理。', 'case', 'C1131129-0457'],
    ['您的工单号是GD20241127058，', 'ticket', 'GD20241127058'],
    ['受理编号为 XT2009120300158', 'ticket', 'XT2009120300158'],
  ])('%s → %s %s', (text, kind, value) => {
    const found = extractTickets(text);
    expect(found.map((t) => [t.kind, t.value])).toEqual([[kind, value]]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(found[0]!.raw);
  });

  it.each([
    ['客服人員編號 C1093'], ['經銷商代碼 D-2231'], ['Ref: see below'], ['preference 12345'], ['精選599型'], ['單號為本公司所有'],
  ])('%s has no ticket', (text) => expect(extractTickets(text)).toEqual([]));
});
