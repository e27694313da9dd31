/**
 * The OCR engine seen by the pipeline: one interface implemented by the Node adapter (CLI) and
 * the browser Web Worker adapter (app), plus the language, page-segmentation and evidence-kind
 * choices that do not depend on the runtime.
 */
import type { Box, GrayRaster } from './raster';
import type { ImageStats } from './preprocess';

/** Recogniser language codes bundled with the app. */
export const OCR_LANGS = ['chi_tra', 'chi_sim', 'eng'] as const;
/** One bundled recogniser language. */
export type OcrLangCode = (typeof OCR_LANGS)[number];

/** Case languages (see the case schema) and the recogniser languages they imply. */
export const DEFAULT_OCR_LANG = {
  'zh-TW': 'chi_tra+eng',
  'zh-CN': 'chi_sim+eng',
  en: 'eng',
} as const satisfies Record<string, string>;

/** Default recogniser languages for a case language; Traditional Chinese + English otherwise. */
export function defaultOcrLang(caseLanguage: string | undefined): string {
  return caseLanguage && Object.hasOwn(DEFAULT_OCR_LANG, caseLanguage)
    ? DEFAULT_OCR_LANG[caseLanguage as keyof typeof DEFAULT_OCR_LANG]
    : DEFAULT_OCR_LANG['zh-TW'];
}

/** Whether a language setting ("chi_tra+eng") reads with a Chinese model. */
export function readsChinese(lang: string): boolean {
  return lang.split('+').some((l) => l.startsWith('chi_'));
}

/**
 * Parses a `chi_tra+eng`-style language list: only bundled languages, each at most once.
 * Returns the codes or an error message.
 */
export function parseOcrLang(value: string): { ok: true; langs: OcrLangCode[] } | { ok: false; error: string } {
  const parts = value.split('+').map((p) => p.trim());
  const langs: OcrLangCode[] = [];
  for (const p of parts) {
    const known = OCR_LANGS.find((l) => l === p);
    if (!known) return { ok: false, error: `unknown OCR language ${JSON.stringify(p)} (use chi_tra, chi_sim, eng joined with +)` };
    if (langs.includes(known)) return { ok: false, error: `OCR language ${known} given twice` };
    langs.push(known);
  }
  return { ok: true, langs };
}

/** Tesseract page segmentation modes the pipeline uses. */
export type PageSegMode = 'auto' | 'single-column' | 'single-block' | 'single-line' | 'sparse';

/** Tesseract's numeric code of a {@link PageSegMode}. */
export const PSM_CODE: Record<PageSegMode, string> = { auto: '3', 'single-column': '4', 'single-block': '6', 'single-line': '7', sparse: '11' };

/**
 * Page segmentation for an image: automatic layout analysis handles both documents and chat
 * screenshots (bubbles are separate blocks); very short, sparse pictures read better as sparse text.
 */
export function choosePageSegMode(stats: Pick<ImageStats, 'classification' | 'darkFraction'>): PageSegMode {
  return stats.classification === 'screenshot' && stats.darkFraction < 0.002 ? 'sparse' : 'auto';
}

/** Progress of a long job: `stage` names what runs, `progress` 0…1 overall. */
export interface OcrProgress {
  stage: 'decode' | 'preprocess' | 'load-engine' | 'recognize' | 'postprocess' | 'render-page';
  progress: number;
  page?: number;
}

/** The part of AbortSignal the pipeline needs (shared/ has no DOM or Node types). */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Thrown (or rejected with) when a job is cancelled through its signal. */
export class OcrCancelledError extends Error {
  override name = 'OcrCancelledError';
  constructor() {
    super('OCR cancelled');
  }
}

/** Throws {@link OcrCancelledError} when the signal has fired. */
export function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw new OcrCancelledError();
}

/** Options of one recognition. */
export interface RecognizeOptions {
  /** `chi_tra+eng`-style list. */
  lang: string;
  psm?: PageSegMode;
  /** Resolution hint for the engine (pixels per inch of the input). */
  dpi?: number;
  /** Characters the engine must not read (none when absent). */
  blacklist?: string;
  signal?: CancelSignal;
  onProgress?: (progress: number) => void;
}

/** Input of the engine: a preprocessed raster, or encoded image bytes the engine decodes itself. */
export type OcrInput =
  | { kind: 'raster'; raster: GrayRaster }
  | { kind: 'encoded'; bytes: Uint8Array };

/** A recognised word; the box is in the coordinates of the engine's input. */
export interface OcrWord {
  text: string;
  /** 0…100. */
  confidence: number;
  box: Box;
}

/** A recognised text line with its words. */
export interface OcrLine {
  text: string;
  confidence: number;
  box: Box;
  words: OcrWord[];
}

/** What an engine returns for one image. */
export interface OcrResult {
  text: string;
  /** Mean word confidence 0…100. */
  confidence: number;
  words: OcrWord[];
  lines: OcrLine[];
}

/**
 * An OCR engine (tesseract.js under Node or in a browser Web Worker). Calls may overlap: each
 * is read with its own options, whatever else is under way.
 */
export interface OcrEngine {
  recognize(input: OcrInput, options: RecognizeOptions): Promise<OcrResult>;
  /**
   * How many recognitions the engine can run at once (its recognisers started for the page in
   * hand; 1 when absent): second readings independent of each other are asked for this many at a time.
   */
  readonly parallelism?: number;
  /** Frees the engine's worker; the engine may not be used afterwards. */
  dispose(): Promise<void>;
}

/**
 * `step` applied to each of `items`, at most `limit` steps under way at once, the results in the
 * items' order, whichever step ends first. The first failure (a cancelled job) is thrown once
 * the steps under way have ended; no further step starts after it.
 */
