/**
 * Cleans the engine's output: tesseract separates CJK characters with spaces (each is a "word"),
 * writes full-width digits where ASCII ones are meant, and reports boxes in the coordinates of
 * the preprocessed raster. Spaces between Latin words and numbers are kept.
 */
import type { OcrLine, OcrResult, OcrWord } from './engine';
import { otsuThreshold, type Box, type GrayRaster } from './raster';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u00b7]/u;

const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

/** True for a CJK ideograph/kana/hangul, CJK or full-width punctuation. */
export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/**
 * Removes spaces next to CJK characters or full-width punctuation (tesseract's artefacts),
 * keeping spaces between Latin words and numbers, and collapsing runs of spaces.
 */
export function removeCjkSpaces(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const chars = Array.from(line.replace(/[ \t\u00a0]+/g, ' ').trim());
      let out = '';
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i]!;
        if (ch === ' ') {
          const prev = out.length ? Array.from(out).pop()! : '';
          const next = chars[i + 1] ?? '';
          if (isCjk(prev) || isCjk(next)) continue;
        }
        out += ch;
      }
      return out;
    })
    .join('\n');
}

/**
 * Full-width ASCII letters and digits (Ａ–Ｚ, ａ–ｚ, ０–９) and the ideographic space become
 * ASCII: phone numbers and amounts written full-width are the same numbers. Full-width
 * punctuation (，：（）) is Chinese typography and stays.
 */
export function normaliseFullWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Dashes between digits (phone numbers, account numbers) read as the ideograph 一 or as long or
 * full-width dashes, alone or doubled with a hyphen (the wide full-width － read as "—-"), become
 * "-": no Chinese text puts 一 between two ASCII digits. So does a 一 (or ー) between an ASCII
 * letter and a digit, as in a case number's prefix (CS一241128 → CS-241128); a dash there stays,
 * as English can put one after a page number ("page 5—and"). A dash set between spaces in English
 * ("1 Sep – 30 Sep", "Travel Pack – Australia") is an en dash, which the engine reads as an em
 * dash: an em dash is set close ("page 5—and").
 */
export function normaliseDigitDashes(text: string): string {
  return text
    .replace(/(?<=\d)\s?(?:[一—–－‐‑ー][-一—–－‐‑ー]?|-[一—–－‐‑ー])\s?(?=\d)/g, '-')
    .replace(/(?<=[A-Za-z])\s?[一ー]\s?(?=\d)|(?<=\d)\s?[一ー]\s?(?=[A-Za-z])/g, '-')
    .replace(/(?<=[A-Za-z0-9).] )—(?= [A-Za-z0-9(])/g, '–');
}

/**
 * Currency signs misread before an amount: NT$ read T$, NTS$ or MNTS$ (its $ read S, a stray
 * stroke before it read M), HK$ read HIKS or HKS; the thousands comma of such an amount read as a
 * colon (NT$1:500); letters read for its figures ({@link LETTERED_AMOUNT}). Unmended, the amount
 * was found by no one.
 */
export function mendCurrencySigns(text: string): string {
  return text
    .replace(/(?<![A-Za-z])(?:M?NTS\$|NTS(?=\d)|T\$(?=\d))/g, 'NT$')
    .replace(/(?<![A-Za-z])H[Il1|]?KS(?=\d)|(?<![A-Za-z])H[Il1|]K\$(?=\d)/g, 'HK$')
    .replace(/(?<=(?:NT|HK|US|S|A)?\$ ?\d{1,3}):(?=\d{3}(?![\d:]))/g, ',')
    .replace(LETTERED_AMOUNT, (m, sign: string, figures: string) => `${sign}${figures.replace(/[OoD]/g, '0').replace(/[IlL|]/g, '1')}`);
}

/**
 * An amount with cents after a currency sign in which letters stand for figures that look alike
 * (¥LI77.20 for ¥1177.20, its comma lost; $1O5.00): O, o and D for 0, I, l, L and | for 1, when
 * two figures at least are read as figures.
 */
const LETTERED_AMOUNT = /((?:[¥$￥£€]|NT\$|HK\$|RMB) ?)(?=[\d,]*[OoDIlL|])(?=(?:[^\d.]*\d){2})([\dOoDIlL|,]+)(?=\.\d{2}(?![\dA-Za-z]))/g;

/**
 * A date and the time after it read as one word, the narrow space between them lost
 * (2024-11-1520:31, 11/2023:59): the date's day and the time's hour run together. They are set
 * apart where the figures make a day of the month and an hour (2024-11-15 20:31, 11/20 23:59),
 * the hour of two figures when it can be one. Unread, the date was found by no one.
 */
export function separateDateFromTime(text: string): string {
  return text.replace(DAY_RUN_INTO_HOUR, (m, date: string, figures: string) => {
    for (const cut of [figures.length - 2, figures.length - 1]) {
      const day = Number(figures.slice(0, cut)), hour = Number(figures.slice(cut));
      if (cut >= 1 && cut <= 2 && day >= 1 && day <= 31 && hour <= 23) return `${date}${figures.slice(0, cut)} ${figures.slice(cut)}`;
    }
    return m;
  });
}

/** A date's year (optional) and month, then three or four figures running into a time's minutes. */
const DAY_RUN_INTO_HOUR = /(?<![\d/.-])((?:\d{2,4}[-/.])?\d{1,2}[-/.])(\d{3,4})(?=:[0-5]\d(?!\d))/g;

/** Han ideographs and kana: the characters that make a stretch of text Chinese (or Japanese). */
const HAN = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';
/** CJK text or CJK punctuation and brackets (【】「」，。…). */
const CJK_ANY = `(?:${HAN}|[\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20])`;
const FULL_WIDTH_PUNCT: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };
const PUNCT_BETWEEN_CJK = new RegExp(`(?<=${CJK_ANY}) ?([,:;?!]) ?(?=${CJK_ANY})`, 'gu');
/**
 * A comma, colon, semicolon, question or exclamation mark ending a line after Chinese, or after a
 * number or code that follows Chinese with no blank between words in it: 客服, 繳費期限10/03,
 * 案件編號AP1131005-3391, (a sentence goes on on the next line, or a label waits for its value).
 */
