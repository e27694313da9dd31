/**
 * Identifiers: national IDs (checksummed), the Taiwanese company tax ID (統一編號, checksummed and
 * labelled), account numbers after 帳號 / 账号 / account, and ticket, case and contract numbers after
 * their labels (申訴案號, 工单, 受理编号, 合約編號, Ref …) or in an operator's ticket shape.
 */
import { foldWidth, resolveOverlaps, type Span } from './fold';
import { findNationalIds } from './national-id';

/** What an identifier is. */
export type IdKind = 'tw-id' | 'cn-id' | 'tw-tax-id' | 'account';

/** A personal, company or account identifier. */
export interface ExtractedId extends Span {
  kind: IdKind;
  /** Normalised value: upper case, spaces removed (dashes kept in account numbers). */
  value: string;
  raw: string;
  /** The label it followed (`帳號`, `統一編號`), when any. */
  label?: string;
  confidence: number;
}

/** What a reference number refers to. */
export type TicketKind = 'ticket' | 'case' | 'contract' | 'bill';

/** A ticket, complaint case, contract or bill number. */
export interface ExtractedTicket extends Span {
  kind: TicketKind;
  value: string;
  raw: string;
  label?: string;
  confidence: number;
}

/**
 * True for a valid 統一編號: weights 1,2,1,2,1,2,4,1, digit sums of the products added; valid when
 * divisible by 5 (the Ministry of Finance widened it from 10 to 5 in 2023, old numbers still pass);
 * when the 7th digit is 7, its product 28 may count as 1 or 0.
 */
export function isValidTwTaxId(id: string): boolean {
  if (!/^\d{8}$/.test(id)) return false;
  const weights = [1, 2, 1, 2, 1, 2, 4, 1];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const p = Number(id[i]) * weights[i]!;
    sum += Math.floor(p / 10) + (p % 10);
  }
  return sum % 5 === 0 || (id[6] === '7' && (sum + 1) % 5 === 0);
}

const TAX_LABEL = /(?<![A-Za-z])(統一編號|统一编号|統編|Tax\s*ID|VAT\s*No\.?|UBN)\s*[:：#]?\s*(\d{8})(?!\d)/gi;
const ACCOUNT_LABEL = /(?<![A-Za-z])(帳號|账号|帳戶號碼|账户号码|帳戶|账户|用戶號碼|用户号码|客戶編號|客户编号|客戶代號|Account\s*(?:No\.?|Number|#)?|Acct\.?\s*(?:No\.?)?)\s*[:：#]?\s*([0-9][0-9 -]{4,}[0-9])(?![\w-])/gi;
const TICKET_LABEL = new RegExp(
  String.raw`(?<![A-Za-z])(申訴案號|申诉案号|申訴單號|申诉单号|申訴編號|申诉编号|案件編號|案件编号|案號|案号|工單號碼|工單編號|工單號|工單|工单号|工单编号|工单|受理編號|受理编号|受理號碼|受理号码|投訴編號|投诉编号|投诉单号|服務單號|服务单号|單號|单号|流水號|流水号|合約編號|合约编号|契約編號|契约编号|合約號碼|合同编号|合同号|帳單編號|账单编号|帳單號碼|Contract\s*(?:No\.?|Number|#)|Ticket\s*(?:No\.?|Number|#|ID)?|Case\s*(?:No\.?|Number|#|ID)|Complaint\s*(?:No\.?|Number|#|ID)|Ref(?:erence)?\s*(?:No\.?|Number|#)?|Bill\s*(?:No\.?|Number))\s*(?:[:：#.]|為|为|是)?\s*([A-Za-z0-9](?:[A-Za-z0-9]|[-/_](?=[A-Za-z0-9])){3,39})`,
  'gi',
);
/** Operator-style references without a label: letters then long digits (TK113100800217) or dashed groups (CHT-112-0512-7781). */
const TICKET_SHAPE = /(?<![\w-])([A-Z]{2,5}\d{8,}|[A-Z]{2,5}(?:-\d{2,8}){2,4})(?![\w-])/g;

function ticketKind(label: string): TicketKind {
  if (/合約|合约|契約|契约|合同|contract/i.test(label)) return 'contract';
  if (/帳單|账单|bill/i.test(label)) return 'bill';
  if (/案|case|complaint|申訴|申诉|投訴|投诉/i.test(label)) return 'case';
  return 'ticket';
}

/** National IDs, tax IDs and account numbers in `text`, in text order. */
export function extractIds(text: string): ExtractedId[] {
  const f = foldWidth(text);
  const out: ExtractedId[] = findNationalIds(text).map((n) => ({
    kind: n.kind, value: n.value, raw: text.slice(n.start, n.end), start: n.start, end: n.end, confidence: 0.95,
  }));
  for (const m of f.matchAll(TAX_LABEL)) {
    if (!isValidTwTaxId(m[2]!)) continue;
    const start = m.index + m[0].length - m[2]!.length;
    out.push({ kind: 'tw-tax-id', value: m[2]!, raw: text.slice(start, start + 8), start, end: start + 8, label: m[1]!, confidence: 0.95 });
  }
  for (const m of f.matchAll(ACCOUNT_LABEL)) {
    const value = m[2]!.trim();
    if (value.replace(/\D/g, '').length < 6) continue;
    const start = m.index + m[0].length - m[2]!.length;
    out.push({ kind: 'account', value: value.replace(/\s+/g, ''), raw: text.slice(start, start + value.length), start, end: start + value.length, label: m[1]!, confidence: 0.85 });
  }
  return resolveOverlaps(out);
}

/** Ticket, case, contract and bill numbers in `text`, in text order. */
export function extractTickets(text: string): ExtractedTicket[] {
  const f = foldWidth(text);
  const out: ExtractedTicket[] = [];
  for (const m of f.matchAll(TICKET_LABEL)) {
    const value = m[2]!;
    if (!/\d/.test(value)) continue; // a reference carries digits; `Ref: see below` is prose
    const start = m.index + m[0].length - value.length;
    out.push({
      kind: ticketKind(m[1]!), value: value.toUpperCase(), raw: text.slice(start, start + value.length),
      start, end: start + value.length, label: m[1]!, confidence: 0.9,
    });
  }
  for (const m of f.matchAll(TICKET_SHAPE)) {
    out.push({ kind: 'ticket', value: m[1]!, raw: text.slice(m.index, m.index + m[1]!.length), start: m.index, end: m.index + m[1]!.length, confidence: 0.6 });
  }
  return resolveOverlaps(out);
}