export async function mapInOrder<T, R>(items: readonly T[], limit: number, step: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0, failed = false;
  const run = async () => {
    while (!failed && next < items.length) {
      const k = next++;
      try {
        results[k] = await step(items[k]!, k);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const runners = Array.from({ length: Math.max(1, Math.min(Math.floor(limit) || 1, items.length)) }, run);
  const settled = await Promise.allSettled(runners);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}

/** Kinds of evidence (as in the case schema). */
export type EvidenceKindGuess = 'contract' | 'bill' | 'sms' | 'chat' | 'receipt' | 'letter' | 'photo' | 'note';

/** Words and marks of each kind, each with the weight of one occurrence; of kinds scored alike, the first. */
const KIND_CUES: Record<Exclude<EvidenceKindGuess, 'photo'>, ReadonlyArray<readonly [RegExp, number]>> = {
  contract: [[/契約|合約|合同|契约|條款|条款|申辦人|申办人|立約|立约|甲方|乙方|申請書|申请书|第[一二三四五六七八九十]+[條条]|agreement|contract|terms and conditions|termination|minimum term/gi, 1]],
  // A salutation, a closing or an e-mail's sender counts thrice: a letter about a bill names the
  // bill more often than it greets. Looked at before a bill, a letter takes a tie with one.
  letter: [
    [/敬啟|敬启|此致|謹啟|谨启|敬上|台端|尊敬的|(?:先生|小姐|女士)(?:您好)?[：:]|您好[：:]|Dear |Sincerely|Yours faithfully|Kind regards|發件人|发件人|寄件者|From:/gi, 3],
    [/告知書|告知书|通知書|通知书|答覆|答复|復函|复函|函復|函复|特此|親愛的|亲爱的|收件者|收件匣|收件箱|寄給|主旨|申訴書|申诉书|To:|Subject:|Re:|Inbox|I am writing|Our ref|Your ref|Customer Relations|Yours/gi, 1],
  ],
  bill: [[/帳單|账单|繳費|缴费|應繳|应缴|本期|月租|帳號|账号|amount due|total due|due date|balance|charges|account (?:number|no)|invoice|billing|statement|bill/gi, 1]],
  // An operator's text message opens with its name in 【】, or in English with its name and a colon
  // before the message (Telstra: Your bill …; not an e-mail's From: or Re:); its words are a bill's.
  sms: [[/簡訊|短信|短消息|\bSMS\b|text message/gi, 1], [/【[^】]{1,12}】|\b(?!(?:From|To|Re|Subject|Date|Dear)\b)[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?: (?:Your|your|We|we|You|you|A|An) /g, 3]],
  chat: [[/LINE|微信|WeChat|WhatsApp|Telegram|已讀|已读|已送達|已送达|Messenger|客服小幫手|在線客服|在线客服|輸入訊息|说点什么|發送|发送|加入聊天|撤回|新消息|新訊息/gi, 1]],
  receipt: [[/收據|收据|發票|发票|統一編號|统一编号|小計|小计|合計|合计|總計|总计|找零|現金|现金|實收|实收|付款方式|支付方式|微信支付|支付寶|支付宝|交易日期|交易時間|交易时间|交易序號|交易序号|單號|单号|流水號|流水号|訂單編號|订单编号|受理單|受理单|經辦人|经办人|顧客聯|顾客联|收執聯|收执联|繳款證明|繳費證明|缴费凭证|謝謝光臨|谢谢惠顾|收銀|收银|轉帳成功|转账成功|receipt|subtotal|cashier|change due/gi, 1]],
  note: [[/紀錄|记录|備忘|备忘|筆記|笔记|自行整理|\bnotes?\b|memo/gi, 1]],
};

/** The user's own words in a conversation: 我, but not a company's 我司 (we). */
const FIRST_PERSON = /我(?!司|們公司|们公司)/g;
/** Most first-person words counted for a chat. */
const FIRST_PERSON_MOST = 3;

/**
 * Guesses the kind of an evidence item from its recognised text and image statistics. Keyword
 * cues are counted; screenshots lean to sms/chat, pictures with hardly any text are photos.
 */
export function guessKind(text: string, stats?: Pick<ImageStats, 'classification' | 'colourfulness'>): EvidenceKindGuess {
  if (text.replace(/\s+/gu, '').length < 12 && stats?.classification === 'photo') return 'photo';
  // Spaces beside Chinese (any character past printable ASCII, full-width marks too) go; those
  // between English words stay, one each, for cues of several words (Dear, amount due).
  const compact = text.replace(/\s+/gu, ' ').replace(/ (?=[^\x20-\x7e])|(?<=[^\x20-\x7e]) /gu, '').trim();
  const scores = new Map<EvidenceKindGuess, number>();
  for (const [kind, patterns] of Object.entries(KIND_CUES) as Array<[Exclude<EvidenceKindGuess, 'photo'>, ReadonlyArray<readonly [RegExp, number]>]>) {
    let n = 0;
    for (const [p, weight] of patterns) n += (compact.match(p)?.length ?? 0) * weight;
    scores.set(kind, n);
  }
  if (stats?.classification === 'screenshot') {
    // Phone screenshots are mostly messages; colourful ones mostly chat apps, and a conversation
    // holds the user's own words, which an operator's messages do not.
    const own = Math.min(FIRST_PERSON_MOST, compact.match(FIRST_PERSON)?.length ?? 0);
    scores.set('sms', (scores.get('sms') ?? 0) + 1);
    scores.set('chat', (scores.get('chat') ?? 0) + (stats.colourfulness > 20 ? 2.5 : 1) + own);
  }
  let best: EvidenceKindGuess = compact.length ? 'note' : 'photo';
  let bestScore = 0;
  for (const [kind, n] of scores) if (n > bestScore) { best = kind; bestScore = n; }
  return best;
}