const PUNCT_ENDING_CJK = new RegExp(`(?<=${HAN} ?[^\\s\\p{Script=Han}，：；？！。]*) ?([,:;?!])(?=[ \\t]*$)`, 'gmu');
/** A comma or semicolon after a number that goes on in Chinese: 113/11/20,門號, 82%,超過 */
const PUNCT_BEFORE_CJK = new RegExp(`(?<=[0-9%]) ?([,;]) ?(?=${HAN})`, 'gu');
/**
 * A comma or semicolon after Chinese before a number or an amount: 已為您退訂,NT$450, 你好,3HK.
 * Not before three digits alone, where it can be an amount's thousands comma after a misread
 * figure (金額工,280元).
 */
const PUNCT_AFTER_CJK = new RegExp(`(?<=${HAN}) ?([,;]) ?(?=(?:NT|HK|US)?[$¥]|[0-9](?!\\d\\d(?!\\d)))`, 'gu');
/** A full-width colon read twice, as two colons: 計費期間: : 11/01. */
const DOUBLED_COLON = /([:：]) ?[:：] ?/gu;
/** A label's full-width colon read as a semicolon, at the start of a line before its value: 手机号码; 138… */
const SEMICOLON_AFTER_LABEL = new RegExp(`^(${HAN}{2,8}) ?; ?(?=[0-9])`, 'gmu');
/** A full stop read as © at the end of a line of Chinese: 將降速至512 Kbps © */
const COPYRIGHT_FOR_FULL_STOP = new RegExp(`^(.*${HAN}.*?) ?©$`, 'gmu');
/** A zero read as the letter O before a unit of data: OMB → 0MB. */
const O_FOR_ZERO = /(?<![\p{L}\p{N}])O(?=[KMGT]B\b)/gu;
/** The G of 5G read as a 6 before the word of a plan or a network it names: 56畅享套餐 → 5G畅享套餐. */
const SIX_FOR_G = /(?<![\p{N}.,])5 ?6(?= ?(?:[畅暢][享爽]|套餐|智享|月[租费費]|吃到[飽饱]|上[網网]|[網网][路络絡]|流量|手[機机]|用[户戶]|專案|专案|資費|资费))/gu;
/** The G of 4G or 5G read as a 6 before the number of a plan: 「46 1399型」 → 「4G 1399型」, 56 599型 → 5G 599型. */
const SIX_FOR_G_BEFORE_PLAN = /(?<![\p{N}.,])([345]) ?6(?= ?\d{3,4} ?型)/gu;
/** The G of GB read as a 6 after an amount of data: 用量不足106B → 用量不足10GB, 雲端硬碟506B → 雲端硬碟50GB (no document counts in "B" alone). */
const SIX_FOR_G_OF_GB = /(?<![A-Za-z\p{N}.,-])(\d{1,3}) ?6B(?![\p{L}\p{N}])/gu;
/** The dollar sign of A$, HK$, NZ$ or US$ read as S, or as S and $ together, before an amount or in a column's heading: HKS$268.50 → HK$268.50, Amount (AS) → Amount (A$). */
const DOLLAR_OF_CURRENCY_AS_S = /\b(A|HK|NZ|US)S\$?(?=[0-9]|\))/g;
/** The 月 of a monthly fee read as an 8 after a yuan amount: ¥30.00/8 → ¥30.00/月 (a date, 10/8, has no yuan sign). */
const MONTH_AS_EIGHT = /(?<=[¥￥] ?\d[\d,]*\.\d{2}) ?\/ ?8(?![\d.])/gu;
/**
 * The blank after a clause's number opening a line (第五条, an ideographic space, 资费标准) read
 * as a bar, a bracket, a quotation mark or a full stop: 第五条“资费标准, 第六條|]資費,
 * 第八條。帳單. An opening quotation mark stays when its line closes as many quotations as it
 * opens (第五条“全家享”套餐).
 */
