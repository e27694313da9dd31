// Real tesseract.js on real fixture images through the same pipeline the CLI and app use.
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../../electron/ocr/decode';
import { ocrBytes, ocrFile } from '../../../electron/ocr/ocr-file';
import { createNodeOcrEngine } from '../../../electron/ocr/tesseract-node';
import { ocrRaster } from '../../../shared/ocr/pipeline';
import { cropGray, resizeRgba, rgbaToGray } from '../../../shared/ocr/raster';

/** CER as the benchmark computes it: NFKC, whitespace removed, Levenshtein / len(gt). */
function cer(gt: string, ocr: string): number {
  const norm = (s: string) => Array.from(s.normalize('NFKC').replace(/\s+/gu, ''));
  const a = norm(gt);
  const b = norm(ocr);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]! / Math.max(1, a.length);
}

const engine = createNodeOcrEngine();
afterAll(() => engine.dispose());

describe('OCR of real evidence (tesseract.js, one reused worker)', () => {
  it.each([
    ['test/fixtures/evidence/sms_tw_addon.png', 'chi_tra+eng', 0.03],
    ['test/fixtures/evidence/callog_tw.jpg', 'chi_tra+eng', 0.03],
    ['test/fixtures/ocr-extra/chat_bubbles_tw.png', 'chi_tra+eng', 0.05],
    // Read wrong in one pass (22.6 %, 13.2 %, 6.6 %): a line of full-width digits comes out as
    // "9 do ddw", 繳費期限 as "BER", 【中華電信】 as "[EEF]"; the second readings recover them.
    ['test/fixtures/ocr-extra/sms_fullwidth_16px_tw.png', 'chi_tra+eng', 0.03],
    ['test/fixtures/ocr-extra/sms_fullwidth_24px_tw.png', 'chi_tra+eng', 0.03],
    ['test/fixtures/ocr-extra/sms_bill_16px_tw.png', 'chi_tra+eng', 0.03],
    // LINE's blue-grey background around white and green bubbles was inverted as a dark region
    // (78 %); a round avatar beside a bubble broke its first line (7 %); a photographed receipt
    // on a dark desk lost its amounts beside the dark rim of the desk (23 %).
    ['test/fixtures/ocr-extra/chat_line_tw.png', 'chi_tra+eng', 0.04],
    ['test/fixtures/ocr-extra/sms_android_fw_tw.png', 'chi_tra+eng', 0.03],
    ['test/fixtures/ocr-extra/receipt_photo_cn.jpg', 'chi_sim+eng', 0.05],
    // Dark-mode chat whose dark grey bubbles stayed grey behind their text and were dropped by
    // the engine (50 %), its status bar's icons read as letters; a bill read column by column,
    // across two boxes and a table (37 %).
    ['test/fixtures/ocr-extra/chat_messenger_dark_hk.png', 'chi_tra+eng', 0.05],
    ['test/fixtures/ocr-extra/bill_en_hk_summary.png', 'eng', 0.02],
    // A Telegram chat on a patterned wallpaper, its blue bubbles' white text lost (41 %); a
    // ruled bill whose billing periods came after the amounts (13 %); a contract photographed
    // with a red seal over the signature block (8 %).
    ['test/fixtures/ocr-extra/chat_telegram_tw.png', 'chi_tra+eng', 0.06],
    ['test/fixtures/ocr-extra/bill_cht_table_tw.png', 'chi_tra+eng', 0.02],
    ['test/fixtures/ocr-extra/photo_contract_cn.jpg', 'chi_sim+eng', 0.07],
  ])('%s reads within its CER bound', async (file, lang, bound) => {
    const result = await ocrFile(file, engine, { lang });
    const gt = readFileSync(file.replace(/\.(png|jpg)$/, '.gt.txt'), 'utf8');
    expect(cer(gt, result.text)).toBeLessThanOrEqual(bound);
    const page = result.pages[0]!;
    expect(page.words.length).toBeGreaterThan(10);
    for (const w of page.words) {
      expect(w.box.x + w.box.w).toBeLessThanOrEqual(page.width);
      expect(w.box.y + w.box.h).toBeLessThanOrEqual(page.height);
    }
  }, 120_000);

  it('puts the word boxes of the SMS phone number where the number is', async () => {
    const result = await ocrFile('test/fixtures/evidence/sms_tw_addon.png', engine, { lang: 'chi_tra+eng' });
    const phone = result.pages[0]!.words.find((w) => w.text.includes('0912'));
    expect(phone).toBeDefined();
    // The number sits at the start of the last line of the second bubble (about x 50, y 565–595).
    expect(phone!.box.x).toBeGreaterThan(30);
    expect(phone!.box.x).toBeLessThan(80);
    expect(phone!.box.y).toBeGreaterThan(545);
    expect(phone!.box.y).toBeLessThan(600);
  }, 120_000);

  it('keeps amounts on the lines of their labels: right-aligned on an app bill, in red on a bill', async () => {
    const app = await ocrFile('test/fixtures/ocr-extra/bill_app_tw.png', engine, { lang: 'chi_tra+eng' });
    const lines = app.text.split('\n').map((l) => l.replace(/\s+/gu, ''));
    // Without looking for text the layout left out, 0, 800, 0, 0 and 1,399 were missing.
    for (const [label, amount] of [['行動上網超量費', '0'], ['影音娛樂包', '800'], ['國際漫遊費', '0'], ['本期應繳金額', '1,399']] as const) {
      expect(lines.find((l) => l.includes(label))).toMatch(new RegExp(`${label}${amount}$`, 'u'));
    }
    const unicom = await ocrFile('test/fixtures/ocr-extra/bill_cn_unicom.png', engine, { lang: 'chi_sim+eng' });
    // 本期应缴 ¥111.00 is printed in red: as the brightest channel it was white on white.
    expect(unicom.text.replace(/\s+/gu, '')).toContain('本期应缴¥111.00');
  }, 120_000);

  it('reads a table row in column order, a patterned wallpaper\'s bubbles, and a page under a red seal', async () => {
    const bill = await ocrFile('test/fixtures/ocr-extra/bill_cht_table_tw.png', engine, { lang: 'chi_tra+eng' });
    expect(bill.text.split('\n').map((l) => l.replace(/\s+/gu, ''))).toContain('4G699型月租費113/09/01-113/09/301699');
    const chat = await ocrFile('test/fixtures/ocr-extra/chat_telegram_tw.png', engine, { lang: 'chi_tra+eng' });
    expect(chat.pages[0]!.preprocessing.map((s) => s.name)).toEqual(expect.arrayContaining(['whiten-background', 'invert-dark-regions']));
    // White text in blue bubbles on the wallpaper.
    expect(chat.text.replace(/\s+/gu, '')).toContain('帳單也要截圖留著');
    const contract = await ocrFile('test/fixtures/ocr-extra/photo_contract_cn.jpg', engine, { lang: 'chi_sim+eng' });
    expect(contract.pages[0]!.preprocessing.map((s) => s.name)).toContain('erase-seals');
    expect(contract.text.replace(/\s+/gu, '')).toContain('乙方：刘晓峰');
  }, 120_000);

  it('reads a message list\'s cut previews with their ellipses and without its unread markers, and an e-invoice without its codes', async () => {
    const list = await ocrFile('test/fixtures/ocr-extra/sms_list_android_tw.png', engine, { lang: 'chi_tra+eng' });
    expect(list.pages[0]!.preprocessing.map((s) => s.name)).toEqual(expect.arrayContaining(['ellipses', 'erase-icons']));
    // Seven previews end in …; the engine read them as 一, "-" or nothing, and the two unread
    // markers as "LJ" (8.9 %).
    expect(list.text.match(/…/gu)?.length).toBe(7);
    expect(list.text).not.toMatch(/LJ/u);
    expect(list.text.replace(/\s+/gu, '')).toContain('NT$1,425…');
    expect(cer(readFileSync('test/fixtures/ocr-extra/sms_list_android_tw.gt.txt', 'utf8'), list.text)).toBeLessThanOrEqual(0.04);
    const invoice = await ocrFile('test/fixtures/ocr-extra/receipt_curved_tw.jpg', engine, { lang: 'chi_tra+eng' });
    expect(invoice.pages[0]!.preprocessing.find((s) => s.name === 'erase-codes')?.detail).toMatch(/^3 /u);
    // The lines beside the barcode and the QR codes stay: 賣方 above, 交易明細 below.
    expect(invoice.text.replace(/\s+/gu, '')).toContain('賣方97176270');
    expect(invoice.text.replace(/\s+/gu, '')).toContain('交易明細');
  }, 120_000);

  it('reads a faxed letter without its speckles, and an English chat\'s "I" and times', async () => {
    const fax = await ocrFile('test/fixtures/ocr-extra/fax_letter_tw.png', engine, { lang: 'chi_tra+eng' });
    // Black and white with salt-and-pepper noise: upscaled with its specks, it read at 21 % CER.
    expect(fax.pages[0]!.preprocessing.map((s) => s.name)).toEqual(expect.arrayContaining(['remove-speckles', 'upscale']));
    expect(fax.text.replace(/\s+/gu, '')).toContain('說明：經查台端於10月3日至10月8日');
    // The page's reading took 元's first stroke after the 0 for a 7: 新台幣2,1507元.
    expect(fax.text.replace(/\s+/gu, '')).toContain('新台幣2,150元');
    expect(cer(readFileSync('test/fixtures/ocr-extra/fax_letter_tw.gt.txt', 'utf8'), fax.text)).toBeLessThanOrEqual(0.04);
    const chat = await ocrFile('test/fixtures/ocr-extra/chat_en_shop_hk.png', engine, { lang: 'eng' });
    // The engine reads the pronoun as "|" and the bubbles' times as 15.02.
    expect(chat.text).toContain('Hi, I bought an iPhone case on');
    expect(chat.text).toContain('OK, I will come on Saturday. 15:26');
    expect(chat.text).toContain('MK-55102). 15:02');
  }, 120_000);

  it('reads a lock screen\'s notifications over a shaded wallpaper, and a blue link on a dark-mode e-mail', async () => {
    // Inverted, the wallpaper's light patches hid the notifications from the engine (92.9 % CER);
    // the page was then read again unprocessed. Its light panels (the notifications) are now left
    // out of the inversion one by one, and its status bar without a clock is dropped.
    const lock = await ocrFile('test/fixtures/ocr-extra/lock_notif_tw.png', engine, { lang: 'chi_tra+eng' });
    expect(lock.text.replace(/\s+/gu, '')).toContain('【中華電信】帳單繳費成功');
    expect(lock.text.replace(/\s+/gu, '')).toContain('11月21日星期四');
    expect(lock.text.split('\n')[0]!.replace(/\s+/gu, '')).toBe('11月21日星期四'); // no status-bar icons before it
    expect(cer(readFileSync('test/fixtures/ocr-extra/lock_notif_tw.gt.txt', 'utf8'), lock.text)).toBeLessThanOrEqual(0.03);
    const mail = await ocrFile('test/fixtures/ocr-extra/email_dark_en.png', engine, { lang: 'eng' });
    expect(mail.text).toContain('www.hk.chinamobile.com/case');
    expect(mail.pages[0]!.preprocessing.map((s) => s.name)).not.toContain('read-unprocessed');
  }, 120_000);

  it('reads the white times and read marks printed on a chat\'s coloured wallpaper, each on its row', async () => {
    // White on a blue-to-violet wallpaper (luma 181): the times were lost (31 % CER), then read
    // with the line beside them or into it ("已讀下午9:32「影音加值包」").
    const chat = await ocrFile('test/fixtures/ocr-extra/chat_line_wall_tw.png', engine, { lang: 'chi_tra+eng' });
    expect(chat.pages[0]!.preprocessing.find((s) => s.name === 'whiten-background')?.detail).toBe('tone 181');
    const lines = chat.text.split('\n').map((l) => l.replace(/\s+/gu, ''));
    expect(lines).toEqual(expect.arrayContaining(['下午9:30', '下午9:32', '下午9:35', '下午9:36', '已讀「影音加值包」，我沒有申請。']));
    expect(cer(readFileSync('test/fixtures/ocr-extra/chat_line_wall_tw.gt.txt', 'utf8'), chat.text)).toBeLessThanOrEqual(0.04);
  }, 120_000);

  it('leaves out the dotted leaders between a bill\'s items and their amounts', async () => {
    // Grey leaders were read as letters joined to the line ("services .....ccuuieise set ite ss 18.00").
    const bill = await ocrFile('test/fixtures/ocr-extra/bill_en_leaders.png', engine, { lang: 'eng' });
    expect(bill.pages[0]!.preprocessing.map((s) => s.name)).toContain('erase-leaders');
    const lines = bill.text.split('\n').map((l) => l.trim());
    expect(lines).toEqual(expect.arrayContaining(['Premium SMS services 18.00', 'Monthly plan 5G 30GB 298.00']));
    expect(cer(readFileSync('test/fixtures/ocr-extra/bill_en_leaders.gt.txt', 'utf8'), bill.text)).toBeLessThanOrEqual(0.02);
  }, 120_000);

  it('reads yellow bubbles and a yellow read count on a light blue chat page', async () => {
    // The yellow bubbles (least channel 0) were kept as dark as ink, and the page stayed grey.
    const chat = await ocrFile('test/fixtures/ocr-extra/chat_kakao_blue_tw.png', engine, { lang: 'chi_tra+eng' });
    expect(chat.pages[0]!.preprocessing.map((s) => s.name)).toContain('whiten-background');
    const lines = chat.text.split('\n').map((l) => l.replace(/\s+/gu, ''));
    expect(lines).toEqual(expect.arrayContaining(['1請提供當天的合約影本。', '下午8:03']));
    expect(cer(readFileSync('test/fixtures/ocr-extra/chat_kakao_blue_tw.gt.txt', 'utf8'), chat.text)).toBeLessThanOrEqual(0.03);
  }, 120_000);

  it('reads a dark-mode chat\'s green bubbles with black text, without its avatars', async () => {
    // The green bubbles were inverted with the dark page (their black text turned white on grey,
    // 34 % CER), and the avatars were read as "2".
    const chat = await ocrFile('test/fixtures/ocr-extra/chat_wechat_dark_fw_cn.png', engine, { lang: 'chi_sim+eng' });
    expect(chat.pages[0]!.preprocessing.map((s) => s.name)).toEqual(expect.arrayContaining(['invert-dark-regions', 'erase-pictures']));
    const lines = chat.text.split('\n').map((l) => l.replace(/\s+/gu, ''));
    expect(lines).toEqual(expect.arrayContaining(['我上个月交了360元提速费，', '好的，等你们电话。']));
    expect(cer(readFileSync('test/fixtures/ocr-extra/chat_wechat_dark_fw_cn.gt.txt', 'utf8'), chat.text)).toBeLessThanOrEqual(0.02);
  }, 120_000);

  it('turns a receipt scanned sideways upright and maps its words back onto the sideways picture', async () => {
    // Turned a quarter clockwise without an EXIF orientation, the receipt was read as vertical
    // text, its lines in the wrong order (70 % CER).
    const result = await ocrFile('test/fixtures/ocr-extra/scan_receipt_sideways_tw.png', engine, { lang: 'chi_tra+eng' });
    expect(result.pages[0]!.preprocessing.find((s) => s.name === 'orientation')?.detail).toMatch(/^turned a quarter anticlockwise/);
    expect(cer(readFileSync('test/fixtures/ocr-extra/scan_receipt_sideways_tw.gt.txt', 'utf8'), result.text)).toBeLessThanOrEqual(0.02);
    // The shop's name is printed down the right of the 432 × 560 picture, its first character on top.
    const title = result.pages[0]!.words.find((w) => w.text.includes('中'));
    expect(title).toBeDefined();
    expect(title!.box.x).toBeGreaterThan(350);
    expect(title!.box.y).toBeLessThan(200);
  }, 120_000);

  it('reads a tablet\'s two panes one after the other, and a letter photographed in dim light', async () => {
    // The engine read each row of the list of chats with the chat line level with it (63 % CER);
    // the dim photo's grain hid all its text from the engine (nothing read).
    const tablet = await ocrFile('test/fixtures/ocr-extra/tablet_chat_tw.png', engine, { lang: 'chi_tra+eng' });
    const lines = tablet.text.split('\n').map((l) => l.replace(/\s+/gu, ''));
    expect(lines).toEqual(expect.arrayContaining(['本週六停水通知', '一般約3至7個工作天。']));
    expect(lines.indexOf('本週六停水通知')).toBeLessThan(lines.indexOf('一般約3至7個工作天。'));
    expect(cer(readFileSync('test/fixtures/ocr-extra/tablet_chat_tw.gt.txt', 'utf8'), tablet.text)).toBeLessThanOrEqual(0.02);
    const dim = await ocrFile('test/fixtures/ocr-extra/photo_letter_dim_cn.jpg', engine, { lang: 'chi_sim+eng' });
    expect(dim.pages[0]!.preprocessing.map((s) => s.name)).toContain('denoise');
    expect(cer(readFileSync('test/fixtures/ocr-extra/photo_letter_dim_cn.gt.txt', 'utf8'), dim.text)).toBeLessThanOrEqual(0.03);
  }, 120_000);

  it('reads a dark list of calls, a tablet\'s panes under a title bar, a timeline, a form, a dimmed page, a dark SMS and a chat with emoji without their marks', async () => {
    // A segmented control's selected segment stayed grey under its text ("C3]" for 全部); rows
    // ending in an info icon as tall as their two lines made the text look 71 px tall, so the
    // icons were not found (read "®", "G@"); each row of a tablet's list was read with the
    // conversation beside it (the pane's line starts below the title bar: 74 %); a timeline's
    // nodes, a form's radio buttons and checkbox, and a chat's emoji were read as characters.
    const read = async (name: string, lang: string) => {
      const result = await ocrFile(`test/fixtures/ocr-extra/${name}`, engine, { lang });
      return { result, cer: cer(readFileSync(`test/fixtures/ocr-extra/${name.replace(/\.png$/, '.gt.txt')}`, 'utf8'), result.text), lines: result.text.split('\n').map((l) => l.replace(/\s+/gu, '')) };
    };
    const calls = await read('call_log_dark_tw.png', 'chi_tra+eng');
    expect(calls.lines).toEqual(expect.arrayContaining(['全部未接來電', '市話', '行動電話']));
    expect(calls.result.pages[0]!.preprocessing.find((s) => s.name === 'erase-icons')?.detail).toMatch(/6 ring icon/u);
    expect(calls.cer).toBeLessThanOrEqual(0.03);
    const tablet = await read('tablet_sms_landscape_cn.png', 'chi_sim+eng');
    expect(tablet.lines.indexOf('您的验证码为318842…')).toBeLessThan(tablet.lines.indexOf('TD'));
    expect(tablet.cer).toBeLessThanOrEqual(0.03);
    const timeline = await read('ticket_timeline_tw.png', 'chi_tra+eng');
    expect(timeline.lines).toEqual(expect.arrayContaining(['已受理', '處理中', '待退款']));
    expect(timeline.cer).toBeLessThanOrEqual(0.02);
    const form = await read('form_radio_cn.png', 'chi_sim+eng');
    expect(form.lines.slice(0, 3)).toEqual(['15:06', '消费投诉登记', '投诉人李红梅']);
    expect(form.lines).toEqual(expect.arrayContaining(['乱扣费', '服务质量', '本人承诺所填信息真实有效']));
    expect(form.cer).toBeLessThanOrEqual(0.03);
    // A page dimmed behind a bottom sheet was taken for a solid shape and painted white (64 %).
    const sheet = await read('sheet_cancel_tw.png', 'chi_tra+eng');
    expect(sheet.lines).toEqual(expect.arrayContaining(['月租費699元', '合約到期日114/03/31']));
    expect(sheet.cer).toBeLessThanOrEqual(0.03);
    // A dark-mode SMS's grey bubble, half the screen, raised the screen's mean tone to nearly its
    // own: it was left grey under its text, which the engine did not read (83 %).
    const sms = await read('sms_url_dark_cn.png', 'chi_sim+eng');
    expect(sms.lines).toEqual(expect.arrayContaining(['将于2024年12月1日到期，续费请点击']));
    expect(sms.cer).toBeLessThanOrEqual(0.02);
    const chat = await read('chat_whatsapp_emoji_en.png', 'eng');
    expect(chat.lines).toEqual(expect.arrayContaining(['onmyNovemberbill.18:31', 'Great,thankyousomuch!18:40']));
    expect(chat.cer).toBeLessThanOrEqual(0.02);
  }, 240_000);

  it('reads a mail client\'s panes one by one, and the white times and read receipts of a chat over a photo wallpaper', async () => {
    // The message list's rows were read across with the open message level with them (12 %).
    const mail = await ocrFile('test/fixtures/ocr-extra/email_desktop_panes_tw.png', engine, { lang: 'chi_tra+eng' });
    expect(mail.pages[0]!.preprocessing.find((s) => s.name === 'read-panes')?.detail).toMatch(/^3 panes/u);
    const lines = mail.text.split('\n').map((l) => l.normalize('NFKC').replace(/\s+/gu, ''));
    expect(lines).toEqual(expect.arrayContaining(['國家通訊傳播委員會11/20', '您於113年11月19日提出之申訴案件(案號1131119-0087)']));
    expect(cer(readFileSync('test/fixtures/ocr-extra/email_desktop_panes_tw.gt.txt', 'utf8'), mail.text)).toBeLessThanOrEqual(0.02);
    // A bold white title read "BEER" surely; 已讀 in white read "om"; a time's colon painted white as a speck.
    const chat = await ocrFile('test/fixtures/ocr-extra/chat_line_wallpaper_tw.png', engine, { lang: 'chi_tra+eng' });
    const rows = chat.text.split('\n').map((l) => l.normalize('NFKC').replace(/\s+/gu, ''));
    expect(rows.slice(1, 2)).toEqual(['遠傳客服']);
    expect(rows).toEqual(expect.arrayContaining(['上午9:12', '上午9:31']));
    expect(rows.filter((l) => l.startsWith('已讀')).length).toBe(2);
    expect(cer(readFileSync('test/fixtures/ocr-extra/chat_line_wallpaper_tw.gt.txt', 'utf8'), chat.text)).toBeLessThanOrEqual(0.02);
  }, 120_000);

  it('reads a contract folded in two past the crease\'s shadow, a refund page without its steps\' ticks, and a chat over a doodled wallpaper', async () => {
    // The shadow above the crease stayed a dark band over a line's top after the flattening (23 %).
    const fold = await ocrFile('test/fixtures/ocr-extra/photo_contract_fold_tw.jpg', engine, { lang: 'chi_tra+eng' });
    expect(fold.pages[0]!.preprocessing.map((s) => s.name)).toContain('level-bands');
    expect(fold.text.split('\n').map((l) => l.normalize('NFKC').replace(/\s+/gu, ''))).toContain('現金、信用卡或轉帳方式繳納。');
    expect(cer(readFileSync('test/fixtures/ocr-extra/photo_contract_fold_tw.gt.txt', 'utf8'), fold.text)).toBeLessThanOrEqual(0.02);
    // Three ticks in discs on a line across the page were read "v v".
    const refund = await ocrFile('test/fixtures/ocr-extra/app_refund_status_cn.png', engine, { lang: 'chi_sim+eng' });
    expect(refund.pages[0]!.preprocessing.map((s) => s.name)).toContain('erase-timelines');
    expect(refund.text.split('\n').map((l) => l.replace(/\s+/gu, ''))).toContain('申请退款商家同意退款到账');
    expect(cer(readFileSync('test/fixtures/ocr-extra/app_refund_status_cn.gt.txt', 'utf8'), refund.text)).toBeLessThanOrEqual(0.02);
    // A green bubble with black text was inverted for the inside of a wallpaper's doodle ring
    // joined to its edge (18 %).
    const chat = await ocrFile('test/fixtures/ocr-extra/chat_doodle_bars_cn.png', engine, { lang: 'chi_sim+eng' });
    expect(chat.text.split('\n').map((l) => l.replace(/\s+/gu, ''))).toEqual(expect.arrayContaining(['还是没有人联系我。', '请按合同减免本月费用。']));
    expect(cer(readFileSync('test/fixtures/ocr-extra/chat_doodle_bars_cn.gt.txt', 'utf8'), chat.text)).toBeLessThanOrEqual(0.02);
  }, 120_000);

  it('reads a receipt whose sheet waves and a bill with an S-shaped wave, their lines straightened first', async () => {
    // Its amounts stood a third of a line above or below their labels, and its rules curved:
    // "Pg : 0919-43 47-208", "SR ey", "預繳電信費 si" (19 %).
    const wavy = await ocrFile('test/fixtures/ocr-extra/photo_receipt_wavy_tw.jpg', engine, { lang: 'chi_tra+eng' });
    expect(wavy.pages[0]!.preprocessing.map((s) => s.name)).toContain('straighten-lines');
    const rows = wavy.text.split('\n').map((l) => l.normalize('NFKC').replace(/\s+/gu, ''));
    expect(rows).toEqual(expect.arrayContaining(['補卡費200', '預繳電信費1,000', '合計NT$1,200']));
    expect(cer(readFileSync('test/fixtures/ocr-extra/photo_receipt_wavy_tw.gt.txt', 'utf8'), wavy.text)).toBeLessThanOrEqual(0.03);
    // An S-shaped wave across an A4 bill: the band holding the table's grey header lined up at a
    // bend of its own, and the header's Amount and the first row's $234.00 were read a row late (11 %).
    const bill = await ocrFile('test/fixtures/ocr-extra/photo_bill_swave_en.jpg', engine, { lang: 'eng' });
    expect(bill.pages[0]!.preprocessing.map((s) => s.name)).toContain('straighten-lines');
    expect(bill.text).toMatch(/Description\s+Usage\s+Amount\s+Electricity peak\s+612\.4 kWh at 38\.21c\s+\$234\.00/u);
    expect(cer(readFileSync('test/fixtures/ocr-extra/photo_bill_swave_en.gt.txt', 'utf8'), bill.text)).toBeLessThanOrEqual(0.03);
  }, 120_000);

  it('reads a bill\'s amounts under a coffee ring, a low-resolution bill\'s amounts beside their labels, and dot-matrix print', async () => {
    // The brown ring over three amounts read ".00", "$33." and "$18.6(" (5.8 %); the low-resolution
    // bill's column of amounts was read as one vertical word "282." (25 %); the dot-matrix values
    // were not read at all (61 %).
    const stain = await ocrFile('test/fixtures/ocr-extra/photo_bill_stain_en.jpg', engine, { lang: 'eng' });
    expect(stain.pages[0]!.preprocessing.map((s) => s.name)).toContain('erase-seals');
    expect(stain.text).toMatch(/\$45\.00[\s\S]*\$33\.29[\s\S]*\$18\.60/u);
    expect(cer(readFileSync('test/fixtures/ocr-extra/photo_bill_stain_en.gt.txt', 'utf8'), stain.text)).toBeLessThanOrEqual(0.03);
    const lowres = await ocrFile('test/fixtures/ocr-extra/scan_bill_lowres_tw.jpg', engine, { lang: 'chi_tra+eng' });
    const rows = lowres.text.split('\n').map((l) => l.normalize('NFKC').replace(/\s+/gu, ''));
    expect(rows).toEqual(expect.arrayContaining(['通話費(網外)86', '行動上網加購300', '小額付款代收450']));
    expect(cer(readFileSync('test/fixtures/ocr-extra/scan_bill_lowres_tw.gt.txt', 'utf8'), lowres.text)).toBeLessThanOrEqual(0.06);
    // A JPEG of the invoice (its values printed as dots over a blue form).
    const invoice = await ocrFile('test/fixtures/ocr-extra/invoice_dotmatrix_cn.jpg', engine, { lang: 'chi_sim+eng' });
    expect(invoice.pages[0]!.preprocessing.map((s) => s.name)).toContain('join-dots');
    const values = invoice.text.split('\n').map((l) => l.normalize('NFKC').replace(/\s+/gu, ''));
    expect(values).toEqual(expect.arrayContaining(['金额¥1,080.00', '税额¥97.20']));
    expect(values.some((l) => l.endsWith('购买方张建华'))).toBe(true);
  }, 180_000);

  it('reads a salutation misread as letters, an amount the engine boxed on its comma, and full-width dates read with an extra digit', async () => {
    // 王先生： was read "ThE:", its line read again "ERE:" at 82 (3.8 %).
    const letter = await ocrFile('test/fixtures/ocr-extra/photo_letter_stamp_cn.jpg', engine, { lang: 'chi_sim+eng' });
    expect(letter.text.split('\n').map((l) => l.normalize('NFKC').replace(/\s+/gu, ''))).toContain('王先生:');
    expect(cer(readFileSync('test/fixtures/ocr-extra/photo_letter_stamp_cn.gt.txt', 'utf8'), letter.text)).toBeLessThanOrEqual(0.025);
    // "$168，" boxed as its comma alone: its ink was read again as "[68" beside it (5.5 %).
    const chat = await ocrFile('test/fixtures/ocr-extra/chat_tg_plasma_hk.png', engine, { lang: 'chi_tra+eng' });
    const first = chat.text.split('\n').find((l) => l.includes('帳單'));
    expect(first?.match(/168/gu)).toHaveLength(1);
    expect(cer(readFileSync('test/fixtures/ocr-extra/chat_tg_plasma_hk.gt.txt', 'utf8'), chat.text)).toBeLessThanOrEqual(0.035);
    // １１３／１２／１０ read "313/132/10": too many characters to look spread, spread by its ink.
    const bill = await ocrFile('test/fixtures/ocr-extra/photo_bill_dim_fw_tw.jpg', engine, { lang: 'chi_tra+eng' });
    expect(bill.text.normalize('NFKC')).toMatch(/繳費期限\s*113\/12\/10/u);
    expect(cer(readFileSync('test/fixtures/ocr-extra/photo_bill_dim_fw_tw.gt.txt', 'utf8'), bill.text)).toBeLessThanOrEqual(0.01);
  }, 180_000);

  it('reads black text in a dark-mode chat\'s saturated green bubble', async () => {
    // The bubble (#06c755) was inverted with the page in its least channel, its black text with
    // it: both lines of the reply were lost (22 %).
    const chat = await ocrFile('test/fixtures/ocr-extra/chat_line_dark_fw_tw.png', engine, { lang: 'chi_tra+eng' });
    const text = chat.text.replace(/\s+/gu, '');
    expect(text).toContain('我上個月已經退租了');
    expect(text).toContain('為什麼還有帳單');
    expect(cer(readFileSync('test/fixtures/ocr-extra/chat_line_dark_fw_tw.gt.txt', 'utf8'), chat.text)).toBeLessThanOrEqual(0.02);
  }, 120_000);

  it('reads a failed line again without the next line its garbled words were boxed into', async () => {
    // 【遠傳】您１１月帳單金額 read "[EM] 151 1 ARES", [EM] boxed 50 px tall into the next line:
    // read again from that box, the next line's glyphs garbled the reading too ("了全您11 1月").
    const sms = await ocrFile('test/fixtures/ocr-extra/sms_ios_dark_fw_tw.png', engine, { lang: 'chi_tra+eng' });
    expect(sms.text.replace(/\s+/gu, '')).toContain('【遠傳】您11月帳單金額');
    expect(cer(readFileSync('test/fixtures/ocr-extra/sms_ios_dark_fw_tw.gt.txt', 'utf8'), sms.text)).toBeLessThanOrEqual(0.02);
  }, 120_000);

  it('reads a date on a dark date bar read as digits, and the weekday read as letters after it', async () => {
    // 11月26日 週二 read "118268" at 50 and "B=" at 85.
    const sms = await ocrFile('test/fixtures/ocr-extra/sms_android_blue_mix_tw.png', engine, { lang: 'chi_tra+eng' });
    expect(sms.text.replace(/\s+/gu, '')).toContain('11月26日週二');
    expect(cer(readFileSync('test/fixtures/ocr-extra/sms_android_blue_mix_tw.gt.txt', 'utf8'), sms.text)).toBeLessThanOrEqual(0.03);
  }, 120_000);

  it('reads a chat time beside a bubble once, without the digits the engine put in a line of their own', async () => {
    // 下午7:42 beside the bubble's last line: 下午 read "和" with the bubble, "1:42" a line apart;
    // 下午 read again with the 7:4 beside it came out "下午1:42 7:4".
    const chat = await ocrFile('test/fixtures/ocr-extra/chat_line_teal_fw_tw.png', engine, { lang: 'chi_tra+eng' });
    expect(chat.text).not.toContain('7:4 ');
    expect(chat.text).not.toMatch(/7:4$/mu);
    expect(cer(readFileSync('test/fixtures/ocr-extra/chat_line_teal_fw_tw.gt.txt', 'utf8'), chat.text)).toBeLessThanOrEqual(0.04);
  }, 120_000);

  it('reads an amount under a table\'s faint rule that the layout left out', async () => {
    // 999 under the rule of an e-invoice was read "_999" at 50 with the rule in its cut, and dropped.
    // An engine that has read a large photo keeps its second recogniser: the page must still be
    // read whole, as on its own (cut into two bands, its 門號月租費 was read "全號月和還").
    const warm = createNodeOcrEngine();
    try {
      warm.prepare('chi_tra+eng', 4_000_000);
      const receipt = await ocrFile('test/fixtures/ocr-extra/scan_einvoice_tw.png', warm, { lang: 'chi_tra+eng' });
      expect(receipt.text.split('\n').map((l) => l.replace(/\s+/gu, ''))).toContain('門號月租費999');
      expect(cer(readFileSync('test/fixtures/ocr-extra/scan_einvoice_tw.gt.txt', 'utf8'), receipt.text)).toBeLessThanOrEqual(0.01);
    } finally {
      await warm.dispose();
    }
  }, 120_000);

  it('reads again from rule to rule the unsure cells of a ruled table, figures and commas whole', async () => {
    // Full-width amounts in a ruled table read across its rows: １，２３４ read "1:234", ４，７１３
    // "4 7°13" (the rule down the table's last column read with them).
    const bill = await ocrFile('test/fixtures/ocr-extra/bill_grid_tw.png', engine, { lang: 'chi_tra+eng' });
    const lines = bill.text.split('\n').map((l) => l.replace(/\s+/gu, ''));
    expect(lines).toContain('通話費113/10/01-10/311,234');
    expect(lines).toContain('本期應繳4,713');
    expect(cer(readFileSync('test/fixtures/ocr-extra/bill_grid_tw.gt.txt', 'utf8'), bill.text)).toBe(0);
  }, 120_000);

  it('reads a short bold name the layout left out, which read as a block gives nothing', async () => {
    // The sender's name "EE" alone under an SMS screen's status bar: not in the page's layout, and
    // its cut read as a block gave no line at all; read as a line, "EE" at 96.
    const sms = await ocrFile('test/fixtures/ocr-extra/sms_ios_otp_en.png', engine, { lang: 'eng' });
    expect(sms.text.split('\n').slice(0, 3)).toEqual(['10:14', 'EE', 'Text Message']);
    expect(cer(readFileSync('test/fixtures/ocr-extra/sms_ios_otp_en.gt.txt', 'utf8'), sms.text)).toBe(0);
  }, 120_000);

  it('reads a grey label before figures read as capitals and digits taller than the figures', async () => {
    // 号码 read "S15" at 57, boxed 23 px tall before 186 1023 5577 boxed 19 px.
    const bill = await ocrFile('test/fixtures/ocr-extra/app_bill_unicom_cn.png', engine, { lang: 'chi_sim+eng' });
    expect(bill.text.replace(/\s+/gu, '')).toContain('号码18610235577');
    expect(cer(readFileSync('test/fixtures/ocr-extra/app_bill_unicom_cn.gt.txt', 'utf8'), bill.text)).toBeLessThanOrEqual(0.01);
  }, 120_000);

  it('reads a date pill again at its own size when a figure of a sure reading was read unsure', async () => {
    // 2024年11月28日 read at ¾ of its size with 25 at 71, at its own with 28 at 88.
    const chat = await ocrFile('test/fixtures/ocr-extra/chat_wa_beige_hk.png', engine, { lang: 'chi_tra+eng' });
    expect(chat.text.replace(/\s+/gu, '')).toContain('2024年11月28日');
    // 嘅 is not in chi_tra's character set.
    expect(cer(readFileSync('test/fixtures/ocr-extra/chat_wa_beige_hk.gt.txt', 'utf8'), chat.text)).toBeLessThanOrEqual(0.01);
  }, 120_000);

  it('maps the words of a photographed receipt back through the straightening of the sheet', async () => {
    const result = await ocrFile('test/fixtures/ocr-extra/receipt_photo_cn.jpg', engine, { lang: 'chi_sim+eng' });
    expect(result.pages[0]!.preprocessing.map((s) => s.name)).toEqual(expect.arrayContaining(['whiten-surround', 'rectify']));
    // The total ¥164.00 is printed at about (618–693, 628–649) in the photo, the sheet turned and in perspective.
    const total = result.pages[0]!.words.find((w) => w.text.includes('164.00'));
    expect(total).toBeDefined();
    expect(Math.abs(total!.box.x - 618)).toBeLessThan(15);
    expect(Math.abs(total!.box.y - 628)).toBeLessThan(15);
  }, 120_000);

  it('reads a phone camera\'s 12 MP photo of a contract at the size its text reads best, its words placed in the photo', async () => {
    const file = 'test/fixtures/ocr-extra/photo_contract_cn.jpg';
    const small = await decodeImage(new Uint8Array(readFileSync(file)));
    // The same sheet as a phone camera takes it: 4030 px across, lines about 90 px tall.
    const big = resizeRgba(small.raster, 3.25);
    const result = await ocrRaster({ raster: big, orientation: 1 }, engine, { lang: 'chi_sim+eng' });
    expect(result.preprocessing.map((s) => s.name)).toContain('downscale');
    expect(result.width).toBe(big.width);
    // Shrunk, it read 1.9 % CER alone and 3.3 % after this worker's other readings; read at its
    // full size, 5.4 % (alone) in about twice the time.
    expect(cer(readFileSync(file.replace(/\.jpg$/, '.gt.txt'), 'utf8'), result.text)).toBeLessThanOrEqual(0.04);
    const party = (words: readonly { text: string; box: { x: number; y: number } }[]) => words.find((w) => w.text.includes('刘晓峰'));
    const atSize = await ocrFile(file, engine, { lang: 'chi_sim+eng' });
    const there = party(atSize.pages[0]!.words), here = party(result.words);
    expect(there && here).toBeTruthy();
    expect(Math.abs(here!.box.x - there!.box.x * 3.25)).toBeLessThan(40);
    expect(Math.abs(here!.box.y - there!.box.y * 3.25)).toBeLessThan(40);
  }, 120_000);

  it('reads overlapping calls each with its own options, on a large page\'s two recognisers', async () => {
    const own = createNodeOcrEngine();
    try {
      own.prepare('chi_tra+eng', 200_000);
      expect(own.parallelism).toBe(1);
      own.prepare('chi_tra+eng', 1_000_000);
      expect(own.parallelism).toBe(2);
      const grey = rgbaToGray((await decodeImage(new Uint8Array(readFileSync('test/fixtures/evidence/sms_tw_addon.png')))).raster);
      const asks = [
        { raster: grey, psm: 'auto' as const },
        { raster: cropGray(grey, { x: 0, y: 0, w: grey.width, h: Math.round(grey.height / 3) }), psm: 'single-block' as const },
        { raster: cropGray(grey, { x: 0, y: Math.round(grey.height / 3), w: grey.width, h: Math.round(grey.height / 3) }), psm: 'sparse' as const, blacklist: '0123456789' },
      ];
      const read = (a: (typeof asks)[number]) => own.recognize({ kind: 'raster', raster: a.raster }, { lang: 'chi_tra+eng', psm: a.psm, ...('blacklist' in a ? { blacklist: a.blacklist } : {}) });
      const alone: string[] = [];
      for (const a of asks) alone.push((await read(a)).text);
      const together = (await Promise.all(asks.map(read))).map((r) => r.text);
      expect(together).toEqual(alone);
      // The options told apart: no digit where they were barred.
      expect(alone[0]).toMatch(/\d/);
      expect(alone[2]).not.toMatch(/\d/);
    } finally {
      await own.dispose();
    }
  }, 120_000);

  it('takes embedded text from digital PDF pages and OCRs scanned ones', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595, 842]).drawText('Total amount due 316.00 HKD', { x: 50, y: 780, size: 14, font });
    const png = await doc.embedPng(readFileSync('test/fixtures/evidence/sms_cn_broadband.png'));
    doc.addPage([390, 560]).drawImage(png, { x: 0, y: 0, width: 390, height: 560 });
    const result = await ocrBytes(await doc.save(), engine, { lang: 'chi_sim+eng' });
    expect(result.pages.map((p) => p.source)).toEqual(['pdf-text', 'ocr']);
    expect(result.pages[0]!.text).toBe('Total amount due 316.00 HKD');
    const gt = readFileSync('test/fixtures/evidence/sms_cn_broadband.gt.txt', 'utf8');
    expect(cer(gt, result.pages[1]!.text)).toBeLessThanOrEqual(0.05);
  }, 120_000);
});

describe('the Node engine asked for two languages at once', () => {
  it('answers a reading under way in one language before the recogniser changes to the other', async () => {
    const own = createNodeOcrEngine();
    try {
      const { raster } = await decodeImage(new Uint8Array(readFileSync('test/fixtures/evidence/sms_tw_addon.png')));
      const grey = rgbaToGray(raster);
      own.prepare('chi_tra+eng', grey.width * grey.height);
      // Second readings are asked for side by side; a cell read as English alone is read again
      // with the Chinese model alone meanwhile.
      const both = own.recognize({ kind: 'raster', raster: grey }, { lang: 'chi_tra+eng', psm: 'auto' });
      const chinese = own.recognize({ kind: 'raster', raster: grey }, { lang: 'chi_tra', psm: 'auto' });
      const [a, b] = await Promise.all([both, chinese]);
      expect(a.text.replace(/\s+/gu, '')).toContain('中華電信');
      expect(b.text.replace(/\s+/gu, '')).toContain('中華電信');
    } finally {
      await own.dispose();
    }
  }, 120_000);
});
