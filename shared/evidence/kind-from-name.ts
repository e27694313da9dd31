/**
 * A first guess of an exhibit's kind from its file name, before its text is read. The OCR
 * pipeline refines it from the recognised text.
 */
import type { EvidenceKind } from '../case/schema';

const RULES: Array<[RegExp, EvidenceKind]> = [
  [/contract|契約|合約|合同|協議|协议/i, 'contract'],
  [/bill|invoice|帳單|账单|繳費|缴费|發票|发票/i, 'bill'],
  [/receipt|收據|收据|單據|单据/i, 'receipt'],
  [/sms|簡訊|短信|message/i, 'sms'],
  [/chat|line|wechat|微信|對話|对话|聊天|whatsapp/i, 'chat'],
  [/letter|函|信件|回覆|回复/i, 'letter'],
  [/note|紀錄|记录|筆記|笔记|callog|call.?log/i, 'note'],
  [/^(img|dsc|pxl|photo|照片)[_-]?\d/i, 'photo'],
  [/screenshot|截圖|截图|螢幕|屏幕/i, 'chat'],
];

/** Guessed kind of an exhibit from its file name and type. */
export function kindFromName(fileName: string, mimeType: string): EvidenceKind {
  for (const [pattern, kind] of RULES) if (pattern.test(fileName)) return kind;
  if (mimeType === 'text/plain') return 'note';
  if (mimeType === 'image/jpeg') return 'photo';
  return 'other';
}

/** A readable title from a file name: no extension, separators as spaces. */
export function titleFromName(fileName: string): string {
  return fileName.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[_]+/g, ' ').trim() || fileName;
}