const MARK_AFTER_CLAUSE = /^(第[一二三四五六七八九十百零〇0-9]{1,4}[條条]) ?([|\][“”"'。]{1,2}) ?(?=\p{Script=Han})/gmu;
/** A label's colon before its value: 門號:0912…, 帳號 : 8812… */
const COLON_AFTER_LABEL = new RegExp(`(?<=${HAN}) ?: ?(?=[0-9])`, 'gu');
/** The full-width colon's two dots read as ©, between a CJK label and a number. */
const COPYRIGHT_FOR_COLON = new RegExp(`(?<=${HAN}) ?© ?(?=[0-9])`, 'gu');
/** A bracketed aside written in Chinese: (元), (含稅). Latin or mixed content keeps ASCII. */
const CJK_PARENS = new RegExp(`\\( ?((?:${CJK_ANY}|[0-9 ])*${HAN}(?:${CJK_ANY}|[0-9 ])*?) ?\\)`, 'gu');
/**
 * The yuan sign read as Y, y or # before an amount with cents (¥129.00, a balance owed ¥-12.60),
 * taken as ¥ only in Chinese text.
 */
const YUAN_SIGN = /(?<![A-Za-z0-9])[Yy#](?= ?-?\d{1,3}(?:,\d{3})*\.\d{2}(?!\d))/gu;
/**
 * The yuan sign read as Y between Chinese and a whole amount that a unit or a mark ends (又要Y600？,
 * 按Y5/GB计费), or read as # after a mark of Chinese punctuation (已经退订了，#128会在…); taken as ¥
 * only in Chinese text. A model's name runs on (型号Y2024, 华为Y9手机), a hashtag follows a word (话题#128).
 */
const YUAN_SIGN_WHOLE = /(?<=\p{Script=Han})Y(?=\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:[元/，。？！；：、）),.?!;:]|$))|(?<=[，、：；。！？（(])#(?=\d{1,3}(?:,\d{3})*(?:\.\d{2})?(?![\d.A-Za-z]))/gmu;
/**
 * The year of an official document's number, in 〔〕 (消协调字〔2024〕第1187号), read as ASCII or
 * full-width round brackets: after Chinese, before the document's number and 号.
 */
const DOCUMENT_YEAR = /(?<=\p{Script=Han})[(（] ?((?:19|20)\d{2}) ?[)）] ?(?=第?\d+ ?[号號])/gu;
/** The dollar sign read as S between Chinese, or the start of a line, and an amount in 元 (金額S888元). */
const DOLLAR_AS_S = /(?<=\p{Script=Han} ?|^)S(?=\d[\d,]*(?:\.\d+)? ?元)/gmu;
/**
 * An amount's thousands comma read as a point: 1.200元, 新臺幣1.598 (an amount in 元 has no
 * thousandths).
 */
const COMMA_AS_POINT = /(?<![\d.,])(\d{1,3})\.(\d{3})(?=元)|(?<=(?:新臺幣|新台幣|人民币|人民幣) ?)(\d{1,3})\.(\d{3})(?![\d.])/gu;
const HAN_IN_TEXT = new RegExp(HAN, 'u');
const HAN_ONE = new RegExp(`^${HAN}$`, 'u');
/** The plus of an international number read as 十: 十886-935-000-876 (Taiwan, mainland, Hong Kong, Macao). */
const PLUS_MISREAD = /十(?= ?(?:886|86|852|853)[- ]?\d)/gu;
/** 上午/下午 (a.m./p.m.) before a time, its small 午 read as 和, 干 or 生. */
const NOON_MISREAD = /([上下])[和干生](?= ?\d{1,2}[:.]?\d{2}(?!\d))/gu;
/** 下午 before a time read as letters and a digit: F4 3:08, F午, FE10:52, 下4. */
const PM_MISREAD = /(?<![A-Za-z0-9])(?:F[午4E]|下4)(?= ?\d{1,2}:\d{2}(?!\d))/gu;
/** A time after 上午/下午 whose colon was lost or read as a point: 上午1026, 上午10.26 → 上午10:26. */
const TIME_WITHOUT_COLON = /(?<=[上下]午 ?)(\d{1,2})\.?(\d{2})(?![\d.,]| ?[元塊块])/gu;
/** An ASCII bracket standing for one half of a 【】 or 「」 pair whose other half was read right. */
const HALF_PAIRS = ['【】', '「」'].map((pair) => {
  const [open, close] = Array.from(pair) as [string, string];
  const between = `[^[\\]${pair}\\n]*`;
  return { open, close, opening: new RegExp(`\\[(?=${between}${close})`, 'gu'), closing: new RegExp(`(?<=${open}${between})\\]`, 'gu') };
});
/**
 * A digit 1 of a date read as 工 (a full-width １ is as wide as a character): 次月工日 → 次月1日,
 * 1工月 → 11月; and the first digit of an amount in 元 after a word that takes an amount
 * (扣了工28元 → 扣了128元), not after a noun the 工 can end (人工 28元 stays).
 */
const GONG_FOR_ONE = /(?<=月 ?)工(?= ?日)|(?<=\d ?)工(?= ?[月日號号])|(?<=[了扣付充交缴繳收退共计計额額为為是值款费費:：约約])工(?=\d[\d,]*(?:\.\d+)? ?[元块塊圓])/gu;
/**
 * A month's or day's digits with a "]" after them, no "[" before: a 1 read as "]" where the 1
 * makes a month or a day (1]月 → 11月), else a stray mark (11]月 → 11月). [1] 月租費 stays.
 */
const BRACKET_IN_DATE = /(?<![[【\d])(\d{1,2})\](?= ?([月日]))/gu;
/**
 * A capital J read as a closing parenthesis that closes nothing: inside a word after a capital or
 * a digit (1,240 M)at → 1,240 MJat, ZJ-GD read "2)-GD"), or starting a line's initial (). Moore →
 * J. Moore). A parenthesis that closes one opened before it on the line stays.
 */
const PAREN_FOR_J = /(?<=[A-Z0-9])\)(?=[A-Za-z-])|(?<=^|\s)\)(?=\. ?[A-Z][a-z])/gu;
/** A capital I read as 工 (a full-width Ｉ is as wide as a character) between capitals: V工P → VIP. */
const GONG_FOR_I = /(?<=[A-Z] ?)工(?= ?[A-Z])/gu;
/** A label's noun (单号, 单位, 项目, 金額, 姓名, 地址, 號碼, 電話) before a semicolon that stands for its colon. */
const SEMICOLON_AFTER_NOUN = /(?<=[号號位目额額名址码碼话話]) ?[;；] ?/gu;
/** A 〈 or 《 opening an aside closed by a parenthesis, with no 〉 or 》 before it: the opening parenthesis misread. */
const PAREN_AS_ANGLE = /[〈《](?=[^〈〉《》()（）\n]*[)）])/gu;
/** A 〈 or 《 right before an opening parenthesis: the parenthesis read twice (月租费〈（畅享套餐）. */
const ANGLE_BEFORE_PAREN = /[〈《] ?(?=[(（])/gu;
/**
 * The asterisks of a masked number read as quotes or x (138""""5621, ***xxx*2417): a run of two
 * or more of them before a digit, with an asterisk in it or quotes after a digit.
 */
const MASK_MISREAD = /["“”*xX×]{2,}(?=\d)/gu;
/**
 * The asterisks of a number masked between dashes taken for an ellipsis (three dots in a row):
 * 0912-…-345 → 0912-***-345.
 */
const MASK_AS_ELLIPSIS = /(?<=\d ?[-－] ?)(?:…|\.{3})(?= ?[-－] ?\d)/gu;
/** A closing bracket between two Chinese characters (an ideographic space after 第九條 read as "]"); kept when an opening one comes before it. */
const BRACKET_IN_BLANK = /(?<=\p{Script=Han})\](?=\p{Script=Han})/gu;
/** A full stop and a comma side by side (read from one comma, or a comma's tail read again): the comma. */
const STOP_AND_COMMA = /。 ?[,，]|[,，] ?。/gu;
/** Two full stops, not three or more (an ellipsis typed in a chat): one. */
const DOUBLED_STOP = /(?<!。)。 ?。(?!。)/gu;
/** A full stop read as a degree sign, ending a sentence of Chinese: 請致電1000° → 請致電1000。, 有收據° 20:45. */
const DEGREE_FOR_STOP = /(?<=\p{Script=Han}[^\n°]*[\p{Script=Han}\d])°(?=[ \t]|$)/gmu;
/** A full stop read as a small o, ending a line of Chinese after Chinese or a figure: 請查明o → 請查明。, 已讀 NT$1,500 o → 已讀 NT$1,500。. */
const O_FOR_STOP = /(?<=\p{Script=Han}[^\n]*[\p{Script=Han}\d]) ?o(?=[ \t]*$)/gmu;
/**
 * A multiplication sign read as a letter x between an amount (or a count in 元, 月, 個, 项) and
 * what multiplies it: 12,000元X（合約未到期日數… → 12,000元×（…, 6個月XHK$196, ¥128.00 x1. A
 * receipt's quantity and unit price printed with an x between them stay: 2x12.50.
 */
const TIMES_AS_X = /(?<=[元月個个项項)）]) ?[xX] ?(?=[（(]|\d|(?:NT|HK)?\$)|(?<=\d) ?[xX] ?(?=[（(]|(?:NT|HK)?\$)|(?<=\d\.\d\d) [xX](?=\d)/gu;
/**
 * The 至 of a period between two dates read as an equals sign, in Chinese text: 帳單期間：113/10/01 =
 * 113/10/31 → 113/10/01 至 113/10/31 (dates of figures with / . or - between them, a year first).
 */
const TO_AS_EQUALS = /(?<=\b\d{2,4}[/.-]\d{1,2}[/.-]\d{1,2}) ?= ?(?=\d{2,4}[/.-]\d{1,2}[/.-]\d{1,2}(?!\d))/gu;
/** An equals sign read as 三 before an amount: 補貼款 三 12,000元 → 補貼款＝12,000元, 三新臺幣12,000元. */
const EQUALS_AS_THREE = /(?<=\p{Script=Han}) ?三 ?(?=新臺幣|新台幣|NT\$|\d{1,3}(?:,\d{3})+)/gu;
/** A division sign read as 二 between the terms of a product's bracketed factor: ×（合約未到期日數二合約總日數）. */
const DIVIDED_AS_TWO = /(?<=×[（(][^（()）]*\p{Script=Han}) ?二 ?(?=\p{Script=Han}[^（()）]*[）)])/gu;
/** The weekday 一 (Monday) in parentheses after a date read as a dash or two: 12/02(—) → 12/02(一), 11月18日(-—). */
const WEEKDAY_ONE = /(?<=(?:\d{1,2}[/／.-]\d{1,2}|\d{1,2}日) ?[(（])[—―─–\-ー]{1,2}(?=[)）])/gu;
/** A digit and the CJK unit that belongs to it: 9 月, 15 日, 649 元, 3 號. */
const SPACE_BEFORE_UNIT = /(?<=[0-9]) +(?=[年月日時时分秒元號号點点個个])/gu;

/**
 * Chinese typography and systematic misreadings where CJK and Latin meet:
 * - an ASCII comma, colon, semicolon, question or exclamation mark between CJK characters becomes
 *   full-width (，：；？！) without the spaces the engine put around it, and so do a CJK label's
 *   colon before a number, a comma or semicolon between a number and the Chinese text that goes
 *   on after it or between Chinese and a number or amount after it (已退訂,NT$450 → 已退訂，NT$450),
 *   and such a mark ending a line of Chinese;
 * - a © between a CJK label and a number is the full-width colon misread, a © ending a line of
 *   Chinese its full stop; a label's colon read twice (": :") is one, read as ";" before its
 *   value at the start of a line or after a label's noun (单号;XS202, 收款单位;中国移动) it is a colon;
 * - a closing bracket between two Chinese characters with no opening one before it is a blank
 *   misread and goes: 第九條]帳單 → 第九條帳單;
 * - a full stop and a comma side by side are the comma (明細。,請稍候 → 明細，請稍候), two full
 *   stops one (three or more are an ellipsis);
 * - a 〈 or 《 before an aside closed by a parenthesis is its opening one: 〈选填) → （选填）; right
 *   before an opening parenthesis it is that parenthesis read twice: 〈（畅享套餐） → （畅享套餐）;
 * - the asterisks of a masked number read as quotes or x are asterisks: 138""""5621 → 138****5621, and taken
 *   for an ellipsis between dashes, three: 0912-…-345 → 0912-***-345;
 * - a letter O before a unit of data is a zero: OMB → 0MB; a 56 before the word of a plan or a
 *   network is 5G with its G read as a 6: 56畅享98元套餐 → 5G畅享98元套餐, and so are a 46 or 56
 *   before a plan's number (「46 1399型」 → 「4G 1399型」); 6B after an amount of data is GB
 *   (雲端硬碟506B → 雲端硬碟50GB);
 * - parentheses around Chinese text become full-width （）;
 * - no space between a number and its CJK unit (年月日時分元號…);
 * - the year of an official document's number in 〔〕, read as round brackets: 消协调字(2024) 第1187号
 *   → 消协调字〔2024〕第1187号;
 * - "NTS$", "NTS", "NT$S" or "NTS$S" before an amount (or "...") is "NT$" with the dollar sign read as S,
 *   or as S and $ together (the wide full-width ＄ split in two or three); "NTSO" is NT$0; so
 *   are "AS", "HKS", "NZS" and "USS" (or with $ after them) before an amount or a closing bracket
 *   A$, HK$, NZ$ and US$ (HKS$268.50 → HK$268.50, Amount (AS) → Amount (A$));
 * - half of a 【】 or 「」 pair read as an ASCII bracket is made to match the other half:
 *   [中華電信】 → 【中華電信】, [來電答鈴」 → 「來電答鈴」;
 * - in Chinese text, a Y, y or # before an amount with cents is the yuan sign: Y129.00 → ¥129.00;
 *   so is a Y between Chinese and a whole amount a unit or a mark ends (又要Y600？ → 又要¥600？),
 *   and a # after Chinese punctuation before an amount (，#128会在 → ，¥128会在);
 *   an S between Chinese (or a line's start) and an amount in 元 the dollar sign (金額S888元 → 金額$888元); a point
 *   three digits from the end of an amount in 元, or after 新臺幣 or 人民币, its thousands comma
 *   (1.200元 → 1,200元);
 * - a chat's time of day: 下和2:05 → 下午2:05 (the small 午 read as 和), F43:08 → 下午3:08,
 *   上午1026 → 上午10:26, 上和10.15 → 上午10:15;
 * - the plus of an international number read as 十: 十886-935-000-876 → +886-935-000-876;
 * - a capital I read as 工 between capitals: V工P → VIP (full-width ＶＩＰ), a 1 read as 工 or
 *   "]" in a date: 12月工日 → 12月1日, 2024年1]月 → 2024年11月 (11]月 → 11月); the weekday 一
 *   after a date read as a dash: 12/02(—) → 12/02(一); a full stop ending Chinese read as a degree
 *   sign: 請致電1000° → 請致電1000。, or as a small o at the line's end: 請查明o → 請查明。;
 * - in Chinese text, the 至 of a period between two dates read as = : 113/10/01 = 113/10/31 →
 *   113/10/01 至 113/10/31;
 * - in Chinese text, the signs of a sum read as letters and numerals: × as x between an amount
 *   and its factor, ＝ as 三 before an amount, ÷ as 二 inside that factor's brackets (補貼款 三
 *   12,000元x （合約未到期日數二合約總日數） → 補貼款＝12,000元×（合約未到期日數÷合約總日數））.
 * Runs on one line or on whole text; Latin text (a comma between English words) is untouched.
 * `chinese` tells Chinese text (for the yuan sign and the multiplication sign): the text's own,
 * unless its page's is given (an amount alone on its line, Y4,299.00 x1, on a page of Chinese).
 */
export function normaliseCjkPunctuation(text: string, chinese = HAN_IN_TEXT.test(text)): string {
  const out = text
    .replace(DOUBLED_COLON, '$1')
    .replace(SEMICOLON_AFTER_LABEL, '$1：')
    .replace(COPYRIGHT_FOR_FULL_STOP, '$1。')
    .replace(O_FOR_ZERO, '0')
    .replace(SIX_FOR_G, '5G')
    .replace(SIX_FOR_G_BEFORE_PLAN, '$1G')
    .replace(SIX_FOR_G_OF_GB, '$1GB')
    .replace(PUNCT_BETWEEN_CJK, (_m, p: string) => FULL_WIDTH_PUNCT[p] ?? p)
    .replace(PUNCT_BEFORE_CJK, (_m, p: string) => FULL_WIDTH_PUNCT[p] ?? p)
    .replace(PUNCT_AFTER_CJK, (_m, p: string) => FULL_WIDTH_PUNCT[p] ?? p)
    .replace(PUNCT_ENDING_CJK, (_m, p: string) => FULL_WIDTH_PUNCT[p] ?? p)
    .replace(COLON_AFTER_LABEL, '：')
    .replace(COPYRIGHT_FOR_COLON, '：')
    .replace(SEMICOLON_AFTER_NOUN, '：')
    // A colon read as a semicolon and a colon (服务号码;: 138) is one colon too.
    .replace(DOUBLED_COLON, '$1')
    .replace(BRACKET_IN_BLANK, (m, at: number, all: string) => (/[[【]/u.test(all.slice(0, at)) ? m : ''))
    .replace(STOP_AND_COMMA, '，')
    .replace(DOUBLED_STOP, '。')
    .replace(ANGLE_BEFORE_PAREN, '')
    .replace(PAREN_AS_ANGLE, '(')
    .replace(MASK_MISREAD, (m, at: number, all: string) => (/\*/u.test(m) || (/["“”]/u.test(m) && /\d$/u.test(all.slice(0, at))) ? '*'.repeat(Array.from(m).length) : m))
    .replace(MASK_AS_ELLIPSIS, '***')
    .replace(WEEKDAY_ONE, '一')
    .replace(DEGREE_FOR_STOP, '。')
    .replace(O_FOR_STOP, '。')
    .replace(TIMES_AS_X, (m) => (chinese ? '×' : m))
    .replace(EQUALS_AS_THREE, '＝')
    .replace(TO_AS_EQUALS, (m) => (chinese ? ' 至 ' : m))
    .replace(DIVIDED_AS_TWO, '÷')
    .replace(CJK_PARENS, (_m, inner: string) => `（${inner.trim()}）`)
    .replace(DOCUMENT_YEAR, '〔$1〕')
    .replace(SPACE_BEFORE_UNIT, '')
    .replace(/\bNT(?:S\$?S?|\$S)(?= ?(?:[0-9]|\.{3}|…))/g, 'NT$')
    .replace(/\bNT[S$]O(?![A-Za-z0-9])/g, 'NT$0')
    .replace(DOLLAR_OF_CURRENCY_AS_S, '$1$$')
    .replace(MONTH_AS_EIGHT, '/月')
    .replace(MARK_AFTER_CLAUSE, (m, clause: string, mark: string, at: number, all: string) => {
      // A quotation mark there opens a quotation when the line closes as many as it opens.
      const line = all.slice(at, (all.indexOf('\n', at) + 1 || all.length + 1) - 1);
      return /^[“"]$/u.test(mark) && (line.match(/[”"]/gu)?.length ?? 0) >= (line.match(/[“"]/gu)?.length ?? 0) ? m : `${clause} `;
    })
    .replace(YUAN_SIGN, (m) => (chinese ? '¥' : m))
    .replace(YUAN_SIGN_WHOLE, (m) => (chinese ? '¥' : m))
    .replace(DOLLAR_AS_S, '$')
    .replace(COMMA_AS_POINT, (_m, a?: string, b?: string, c?: string, d?: string) => `${a ?? c},${b ?? d}`)
    .replace(PLUS_MISREAD, '+')
    .replace(GONG_FOR_I, 'I')
    .replace(PAREN_FOR_J, (m, at: number, all: string) => (/[(（]/u.test(all.slice(0, at)) ? m : 'J'))
    .replace(GONG_FOR_ONE, '1')
    .replace(BRACKET_IN_DATE, (_m, d: string, unit: string) => (Number(`${d}1`) <= (unit === '月' ? 12 : 31) ? `${d}1` : d))
    .replace(NOON_MISREAD, '$1午')
    .replace(PM_MISREAD, '下午')
    .replace(TIME_WITHOUT_COLON, (m, h: string, min: string) => (Number(h) >= 1 && Number(h) <= 12 && Number(min) < 60 ? `${h}:${min}` : m));
  return HALF_PAIRS.reduce((t, p) => t.replace(p.opening, p.open).replace(p.closing, p.close), out);
}

/**
 * Chinese characters the engine reads as one that looks alike where only the other makes a word
 * of the characters beside it (bills, contracts and notices of telecom operators): 請治客服 →
 * 請洽客服, 逾期末繳 → 逾期未繳, 傅期 → 逾期, 服務奉約 → 服務契約, 付款赁证 → 付款凭证,
 * 應紋金額 → 應繳金額, 緻費期限 → 繳費期限, 金客 2,035 → 金額 2,035, 洋收 → 溢收, 發飄 →
 * 發票, 儲什 → 儲值, 放務 → 服務, 威謝 → 感謝, 深威抱歉 → 深感抱歉, a chat's read mark E讀 or
 * 選讀 → 已讀, 三+日 → 三十日. The words the misreading could also be stay: 政治, 月末 and 週末
 * (月末繳費), 租赁证明, 花紋, 總客服, 自己讀, 選讀課程, 威脅.
 */
export function fixLookalikes(text: string): string {
  let out = text;
  for (const [misread, right] of LOOKALIKES) out = out.replace(misread, right);
  return out;
}

/** Each lookalike where it makes no word, and the character it stands for (see {@link fixLookalikes}). */
const LOOKALIKES: ReadonlyArray<readonly [RegExp, string]> = [
  // 洽 (consult): 請洽, 詳洽, 逕洽, 接洽, 面洽; 洽詢, 洽談, 洽辦, 洽商, 洽客服.
  [/(?<=[請请詳详逕径接面另])治|治(?=[詢询談谈辦办商]|客服)/gu, '洽'],
  // 未 (not yet) before what it negates: 未繳, 未付, 未退, 未收, 未到, 未經, 未滿, 未申請, 未使用, 未開通, 未簽.
  [/(?<![月週周年季歲岁])末(?=[繳缴付退收到經经滿满申使開开簽签])/gu, '未'],
  [/傅(?=期)/gu, '逾'],
  [/(?<!租)赁(?=[证證此])/gu, '凭'],
  [/(?<=[應应預预補补欠])紋|(?<![組组紡纺編编])[織緻紋](?=[費费])/gu, '繳'],
  // 感謝 (thanks) and 深感抱歉 (deeply sorry) read with 威.
  [/威(?=[謝谢])|(?<=深)威(?=[抱歉])/gu, '感'],
  // 溢收 (overcharged), 契約 read 克約 or 赤約, 發票 read 發栗 or 發飄, 深表歉意, 儲值, 四捨五入, 服務.
  [/(?<![海西東东太遠远])洋(?=收)/gu, '溢'],
  [/[奉克赤](?=[約约])/gu, '契'],
  [/(?<=[發发])[栗飄]/gu, '票'],
  [/(?<=表)[娄攻](?=意)/gu, '歉'],
  [/(?<=[儲储])什/gu, '值'],
  [/(?<=四[捨舍]五)人/gu, '入'],
  [/放(?=[務务])/gu, '服'],
  [/(?<=金)客(?=[\d ,:：N])/gu, '額'],
  // A chat's read mark 已讀 read E讀, 巳讀, 己讀 or 選讀, standing alone before its time or the
  // message beside it; 自己讀 and 選讀課程 stay.
  [/(?<=^|[ \t])[E巳己選](?=[讀读](?:[ \t]|$|[上下]午|\d|[“"「]))/gmu, '已'],
  // 十 read as a plus between Chinese characters, after a numeral or before a numeral or a unit:
  // 三+日 → 三十日, 第+條 → 第十條.
  [/(?<=[一二三四五六七八九百千萬万兩两第廿] ?)\+(?= ?\p{Script=Han})|(?<=\p{Script=Han} ?)\+(?= ?[一二三四五六七八九日月年天個个分秒元萬万億亿條条])/gu, '十'],
  // A company's Ltd read Lid after Pty, Pte or Co (Wattle Mobile Pty Lid, Telecommunications Co Lid.).
  [/(?<=\b(?:Pty|Pte|Co)\.?,? )Lid\b/gu, 'Ltd'],
];

/**
 * Words only Cantonese is written with (唔, 冇, 佢, 睇, 咁, 嘢, 啲, 嚟, 咩, 㗎, 嘞, 乜, 點解, 唔該,
 * 多謝, 退返, 攞, 搞錯), and 係 outside 關係, 聯係, 係數 and the like (an official letter's 係 is
 * formal Mandarin too, so what follows is kept safe for one).
 */
const CANTONESE = /[唔冇佢睇咁嘢啲嚟咩㗎嘞乜]|(?<![關关聯联干維维體体派])係(?![數数統统])|點解|唔該|多謝|退返|攞|搞錯/u;

/**
 * Cantonese particles the engine's Traditional Chinese model has no character for, each read as
 * the same lookalike, put back in a text written in Cantonese ({@link CANTONESE}): 咗 read 咕,
 * 吠 or 嘩 after a verb (收咕 → 收咗, 取消嘩 → 取消咗), 嘅 read 呈, 唧 or 噁 before what it qualifies, or 吧 after a
 * pronoun (你呈帳戶 → 你嘅帳戶), 喺 read 嗆 (會嗆下期 → 會喺下期), 哋 read 兄 after a pronoun
 * (我兄 → 我哋). The words those lookalikes make stay: 嘀咕, 咕嚕, 狗吠, 喧嘩, 嘩然, 嘩啦, 呈報,
 * 簽呈, 噁心, 嗆聲, 我兄弟; so does an exclamation 嘩 opening a sentence.
 */
export function fixCantonese(text: string, context = text): string {
  if (!CANTONESE.test(context)) return text;
  return text
    .replace(/(?<=\p{Script=Han})(?<![嘀狗犬喧])[咕吠嘩](?![嚕噜咕噥哝然啦眾众嘩])/gu, '咗')
    .replace(/(?<=\p{Script=Han})(?<![簽签])呈(?![報报現现交遞递上請请送閱阅核])/gu, '嘅')
    .replace(/(?<![唧])[唧噁](?![唧心筒])(?=[\p{Script=Han}\d$])/gu, '嘅')
    .replace(/(?<=[你我佢])吧(?=[\p{Script=Han}\d$])/gu, '嘅')
    .replace(/嗆(?![聲声到鼻辣])/gu, '喺')
    .replace(/(?<=[你我佢])兄(?![弟長长姐妹嫂])/gu, '哋');
}

/** A line's last opening bracket, with no bracket after it, and the text after it. */
const OPEN_AT_END = /[(（〈《]([^()（）〈〉《》【】「」]*)$/u;
/** A line's first closing parenthesis, with no bracket before it, the text before it and the blank around it. */
const CLOSE_AT_START = /^([^()（）〈〉《》【】「」]*?) ?[)）] ?/u;

/**
 * An aside in parentheses broken over two lines (您对中国移动（手机号码 / 137****6052）的申诉):
 * alone, each line holds half a pair, which is neither made full-width nor mended when misread
 * (中国移动〈手机号码 / 137****6052) 的申诉). When a line ends in an opening bracket left open,
 * the next one closes a parenthesis before any other bracket, and the aside holds Chinese, the
 * two halves are full-width parentheses, without blanks around the closing one.
 */
export function mendSplitAsides(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    const open = OPEN_AT_END.exec(out[i]!);
    const close = open && CLOSE_AT_START.exec(out[i + 1]!);
    if (!open || !close || !HAN_IN_TEXT.test(open[1]! + close[1]!)) continue;
    out[i] = `${out[i]!.slice(0, open.index).trimEnd()}（${open[1]!.trimStart()}`;
    out[i + 1] = `${close[1]}）${out[i + 1]!.slice(close[0].length)}`;
  }
  return out;
}

/**
 * The mends of a reading's text that {@link cleanText} and {@link joinLineWords} share: dashes
 * between figures, a date run into its time, currency signs, Chinese punctuation (`chinese` as
 * {@link normaliseCjkPunctuation} takes it) and lookalike characters.
 */
function mendReading(text: string, chinese?: boolean): string {
  return fixLookalikes(normaliseCjkPunctuation(mendCurrencySigns(separateDateFromTime(normaliseDigitDashes(text))), chinese));
}

/** Applies the text clean-ups to a string. */
export function cleanText(text: string): string {
  return mendSplitAsides(mendReading(removeCjkSpaces(normaliseFullWidth(text))).split('\n'))
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The widest run of blank columns (px) between two words of a line, from the middle of the
 * first's last character to the middle of the second's first, over the rows the two span.
 */
export type BlankBetween = (before: OcrWord, after: OcrWord) => number;

/**
 * Blank between two Chinese characters that makes a space, at least, in the line's character
 * heights: a space is about a third of a character, the blank between two set close a tenth or
 * less (a narrow one such as 日 leaves more). Measured on the readings of the fixtures and
 * held-out sets 1-58 (250 spaces between Chinese characters in the ground truth, and the pairs set
 * close that were read as separate words): this finds 113 of the spaces and puts 39 where none
 * stands; the gap between the engine's boxes, which jitter by half a character (請帮 我), found 99
 * and put 171.
 */
const HAN_SPACE_BLANK = 0.32;

/**
 * Words of two characters that the labels of bills, notices and letters are made of (發文日期,
 * 客服單號, 門號, 繳費期限, 24個月), never written with a space inside: a narrow first character
 * leaves a blank as wide as a space after its ink (日 of 日期: "日 期" in 14 of 532 readings,
 * 發文日 期, 出帳日 期, the blank 0.36–0.52 of a character's height), and the extractor, which
 * finds numbers by their labels, misses a label so split (客服單 號 before a ticket number).
 * Words a form can set out with a space between their characters, to line up with longer labels
 * (姓名, 地址, 電話), are not among them.
 */
const UNSPLIT_WORDS = new Set(['日期', '門號', '门号', '單號', '单号', '號碼', '号码', '期限', '個月', '个月', '帳號', '账号', '編號', '编号', '民國', '經辦', '证码', '證碼']);

/** {@link BlankBetween} over `raster`, whose text is dark on light (a processed page). */
export function blankBetweenIn(raster: GrayRaster): BlankBetween {
  return (before, after) => {
    const nb = Array.from(before.text.trim()).length || 1, na = Array.from(after.text.trim()).length || 1;
    const x0 = Math.max(0, Math.round(before.box.x + before.box.w - before.box.w / nb / 2));
    const x1 = Math.min(raster.width, Math.round(after.box.x + after.box.w / na / 2));
    const y0 = Math.max(0, Math.min(before.box.y, after.box.y));
    const y1 = Math.min(raster.height, Math.max(before.box.y + before.box.h, after.box.y + after.box.h));
    if (x1 - x0 < 2 || y1 - y0 < 2) return 0;
    const { data, width } = raster;
    const hist = new Uint32Array(256);
    let lo = 255, hi = 0;
    for (let y = y0; y < y1; y++) {
      for (let i = y * width + x0, end = y * width + x1; i < end; i++) { const v = data[i]!; hist[v]!++; if (v < lo) lo = v; if (v > hi) hi = v; }
    }
    // No contrast: nothing but the ground between them.
    if (hi - lo < 48) return x1 - x0;
    const t = otsuThreshold(hist);
    let best = 0, run = 0;
    for (let x = x0; x < x1; x++) {
      let ink = false;
      for (let y = y0; y < y1 && !ink; y++) ink = data[y * width + x]! <= t;
      run = ink ? 0 : run + 1;
      if (run > best) best = run;
    }
    return best;
  };
}

/** Width of a full-width digit, in the line's character heights, at least (a proportional one is about half). */
const SPREAD_DIGIT = 0.75;

/**
 * Joins the words of one line: no space where a CJK character meets another character, unless
 * they stand apart (a real space, e.g. between a date and a time): between two Chinese characters
 * by the blank between their ink when `blankBetween` measures it on the page, else by the gap
 * between the words' boxes; one space between Latin words and numbers. With `chinesePage`, the
 * line stands on a page of Chinese (see normaliseCjkPunctuation).
 */
export function joinLineWords(words: readonly OcrWord[], blankBetween?: BlankBetween, chinesePage = false): string {
  const heights = words.map((w) => w.box.h).sort((a, b) => a - b);
  const charHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  const chinese = words.some((w) => HAN_IN_TEXT.test(w.text));
  let out = '';
  let prev: OcrWord | undefined;
  let prevText = '';
  let inSpread = false;
  for (const w of words) {
    const text = normaliseFullWidth(w.text).trim();
    if (!text) continue;
    if (prev) {
      const a = Array.from(out).pop() ?? '';
      const b = Array.from(text)[0] ?? '';
      const gap = w.box.x - (prev.box.x + prev.box.w);
      // CJK brackets and punctuation carry their own white space inside the glyph: a wide gap
      // next to 】 or ， is not a space.
      const punct = CJK_PUNCT.test(a) || CJK_PUNCT.test(b);
      // Full-width digits in Chinese text come one word each (８２％ read "8", "2%"): a lone
      // digit and the digits after it, no wider apart than a character, are one number.
      // So is a point among them: after digits that began the run before it (１２８．００ read
      // "1", "2", "8.", "00"), or after digits set a character's width apart (２５．００ read
      // "25.", "00"); a list's "1." before a date is neither.
      const digitsBefore = /^([0-9]+)\.$/u.exec(prevText)?.[1]?.length ?? 0;
      const spreadPoint: boolean = digitsBefore > 0 && (inSpread || prev.box.w >= SPREAD_DIGIT * charHeight * digitsBefore);
      // A full-width point sits at the left of its cell: the digit after it is further away.
      // A thousands comma likewise, before the three digits of the next group: ＮＴ＄２，４６０
      // read "NT$2,", "460".
      const spreadComma = /(?<![0-9])[0-9]{1,3},$/u.test(prevText) && /^[0-9]{3}(?![0-9])/u.test(text);
      // The first digit can carry the currency sign before it (￥５８．００ read "#5", "8", ".", "00"),
      // and a point can carry the digit after it (１２．４０ read "1", "2", ".4", "0").
      const spread: boolean = chinese && /^[0-9.]/u.test(text)
        && ((/^[#Yy¥$]?[0-9]$/u.test(prevText) && gap <= charHeight) || ((spreadPoint || spreadComma || (inSpread && /^\.[0-9]?$/u.test(prevText))) && /^[0-9]/u.test(text) && gap <= 1.5 * charHeight));
      inSpread = spread;
      // A currency sign read as a word of its own (＄ set a cell apart from ３８８) goes with the amount.
      const sign = /^(?:NT|HK)?[$¥€£]$/u.test(prevText) && /^[0-9]/u.test(text);
      // Between two Chinese characters, the blank between their ink when the page is at hand:
      // the engine's boxes of Chinese characters are too unsteady to measure a gap by.
      // A word of the labels of bills and letters is never split (see UNSPLIT_WORDS).
      const wide = blankBetween && HAN_ONE.test(a) && HAN_ONE.test(b)
        ? !UNSPLIT_WORDS.has(a + b) && blankBetween(prev, w) >= HAN_SPACE_BLANK * charHeight
        : charHeight > 0 && gap > charHeight * 0.6;
      if (!spread && !sign && (!(isCjk(a) || isCjk(b)) || (!punct && wide))) out += ' ';
    }
    out += removeCjkSpaces(text);
    prev = w;
    prevText = text;
  }
  return mendReading(out, chinesePage || undefined);
}

/**
 * Word boxes of a line as the engine gives them sometimes reach over the words that follow (a
 * CJK character's box can span the next few: 大 148 px wide on a receipt where the glyph is 30):
 * each box ends where the next word of the line begins. Left edges, heights and text stay.
 */
export function trimOverlappingBoxes<W extends OcrWord>(words: readonly W[]): W[] {
  return words.map((w, i) => {
    const next = words[i + 1];
    if (!next || next.box.x <= w.box.x || w.box.x + w.box.w <= next.box.x) return w;
    return { ...w, box: { ...w.box, w: next.box.x - w.box.x } };
  });
}

/** Maps a box of the processed raster back to the original; identity when not needed. */
export type BoxMapper = (box: Box) => Box;

/**
 * Rebuilds text, words and lines from the engine's result: CJK spacing fixed from word
 * geometry, full-width digits normalised, overlapping word boxes trimmed (in the engine's frame,
 * where lines are level) and mapped back with `mapBox`, empty words dropped.
 */
export function postprocess(result: OcrResult, mapBox: BoxMapper = (b) => b, blankBetween?: BlankBetween): OcrResult {
  const lines: OcrLine[] = [];
  const chinesePage = result.lines.some((l) => l.words.some((w) => HAN_IN_TEXT.test(w.text)));
  for (const line of result.lines) {
    const read = line.words.filter((w) => w.text.trim());
    if (!read.length) continue;
    const words = trimOverlappingBoxes(read).map((w) => ({ text: normaliseFullWidth(w.text).trim(), confidence: w.confidence, box: mapBox(w.box) }));
    // Join with the engine's geometry (before mapping) so gaps are measured in one frame.
    const text = joinLineWords(read, blankBetween, chinesePage);
    if (!text) continue;
    lines.push({ text, confidence: line.confidence, box: mapBox(line.box), words });
  }
  mendSplitAsides(lines.map((l) => l.text)).forEach((text, k) => { lines[k]!.text = text; });
  // Cantonese is told by the whole page, its particles mended line by line.
  const page = lines.map((l) => l.text).join('\n');
  for (const l of lines) l.text = fixCantonese(l.text, page);
  const words = lines.flatMap((l) => l.words);
  const text = lines.length ? lines.map((l) => l.text).join('\n') : fixCantonese(cleanText(result.text));
  const confidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : result.confidence;
  return { text, confidence: Math.round(confidence * 10) / 10, words, lines };
}
