import { describe, expect, it } from 'vitest';
import { defaultOcrLang, guessKind, mapInOrder, parseOcrLang } from '../../../shared/ocr/engine';

describe('OCR languages', () => {
  it.each([
    ['zh-TW', 'chi_tra+eng'],
    ['zh-CN', 'chi_sim+eng'],
    ['en', 'eng'],
    [undefined, 'chi_tra+eng'],
  ])('case language %s → %s', (lang, expected) => {
    expect(defaultOcrLang(lang)).toBe(expected);
  });
  it.each([
    ['chi_tra+eng', true],
    ['chi_sim', true],
    ['eng+chi_sim+chi_tra', true],
    ['jpn', false],
    ['chi_tra+chi_tra', false],
    ['chi_tra+', false],
    ['', false],
  ])('parseOcrLang(%j) ok=%s', (value, ok) => {
    expect(parseOcrLang(value).ok).toBe(ok);
  });
});

describe('guessKind', () => {
  const screenshot = { classification: 'screenshot' as const, colourfulness: 1 };
  const photo = { classification: 'photo' as const, colourfulness: 5 };
  it.each([
    ['【中華電信】您113年10月份帳單金額為NT$649元，繳費期限113/11/20', screenshot, 'sms'],
    ['行動電話服務契約書 申辦人：王小明 提前終止契約者，應依剩餘期間比例繳交違約金', photo, 'contract'],
    ['中華電信 行動電話繳費通知 帳單期間 本期應繳總金額 649', screenshot, 'bill'],
    ['大發通訊行 收據 統一編號：12345678 合計：新台幣790元', photo, 'receipt'],
    ['客服聯絡紀錄（自行整理）2024/10/08 致電', photo, 'note'],
    ['敬啟者：台端申訴一案，此致', photo, 'letter'],
    ['', photo, 'photo'],
    // An operator's message about a bill is a message; a conversation holds the user's own words.
    ['【遠傳】您的門號0936-208-514 本期帳單金額1,499元，繳費期限113/12/10。', screenshot, 'sms'],
    ['中国移动客服 你好，我上个月的账单多了一笔39元的彩铃费。您好，请提供您的手机号码，我为您查询。经查询，您于10月3日通过短信开通了彩铃业务。我没有开通过', screenshot, 'chat'],
    // A letter about a bill greets; a counter's slip has its number and the sum taken.
    ['Dear Ms Chan, We have reviewed your bill dated 1 Nov 2024. The roaming charge on your bill will be refunded. Yours sincerely', photo, 'letter'],
    ['中国电信营业厅 业务单号DX20241127-3318 办理时间2024/11/27 10:52 宽带拆机费 100.00 实收660.00元', photo, 'receipt'],
    // A contract's numbered articles about the bill; a notice's greeting.
    ['中華電信行動電話服務契約 第三條 資費及帳單 月租費每月新臺幣999元。第四條 本公司於每月5日寄送帳單。第五條 提前終止契約者應繳違約金。', photo, 'contract'],
    ['台灣之星 客戶服務通知 親愛的用戶您好：您的門號0986-441-275於113年11月產生國際漫遊費用新臺幣3,560元', photo, 'letter'],
    // A notice that greets its reader by name is a letter, however much of a bill it names.
    ['中華電信繳費通知 王小明先生您好：您的門號0912-345-678 113年10月份電信費用計新臺幣1,286元，繳費期限為113年11月25日，逾期未繳將暫停部分通信服務。如已繳費，請勿理會本通知。', photo, 'letter'],
    // An English bill rendered as an image: its balance, charges and the total due.
    ['Northline Mobile Mr Oliver Bennett Account summary Previous balance £42.50 Payment received -£42.50 Amount due £51.98 Your charges, 1 to 30 November 2024 Total charges £51.98', screenshot, 'bill'],
    // An operator's English text message about a bill opens with its name and a colon; an e-mail's Re: does not count.
    ['7:58 Telstra Thu, 28 Nov 2024 at 6:12 pm Telstra: Your bill of $142.35 for account 3004 118 276 is due on 12 Dec. Pay now to avoid a late fee.', screenshot, 'sms'],
    ['Re: Your bill for October. Account number 3004 118 276. Amount due $142.35, due date 12 Dec 2024.', photo, 'bill'],
    // A complaint letter written about a bill: its references and its closing.
    ['Daniel Wong 29 November 2024 Customer Relations PrimeTel Limited Re: Account 8812-4471 I am writing to dispute the roaming charges on my bill of 1 November. The bill shows charges for 3 days. Please refund the charges. Yours faithfully', photo, 'letter'],
  ] as const)('%j → %s', (text, stats, kind) => {
    expect(guessKind(text, stats)).toBe(kind);
  });
});

describe('mapInOrder', () => {
  /** A step that ends when its gate is opened, counting the steps under way. */
  function gated() {
    const gates = new Map<number, () => void>();
    let running = 0, most = 0;
    const started: number[] = [];
    const step = async (n: number) => {
      started.push(n);
      most = Math.max(most, ++running);
      await new Promise<void>((resolve) => gates.set(n, resolve));
      running--;
      if (n < 0) throw new Error(`step ${n} failed`);
      return n * 10;
    };
    const open = async (n: number) => {
      while (!gates.has(n)) await new Promise((r) => setTimeout(r, 0));
      gates.get(n)!();
    };
    return { step, open, started, most: () => most };
  }

  it('keeps the items\' order whichever step ends first, with at most `limit` under way', async () => {
    const g = gated();
    const all = mapInOrder([1, 2, 3, 4], 2, g.step);
    await g.open(2);
    await g.open(3);
    await g.open(4);
    await g.open(1);
    expect(await all).toEqual([10, 20, 30, 40]);
    expect(g.most()).toBe(2);
    expect(g.started).toEqual([1, 2, 3, 4]);
  });

  it('runs one at a time at a limit of 1 (or none given), and returns nothing for no items', async () => {
    const g = gated();
    const all = mapInOrder([1, 2, 3], Number.NaN, g.step);
    for (const n of [1, 2, 3]) await g.open(n);
    expect(await all).toEqual([10, 20, 30]);
    expect(g.most()).toBe(1);
    expect(await mapInOrder([], 2, g.step)).toEqual([]);
  });

  it('throws the first failure once the steps under way have ended, and starts none after it', async () => {
    const g = gated();
    let settled = false;
    const all = mapInOrder([1, -2, 3, 4], 2, g.step).finally(() => { settled = true; });
    all.catch(() => {});
    await g.open(-2);
    await new Promise((r) => setTimeout(r, 5));
    // Step 1 is still under way: the failure waits for it.
    expect(settled).toBe(false);
    await g.open(1);
    await expect(all).rejects.toThrow('step -2 failed');
    expect(g.started).toEqual([1, -2]);
  });
});
