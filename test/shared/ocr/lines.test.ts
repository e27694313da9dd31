import { describe, expect, it } from 'vitest';
import { barsAsPronoun, chatTimeColons, commasReadAsStops, dropChevrons, dropGraphicWords, dropOverlaidWords, dropReadReceipts, dropSignatureScrawls, dropSpecks, dropSpreadLetters, dropVerticalMisreads, dropStatusBarIcons, dropAppBarIcons, dropInputBarIcons, dropBrowserChromeIcons, dropStrayQuotes, dropStrayUnderscores, dropListIcons, dropTabBarIcons, dropTallFillers, lineOf, orderAtDashedRule, orderBesidePanel, orderByPanes, orderByRows } from '../../../shared/ocr/lines';
import { line, page, word } from './results';

describe('dropOverlaidWords', () => {
  it('drops an unsure word of letters or symbols lying within a well-read Chinese word (part of it read twice)', () => {
    // 意 (55 × 37) read at 90 and its top read again as "=r" (47 × 13) on a line of its own.
    const out = dropOverlaidWords(page([line([word('同', 93, 680, 697, 40, 37), word('意', 90, 732, 698, 55, 37)], 90), line([word('=r', 45, 732, 697, 47, 13)], 45)]));
    expect(out.lines.map((l) => l.text)).toEqual(['同 意']);
  });

  it.each([
    ['a sure word', word('=r', 75, 732, 697, 47, 13)],
    ['a word with a digit', word('1', 30, 740, 700, 10, 20)],
    ['a word mostly outside', word('=r', 45, 770, 697, 47, 13)],
  ])('keeps %s', (_what, w) => {
    const result = page([line([word('意', 90, 732, 698, 55, 37), w], 90)]);
    expect(dropOverlaidWords(result)).toBe(result);
  });

  it('keeps a word over an unsure Chinese word', () => {
    const result = page([line([word('意', 70, 732, 698, 55, 37), word('=r', 45, 732, 697, 47, 13)], 60)]);
    expect(dropOverlaidWords(result)).toBe(result);
  });
});

describe('dropGraphicWords', () => {
  // Text 28 px tall; an avatar 77 px tall beside the bubbles.
  const text = (t: string, x: number, y: number) => word(t, 92, x, y, 28, 28);
  const body = [line([text('您', 120, 100), text('好', 150, 100), text('，', 180, 100)], 92), line([text('每', 120, 140), text('次', 150, 140), word('129.00', 90, 180, 140, 80, 28)], 91)];

  it('drops an avatar read as an unsure character, alone on its line or set apart at its start', () => {
    const alone = line([word('国', 24, 700, 90, 77, 77)], 24);
    const before = line([word('@', 49, 20, 176, 48, 48), text('中', 98, 186), text('華', 128, 186)], 70);
    const out = dropGraphicWords(page([...body, alone, before]));
    expect(out.lines.map((l) => l.words.map((w) => w.text).join(''))).toEqual(['您好，', '每次129.00', '中華']);
    expect(out.lines[2]!.box).toEqual({ x: 98, y: 186, w: 58, h: 28 });
    expect(out.words).toHaveLength(8);
  });

  it('drops a picture read surely as one or two letters when far taller than the text and as wide per letter ("de" at 79 over a thumbnail)', () => {
    const thumbnail = line([word('de', 79, 150, 300, 301, 141)], 79);
    expect(dropGraphicWords(page([...body, thumbnail])).lines.map((l) => l.text)).toEqual(['您 好 ，', '每 次 129.00']);
    // A large sure character as tall but narrower (a logo's 信) stays.
    const logo = page([...body, line([word('信', 90, 150, 300, 100, 141)], 90)]);
    expect(dropGraphicWords(logo)).toBe(logo);
  });

  it('drops a logo read as unsure letters beside a letterhead\'s two lines, however close to them', () => {
    // The logo (68 × 95 px) 38 px before the name (28 px) and the address (18 px) under it.
    const logo = word('[ea', 35, 77, 352, 68, 95);
    const name = line([logo, ...['中', '国', '广', '电'].map((t, i) => word(t, 93, 183 + i * 32, 389, 28, 28))], 80);
    const address = line(['地', '址', '南', '京'].map((t, i) => word(t, 92, 182 + i * 24, 431, 20, 18)), 85);
    const out = dropGraphicWords(page([...body, name, address]));
    expect(out.lines.map((l) => l.words.map((w) => w.text).join(''))).toEqual(['您好，', '每次129.00', '中国广电', '地址南京']);
    // Beside one line only, a large unsure glyph close to it stays (as 繳 beside 費, below).
    const one = page([...body, name]);
    expect(dropGraphicWords(one)).toBe(one);
    // Four characters are text; so is a glyph between the words of its line (a chat's 凌 read
    // over a bubble's edge after a read receipt's "E", its line read better with it).
    const four = page([...body, line([word('[eal', 35, 77, 352, 68, 95), ...name.words.slice(1)], 80), address]);
    expect(dropGraphicWords(four)).toBe(four);
    const between = page([...body, line([name.words[1]!, word('凌', 0, 215, 352, 68, 95), ...name.words.slice(2).map((w) => ({ ...w, box: { ...w.box, x: w.box.x + 80 } }))], 80), address]);
    expect(dropGraphicWords(between)).toBe(between);
    // Two lines beside it not ranged on it (a table's row and the next one's cells, starting 60 px apart).
    const shifted = page([...body, name, line(address.words.map((w) => ({ ...w, box: { ...w.box, x: w.box.x + 60 } })), 85)]);
    expect(dropGraphicWords(shifted)).toBe(shifted);
  });

  it('drops a table rule read as "|", and read with a quote mark where it jogs ("“|")', () => {
    const row = line([word('Item', 90, 40, 100, 50, 20), word('|', 60, 100, 96, 4, 28), word('Qty', 91, 120, 100, 40, 20)], 80);
    expect(dropGraphicWords(page([...body, row])).lines[2]!.text).toBe('Item Qty');
    const cell = line([word('生效时间', 95, 40, 100, 110, 26), word('“|', 68, 170, 96, 3, 26), word('2024年8月1日', 90, 190, 100, 150, 26)], 80);
    expect(dropGraphicWords(page([...body, cell])).lines[2]!.text).toBe('生效时间 2024年8月1日');
  });

  it('keeps large text that is confident, long, a number or close to its line', () => {
    const heading = line([word('帳單查詢', 90, 100, 20, 160, 60)], 90);
    const amount = line([word('$1,399', 60, 100, 300, 150, 60)], 60);
    const bigUnsure = line([word('繳', 60, 100, 400, 60, 60), text('費', 165, 410)], 70); // 5 px from the next word
    const sure = line([word('信', 89, 300, 20, 30, 49)], 89);
    const result = page([...body, heading, amount, bigUnsure, sure]);
    expect(dropGraphicWords(result)).toBe(result);
  });

  it('drops an unsure dash boxed far wider than a character (a banner gradient\'s edge read "一一一")', () => {
    const edge = line([word('一', 59, 156, 459, 221, 118), word('一', 62, 377, 463, 236, 77), word('一', 64, 613, 459, 193, 118)], 62);
    const stroke = line([word('申請', 93, 100, 600, 56, 28), word('一', 2, 300, 590, 321, 52)], 60);
    const out = dropGraphicWords(page([...body, edge, stroke]));
    expect(out.lines.map((l) => l.words.map((w) => w.text).join(''))).toEqual(['您好，', '每次129.00', '申請']);
  });

  it('keeps a dash boxed like a character, a sure one, and a long dash of two', () => {
    const dashes = line([text('第', 120, 300), word('一', 62, 150, 300, 28, 40), text('條', 180, 300), word('—', 90, 220, 300, 90, 10), word('——', 60, 320, 300, 90, 12)], 80);
    const result = page([...body, dashes]);
    expect(dropGraphicWords(result)).toBe(result);
  });
});

describe('dropVerticalMisreads', () => {
  it('drops a column of short lines read as one unsure vertical word ("282." for 0, 86, 300, 450)', () => {
    const labels = line([word('通話費', 93, 90, 292, 190, 36)], 93);
    const column = line([word('282.', 26, 1319, 296, 55, 218)], 26);
    const out = dropVerticalMisreads(page([labels, column]));
    expect(out.lines.map((l) => l.text)).toEqual(['通話費']);
  });

  it('keeps a word read surely down a column, a single character, punctuation, and tall but not twice as tall as wide', () => {
    const result = page([
      line([word('中華電信', 90, 10, 10, 40, 160)], 90),
      line([word('元', 30, 100, 10, 20, 60)], 30),
      line([word('11', 30, 200, 10, 30, 50)], 30),
      line([word('好', 92, 300, 10, 34, 34), word('。,', 7, 340, 10, 17, 54)], 50),
    ]);
    expect(dropVerticalMisreads(result)).toBe(result);
  });
});

describe('orderByRows', () => {
  const at = (text: string, x: number, y: number, w = 120) => line([word(text, 90, x, y, w, 20)], 90);

  it('reads row by row, joining lines side by side left to right', () => {
    // The engine's block order: the title, the details, then the right margin's pieces.
    const result = page([at('SkyLink eSIM', 40, 20), at('Invoice No.: INV-2024-118273', 40, 80, 300), at('Customer ID: C-5502817', 40, 110, 260), at('INVOICE', 600, 22), at('Date: Nov 3, 2024', 500, 81, 200), at('Status: Paid', 500, 112)]);
    const out = orderByRows(result);
    expect(out.lines.map((l) => l.text)).toEqual(['SkyLink eSIM INVOICE', 'Invoice No.: INV-2024-118273 Date: Nov 3, 2024', 'Customer ID: C-5502817 Status: Paid']);
    expect(out.words.map((w) => w.text)).toEqual(['SkyLink eSIM', 'INVOICE', 'Invoice No.: INV-2024-118273', 'Date: Nov 3, 2024', 'Customer ID: C-5502817', 'Status: Paid']);
    expect(out.lines[0]!.box).toEqual({ x: 40, y: 20, w: 680, h: 22 });
  });

  it('puts a piece the engine read last back on its row', () => {
    const result = page([at('、因本公司服務品質不良', 86, 100, 400), at('用戶得不負擔前款補償款', 86, 130, 400), at('三', 60, 101, 20)]);
    expect(orderByRows(result).lines.map((l) => l.text)).toEqual(['三 、因本公司服務品質不良', '用戶得不負擔前款補償款']);
  });

  it('orders a row\'s words left to right when a line reaches over a cell read on its own', () => {
    // A table row: the engine read the item with its quantity and amount, the period apart.
    const across = line([word('月租費', 90, 40, 100, 100, 20), word('1', 90, 460, 100, 10, 20), word('699', 90, 560, 100, 40, 20)], 90);
    const result = page([across, at('113/09/01-113/09/30', 280, 101, 150)]);
    expect(orderByRows(result).lines.map((l) => l.text)).toEqual(['月租費 113/09/01-113/09/30 1 699']);
  });

  it('joins rows by the band of a line\'s words, not by boxes of a second reading that reach over the time under it', () => {
    // A chat message read again: most of its words 36 px tall, three boxed 55 px from 5 px above
    // (their union reaches 853); its time (22 px) starts at 835, under the message's glyphs.
    const tall = (text: string, x: number) => word(text, 95, x, 798, 40, 55);
    const message = lineOf([word('請', 96, 529, 803, 36, 36), word('取消', 96, 577, 803, 80, 36), tall('並', 660), tall('退還', 703), tall('990', 760), word('元', 92, 834, 806, 20, 33), word('謝謝', 91, 897, 803, 70, 36), word('。', 93, 984, 815, 12, 12)], 93);
    expect(message.box).toEqual({ x: 529, y: 798, w: 467, h: 55 });
    const time = line([word('下午9:36', 90, 397, 835, 90, 22)], 90);
    expect(orderByRows(page([message, time])).lines.map((l) => l.text)).toEqual(['請 取消 並 退還 990 元 謝謝 。', '下午9:36']);
    // The engine's own line box is tight: a line read once keeps its box as its band.
    expect(orderByRows(page([{ ...message, box: { ...message.box, y: 803, h: 36 } }, time])).lines).toHaveLength(2);
  });

  it('does not let a line much taller than the others join rows together', () => {
    // Stray marks at the margin read as one line 90 px tall beside three rows of text.
    const stray = line([word('a]ishall', 20, 10, 95, 30, 90)], 20);
    const result = page([at('中国电信宽带服务协议', 60, 100, 400), at('第六条', 60, 130), at('6.1 本协议有效期', 60, 160, 300), stray]);
    // In order of their middles, each its own row.
    expect(orderByRows(result).lines.map((l) => l.text)).toEqual(['中国电信宽带服务协议', '第六条', 'a]ishall', '6.1 本协议有效期']);
  });

  it('reads a title set large before the lines at the right margin that start level with it', () => {
    // A fapiao's head: its title 43 px tall (more than 1.8 times the 20 px lines), the invoice's
    // code, number and date at the right, the code's top 1 px above the title's; 发 票 联 under
    // the title, level with the date; the machine's number and the check code read as one line.
    const title = line([word('广东增值税普通发票', 93, 436, 85, 385, 43)], 93);
    const across = line([word('机器编号：661918402376', 90, 92, 185, 300, 20), word('校验码：57231', 90, 925, 185, 200, 20)], 90);
    const result = page([title, at('发票代码：044032400111', 925, 84, 214), at('发票号码：20571386', 925, 118, 175), at('开票日期：2024年11月12日', 926, 152, 231), at('发 票 联', 573, 160, 114), across]);
    expect(orderByRows(result).lines.map((l) => l.text)).toEqual(['广东增值税普通发票', '发票代码：044032400111', '发票号码：20571386', '发 票 联 开票日期：2024年11月12日', '机器编号：661918402376 校验码：57231']);
    // A tall line (stray marks) at the right of lines level with it keeps its place by its middle.
    const stray = line([word('a]ishall', 20, 600, 95, 30, 90)], 20);
    const lines = page([at('中国电信宽带服务协议', 60, 100, 400), at('第六条', 60, 130), at('6.1 本协议有效期', 60, 160, 300), stray]);
    expect(orderByRows(lines).lines.map((l) => l.text)).toEqual(['中国电信宽带服务协议', '第六条', 'a]ishall', '6.1 本协议有效期']);
  });

  it('lets a line whose box a few tall words stretch join its row, judged by its words\' band', () => {
    // An invoice's 价税合计 row: its words 22 px tall, 写 and ) boxed 43 px from 7 px above, and
    // the 小写 amount level with it at the right. By its box the line was taller than 1.8 times
    // most, joined nothing, and the amount was read as a row of its own.
    const chinese = lineOf([word('价税合计', 93, 221, 772, 100, 22), word('(大', 92, 333, 772, 30, 23), word('写', 82, 370, 765, 18, 43), word(')', 92, 388, 765, 8, 43), word('壹佰陆拾玖元整', 90, 516, 771, 170, 23)], 90);
    expect(chinese.box.h).toBe(43);
    const amount = line([word('(小写)', 92, 1237, 772, 75, 22), word('¥169.00', 92, 1318, 774, 90, 18)], 92);
    const result = page([at('合计', 221, 712, 50), chinese, at('账期：2024年09月', 221, 830, 200), amount, at('开票人：系统', 221, 960, 150)]);
    expect(orderByRows(result).lines.map((l) => l.text)).toEqual(['合计', '价税合计 (大 写 ) 壹佰陆拾玖元整 (小写) ¥169.00', '账期：2024年09月', '开票人：系统']);
  });

  it('reads a menu beside a page\'s text column by column, and a label beside its value row by row', () => {
    // A web page: a menu of three items on the left, a title and label: value rows on the right,
    // the labels and the values read as blocks of their own; the menu's items are a line apart
    // and only two fall on a row of the page's text.
    const h = (text: string, x: number, y: number, w: number) => line([word(text, 90, x, y, w, 35)], 90);
    const menu = [h('申訴進度查詢', 63, 65, 212), h('我的申訴案件', 60, 143, 215), h('常見問題', 60, 220, 142)];
    const labels = ['受理日期', '申訴業者', '申訴事由', '處理狀態'].map((t, i) => h(t, 633 + (i % 2) * 3, 211 + i * 78, 166));
    const values = ['113年11月28日', '中華電信', '未經同意開通', '已轉業者處理'].map((t, i) => h(t, 816, 211 + i * 78, 240));
    const title = line([word('申訴案件 NCC-1131128-0042', 90, 636, 75, 714, 52)], 90);
    const out = orderByRows(page([...menu, title, ...labels, ...values, h('下載申訴書', 634, 639, 296)]));
    expect(out.lines.map((l) => l.text)).toEqual(['申訴進度查詢', '我的申訴案件', '常見問題', '申訴案件 NCC-1131128-0042', '受理日期 113年11月28日', '申訴業者 中華電信', '申訴事由 未經同意開通', '處理狀態 已轉業者處理', '下載申訴書']);
    // A form's labels far from their values, one heading alone and one value wrapped onto a second
    // line: the rows pair up, and are read across.
    const form = page([h('帳單明細', 60, 40, 140), ...['帳戶號碼', '用戶門號', '計費期間', '月租費'].map((t, i) => h(t, 60, 100 + i * 46, 140)), ...['8820-1173-55', '0980-552-316', '113/10/01～113/10/31', '599元'].map((t, i) => h(t, 360, 100 + i * 46, 220)), h('（含加值服務）', 360, 284, 220)]);
    expect(orderByRows(form).lines.map((l) => l.text)).toEqual(['帳單明細', '帳戶號碼 8820-1173-55', '用戶門號 0980-552-316', '計費期間 113/10/01～113/10/31', '月租費 599元', '（含加值服務）']);
    // A phone's clock alone at the left, a title centred below it, then a label and its value and
    // a row read across as one line: no column.
    const titled = page([h('15:06', 42, 30, 73), h('消费投诉登记', 439, 122, 202), h('投诉人', 41, 247, 91), h('李红梅', 301, 247, 88), h('联系电话 136 0123 4578', 41, 347, 458)]);
    expect(orderByRows(titled).lines.map((l) => l.text)).toEqual(['15:06', '消费投诉登记', '投诉人 李红梅', '联系电话 136 0123 4578']);
  });

  it('keeps an app\'s list of payments in order: amounts level with neither line of their item are no column', () => {
    // Each item: a payee, its date under it, the amount at the right between the two; under the
    // list, a tab bar with four labels far apart.
    const h = (text: string, x: number, y: number, w: number, height = 30) => line([word(text, 90, x, y, w, height)], 90);
    const items = [['遠傳電信帳單代繳', '-1,399'], ['退款 遠傳電信', '+800'], ['全家便利商店', '-65'], ['轉帳給 陳小姐', '-2,000']].flatMap(([payee, amount], i) => [
      h(payee!, 150, 100 + i * 130, 250), h(amount!, 1027 - amount!.length * 14, 135 + i * 130, amount!.length * 14, 25), h(`11/2${i} 09:12`, 150, 170 + i * 130, 120, 22),
    ]);
    const tabs = ['首頁', '付款', '紀錄', '我的'].map((t, i) => h(t, 114 + i * 270, 700, 42, 22));
    const out = orderByRows(page([...items, ...tabs]));
    expect(out.lines.map((l) => l.text)).toEqual([...items.map((l) => l.text), '首頁 付款 紀錄 我的']);
  });

  it('reads a letterhead\'s name before the address beside it, when their lines do not pair up row for row', () => {
    // The engine read across the gutter: the address (small, ranged right) joined to the name's
    // lines (large) level with it. Below the letterhead, after a gap, the addressee.
    const w = (text: string, x: number, y: number, width: number, height = 16) => word(text, 92, x, y, width, height);
    const result = page([
      line([w('PO Box 730, Warrington WA4 6WU', 819, 126, 303, 18)], 92),
      line([w('Communications', 249, 130, 232, 50), w('Telephone: 0330 440 1614', 895, 148, 226, 23)], 92),
      line([w('Dispute Service', 249, 165, 215, 29), w('cds.example.org.uk', 954, 181, 167, 19)], 92),
      line([w('Ms Priya Natarajan', 179, 282, 193, 23)], 92),
      line([w('Flat 4, 27 Ashgrove Road', 179, 317, 257, 23)], 92),
      line([w('Leeds', 179, 352, 60, 18)], 92),
    ]);
    const out = orderByRows(result);
    expect(out.lines.map((l) => l.text)).toEqual(['Communications', 'Dispute Service', 'PO Box 730, Warrington WA4 6WU', 'Telephone: 0330 440 1614', 'cds.example.org.uk', 'Ms Priya Natarajan', 'Flat 4, 27 Ashgrove Road', 'Leeds']);
    expect(out.words).toHaveLength(8);
    // An address beside account details ranged right in the same type, their rows apart: read row by row.
    const same = page([
      ...['Mr Oliver Bennett', '14 Castle Street', 'Leeds LS1 4AB'].map((t, i) => line([w(t, 40, 110 + i * 26, 140)], 92)),
      ...[['Account summary', 150], ['Previous balance £42.50', 230], ['Payment received -£42.50', 240], ['Amount due £51.98', 170]].map(([t, width], i) => line([w(t as string, 840 - (width as number), 110 + i * 35, width as number)], 92)),
    ]);
    expect(orderByRows(same).lines.map((l) => l.text)).toEqual(['Mr Oliver Bennett Account summary', '14 Castle Street', 'Previous balance £42.50', 'Leeds LS1 4AB', 'Payment received -£42.50', 'Amount due £51.98']);
    // The same lines set level with each other (labels and their values) are read across.
    const paired = page([0, 1, 2].map((i) => line([w(['Account number', 'Invoice number', 'Issue date'][i]!, 249, 130 + i * 30, 200), w(['6104 2287 53', 'WM-240930-118427', '03 Oct 2024'][i]!, 895, 130 + i * 30, 200)], 92)));
    expect(orderByRows(paired)).toBe(paired);
    // Labels boxed twice as tall as their amounts stand on rows of their own; as many on each
    // side, they pair up: read across.
    const totals = page([['Subtotal', 'USD 49.00'], ['GST (0%)', 'USD 0.00'], ['Total', 'USD 49.00']].map(([label, amount], i) => line([w(label!, 501, 450 + i * 34, 67, 32), w(amount!, 683, 459 + i * 34, 85, 13)], 92)));
    expect(orderByRows(totals).lines.map((l) => l.text)).toEqual(['Subtotal USD 49.00', 'GST (0%) USD 0.00', 'Total USD 49.00']);
    // A chat's bubbles at the left and the right, close above each other, follow one another.
    const chat = page([
      line([w('你好，我想查詢帳單', 40, 100, 300, 24)], 92),
      line([w('上個月多收了費用', 40, 130, 260, 24)], 92),
      line([w('好的，請提供門號', 700, 160, 260, 24)], 92),
      line([w('我幫您查詢', 780, 190, 180, 24)], 92),
      line([w('0912-345-678', 40, 220, 200, 24)], 92),
    ]);
    expect(orderByRows(chat)).toBe(chat);
  });

  it('leaves columns of running text and pages already in order alone', () => {
    const column = (x: number) => [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => at(`第${i}行的內文很長很長很長很長很長`, x, 100 + i * 30, 280));
    const twoColumns = page([...column(40), ...column(360)]);
    expect(orderByRows(twoColumns)).toBe(twoColumns);
    // Two boxes of five label: value rows side by side are read across.
    const boxes = (x: number) => [0, 1, 2, 3, 4].map((i) => at(`Statement date: 0${i}/11/2024`, x, 100 + i * 30, 280));
    expect(orderByRows(page([...boxes(40), ...boxes(360)])).lines).toHaveLength(5);
    const ordered = page([at('您好', 40, 20), at('請稍候', 40, 50)]);
    expect(orderByRows(ordered)).toBe(ordered);
  });
});

describe('orderBesidePanel', () => {
  // A web page's menu in a card (right edge at x 320, rows 400…1200) beside a form: the engine reads
  // its items between the form's rows, and the last with the row level with it.
  const item = (t: string, y: number) => word(t, 92, 80, y, 120, 34);
  const form = () => [
    line([word('用户中心', 92, 80, 300, 150, 38), word('申诉详情', 92, 900, 300, 300, 40)], 92),
    line([word('申诉编号', 92, 1000, 470, 130, 33), word('SS2024', 90, 1180, 470, 280, 33)], 91),
    line([item('我的申诉', 420)], 92),
    line([item('申诉查询', 540)], 92),
    line([word('申诉人', 92, 1030, 580, 100, 33), word('陈**', 90, 1180, 580, 60, 33)], 91),
    line([item('满意度评价', 660)], 92),
    line([word('被申诉企业', 92, 960, 690, 170, 33), word('中国移动', 90, 1180, 690, 200, 33)], 91),
    line([item('修改密码', 880), word('处理状态', 92, 1000, 890, 130, 33), word('处理中', 90, 1180, 890, 100, 33)], 91),
    line([word('申诉内容', 92, 1000, 1300, 130, 33)], 92),
  ];
  const edge = { x: 320, y0: 400, y1: 1200 };

  it('reads a menu\'s items beside the form before it, after what lies above them', () => {
    const out = orderBesidePanel(page(form()), edge);
    expect(out.lines.map((l) => l.text)).toEqual(['用户中心 申诉详情', '我的申诉', '申诉查询', '满意度评价', '修改密码', '申诉编号 SS2024', '申诉人 陈**', '被申诉企业 中国移动', '处理状态 处理中', '申诉内容']);
  });

  it('drops the icons before a menu\'s items, read as a glyph or two, but not a numbered list\'s figures', () => {
    const iconed = (icons: string[]) => page(form().map((l) => {
      const k = ['我的申诉', '申诉查询', '满意度评价', '修改密码'].findIndex((t) => l.words[0]!.text === t);
      if (k < 0) return l;
      const [first, ...others] = l.words;
      return lineOf([word(icons[k]!, 70, 40, first!.box.y, 24, 28), { ...first!, box: { ...first!.box, x: 90 } }, ...others], l.confidence);
    }));
    const out = orderBesidePanel(iconed(['B', '以', '(?@', '™']), edge).lines.map((l) => l.text);
    expect(out.slice(0, 5)).toEqual(['用户中心 申诉详情', '我的申诉', '申诉查询', '满意度评价', '修改密码']);
    const numbered = orderBesidePanel(iconed(['1', '2', '3', '4']), edge).lines.map((l) => l.text);
    expect(numbered.slice(1, 5)).toEqual(['1 我的申诉', '2 申诉查询', '3 满意度评价', '4 修改密码']);
  });

  it('leaves the lines as they are when text crosses the edge, a side holds too few lines, or the sides pair up row for row', () => {
    const crossed = page([...form(), line([word('一行跨過選單邊緣的文字', 90, 200, 1000, 500, 33)], 90)]);
    expect(orderBesidePanel(crossed, edge)).toBe(crossed);
    const few = page(form().filter((l) => !/申诉查询|满意度评价/u.test(l.text)));
    expect(orderBesidePanel(few, edge)).toBe(few);
    // A table's first column beside a rule: each cell level with the rest of its row.
    const table = page([0, 1, 2, 3].map((k) => line([word(`項目${k}`, 92, 80, 450 + 100 * k, 120, 34), word(`${k * 100}元`, 92, 900, 452 + 100 * k, 100, 34)], 92)));
    expect(orderBesidePanel(table, edge)).toBe(table);
  });
});

describe('orderAtDashedRule', () => {
  // A payment slip of two stubs parted by a dashed rule at x 495 (text 34 px tall): the engine read
  // each row across the rule, its dashes as "!" and "i".
  const slip = () => page([
    line([word('中華電信', 92, 100, 90, 300, 34), word('繳費通知單', 92, 900, 90, 200, 34)], 92),
    line([word('客戶收執聯', 92, 220, 220, 200, 34), word('!', 40, 493, 222, 4, 20), word('代收機構收執聯', 90, 520, 220, 250, 34)], 80),
    line([word('用戶名稱：林*君', 92, 100, 270, 250, 34), word('!', 40, 493, 272, 4, 20), word('帳單月份', 92, 560, 270, 120, 34)], 80),
    line([word('用戶號碼：0928', 92, 100, 330, 250, 34), word('i', 30, 493, 332, 4, 20), word('113/12/15', 92, 700, 330, 120, 34)], 80),
    line([word('帳單月份：113年11月', 92, 100, 390, 280, 34), word('!戶名：中華電信', 80, 493, 390, 300, 34)], 85),
    line([word('繳費期限：113年12月15日', 92, 100, 440, 300, 34)], 92),
    line([word('i121506000002176', 70, 493, 560, 420, 27)], 70),
    line([word('※逾期未繳將暫停通信服務。', 92, 100, 620, 600, 34)], 92),
  ]);

  it('reads a form of two stubs stub by stub, without the rule\'s dashes', () => {
    expect(orderAtDashedRule(slip(), 34).lines.map((l) => l.text)).toEqual([
      '中華電信 繳費通知單',
      '客戶收執聯', '用戶名稱：林*君', '用戶號碼：0928', '帳單月份：113年11月', '繳費期限：113年12月15日',
      '代收機構收執聯', '帳單月份', '113/12/15', '戶名：中華電信', '121506000002176',
      '※逾期未繳將暫停通信服務。',
    ]);
  });

  it('leaves a page without such a rule as it is: too few marks, a solid rule read "|", marks at the edge of the text', () => {
    const few = page(slip().lines.filter((l) => !/帳單月份：|用戶號碼/u.test(l.text)));
    expect(orderAtDashedRule(few, 34)).toBe(few);
    const solid = page(slip().lines.map((l) => lineOf(l.words.map((w) => (w.text === '!' || w.text === 'i' ? { ...w, text: '|' } : w.text.startsWith('!') ? { ...w, text: `|${w.text.slice(1)}` } : w.text.startsWith('i') ? { ...w, text: `|${w.text.slice(1)}` } : w)), l.confidence)));
    expect(orderAtDashedRule(solid, 34)).toBe(solid);
    // The same marks down the left edge of the text (a list's info icons): no rule between stubs.
    const edge = page([0, 1, 2, 3, 4, 5].map((k) => line([word('i', 60, 100, 100 + 60 * k, 4, 20), word(`項目${k}`, 92, 120, 100 + 60 * k, 120, 34), word(`${k}00元`, 92, 700, 100 + 60 * k, 100, 34)], 90)));
    expect(orderAtDashedRule(edge, 34)).toBe(edge);
  });
});

describe('orderByPanes', () => {
  it('reads pane by pane, cutting a line read across the line between them', () => {
    // A tablet's chat list (left of x 680) and open chat: the engine read each list row with the
    // chat line level with it.
    const across = (a: string, ax: number, b: string, bx: number, y: number) => line([word(a, 92, ax, y, 200, 30), word(b, 90, bx, y, 300, 30)], 91);
    const result = page([across('聊天', 40, '台灣大哥大客服', 730, 40), across('王小明', 40, '您好，您申訴的重複扣款', 760, 160), line([word('明天見', 90, 40, 210, 100, 30)], 90), line([word('1,288元已退回。', 90, 760, 215, 300, 30)], 90)]);
    expect(orderByPanes(result, [680]).lines.map((l) => l.text)).toEqual(['聊天', '王小明', '明天見', '台灣大哥大客服', '您好，您申訴的重複扣款', '1,288元已退回。']);
    expect(orderByPanes(result, []).lines.map((l) => l.text)).toEqual(orderByRows(result).lines.map((l) => l.text));
  });

  it('reads the lines above the panes first, across them', () => {
    // A mail client: its title centred over the line between the list and the message, which starts below the toolbar at y 100.
    const result = page([line([word('Drafts', 90, 30, 160, 60, 20)], 90), line([word('Dear', 90, 720, 160, 50, 20)], 90), line([word('Inbox', 90, 660, 10, 50, 20), word('-', 90, 716, 10, 8, 20), word('jordan', 90, 730, 10, 60, 20)], 90), line([word('Reply', 90, 250, 60, 50, 20), word('Archive', 90, 690, 60, 70, 20)], 90)]);
    expect(orderByPanes(result, [222, 700], 100).lines.map((l) => l.text)).toEqual(['Inbox - jordan', 'Reply Archive', 'Drafts', 'Dear']);
    expect(orderByPanes(result, [222, 700]).lines.map((l) => l.text)).toEqual(['Drafts', 'Inbox', 'Reply', '- jordan', 'Archive', 'Dear']);
  });
});

describe('dropReadReceipts', () => {
  it('drops the ticks read after a message\'s time, and nothing else', () => {
    const result = page([
      line([word('還沒，怎麼了?', 92, 40, 100, 200, 30), word('下午8:15', 90, 260, 108, 80, 20), word('Ww', 60, 345, 108, 20, 20)], 90),
      line([word('WWW', 88, 40, 200, 60, 20), word('w', 80, 110, 200, 12, 20)], 85), // an English line, no time before the w
      line([word('8:20', 90, 40, 300, 40, 20), word('vv', 70, 90, 300, 20, 20)], 80),
      line([word('请帮我退订并退款。', 92, 40, 400, 300, 30), word('10:06', 96, 350, 408, 51, 15), word('wy', 36, 409, 408, 25, 16)], 80),
      line([word('10:06', 96, 350, 500, 51, 15), word('yw', 36, 409, 500, 25, 16)], 80), // no tick reads first as y
    ]);
    expect(dropReadReceipts(result).lines.map((l) => l.text)).toEqual(['還沒，怎麼了? 下午8:15', 'WWW w', '8:20', '请帮我退订并退款。 10:06', '10:06 yw']);
    // Ticks read into the time's word; a quotation's » after text stays.
    const joined = page([line([word('stopped.', 95, 40, 100, 110, 30), word('18:14»', 41, 160, 108, 70, 20)], 90), line([word('«Yes»', 90, 40, 200, 60, 20)], 90)]);
    expect(dropReadReceipts(joined).lines.map((l) => l.text)).toEqual(['stopped. 18:14', '«Yes»']);
  });

  it('drops lower-case ticks after a time read without its colon, whose box may reach over them', () => {
    const result = page([
      line([word('搞錯', 93, 582, 770, 50, 34), word('2110', 57, 929, 789, 84, 17), word('w', 51, 994, 768, 22, 52)], 80),
      line([word('功率', 93, 40, 900, 50, 34), word('1000', 90, 100, 900, 60, 20), word('W', 90, 166, 900, 14, 20)], 90), // watts
      line([word('房間', 93, 40, 960, 50, 34), word('2180', 90, 100, 960, 60, 20), word('w', 60, 166, 960, 14, 20)], 90), // not a time
    ]);
    expect(dropReadReceipts(result).lines.map((l) => l.text)).toEqual(['搞錯 2110', '功率 1000 W', '房間 2180 w']);
  });
});

describe('barsAsPronoun', () => {
  it('reads a bar between English words, close to both, before a lower-case word as I', () => {
    const result = page([
      line([word('Hi,', 95, 395, 371, 40, 30), word('|', 94, 452, 372, 4, 25), word('bought', 95, 473, 371, 119, 33)], 95),
      line([word('OK,', 96, 426, 786, 55, 29), word('|', 85, 498, 786, 4, 25), word('will', 95, 517, 785, 51, 26)], 95),
    ]);
    expect(barsAsPronoun(result).lines.map((l) => l.text)).toEqual(['Hi, I bought', 'OK, I will']);
  });

  it('reads a bar first on a line of English as I: a chat bubble\'s "| was never told it had stopped."', () => {
    const bubble = line([word('|', 83, 60, 900, 4, 26), word('was', 96, 78, 905, 50, 20), word('never', 96, 140, 905, 80, 20), word('told', 95, 232, 900, 55, 26), word('it', 95, 298, 900, 20, 26), word('had', 96, 330, 900, 50, 26), word('stopped.', 95, 392, 900, 110, 32), word('18:14»', 41, 540, 910, 60, 18)], 90);
    const credit = line([word('|', 81, 60, 1000, 4, 26), word('have', 96, 78, 1000, 60, 26), word('raised', 95, 150, 1000, 80, 26), word('a', 96, 240, 1005, 14, 20), word('credit', 95, 264, 1000, 80, 26), word('of', 96, 354, 1000, 26, 26), word('£64.40.', 96, 390, 1000, 100, 30)], 90);
    expect(barsAsPronoun(page([bubble, credit])).lines.map((l) => l.text)).toEqual(['I was never told it had stopped. 18:14»', 'I have raised a credit of £64.40.']);
  });

  it.each([
    ['a table\'s rule between cells', [word('Item', 95, 40, 100, 60, 20), word('|', 90, 300, 100, 4, 24), word('amount', 95, 340, 100, 90, 20)]],
    ['a bar before a capital', [word('Data', 95, 40, 100, 60, 20), word('|', 90, 106, 100, 4, 24), word('Voice', 95, 116, 100, 60, 20)]],
    ['a bar between Chinese words', [word('月租', 95, 40, 100, 40, 20), word('|', 90, 86, 100, 4, 24), word('費用', 95, 96, 100, 40, 20)]],
    ['a table\'s border before its first cell, short of a sentence', [word('|', 90, 40, 100, 4, 24), word('roaming', 95, 52, 100, 90, 20), word('£12.00', 95, 300, 100, 60, 20)]],
    ['a bar before a sentence far from it', [word('|', 90, 40, 100, 4, 24), word('was', 95, 90, 100, 50, 20), word('never', 95, 150, 100, 80, 20), word('told', 95, 240, 100, 55, 20)]],
  ])('leaves %s', (_what, words) => {
    const result = page([line(words, 90)]);
    expect(barsAsPronoun(result)).toBe(result);
  });
});

describe('chatTimeColons', () => {
  it('puts the colon back in a small time at the end of a line, before its read receipt', () => {
    const result = page([
      line([word('9', 96, 394, 420, 17, 25), word('Nov', 96, 428, 420, 62, 25), word('(receipt', 96, 505, 419, 128, 33), word('no.', 96, 645, 420, 40, 25), word('MK-55102).', 95, 695, 419, 201, 33), word('15.02', 0, 921, 433, 92, 17)], 90),
      line([word('Saturday.', 95, 743, 785, 154, 33), word('OK,', 96, 426, 786, 55, 29), word('15.26', 62, 921, 799, 92, 17), word('»', 65, 996, 781, 21, 41)], 90),
    ]);
    expect(chatTimeColons(result).lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['9 Nov (receipt no. MK-55102). 15:02', 'OK, Saturday. 15:26 »']);
    expect(dropReadReceipts(chatTimeColons(result)).lines[1]!.text).toBe('OK, Saturday. 15:26');
  });

  it.each([
    ['an amount as tall as its text', [word('refund', 93, 40, 100, 100, 26), word('HK$', 93, 150, 100, 50, 26), word('15.02', 90, 230, 100, 70, 26)]],
    ['a small number close after the text', [word('refund', 93, 40, 100, 100, 26), word('total', 93, 150, 100, 50, 26), word('15.02', 90, 203, 105, 70, 17)]],
    ['no time of day', [word('refund', 93, 40, 100, 100, 26), word('total', 93, 150, 100, 50, 26), word('25.72', 90, 260, 105, 70, 17)]],
    // A phone bill's row: 代收费 and its amount 20.00 at the far right, digits 0.76 of the label's height.
    ['an amount far right of its label in a bill', [word('代', 92, 130, 588, 19, 19), word('收', 92, 154, 587, 14, 20), word('费', 90, 172, 588, 19, 19), word('20.00', 92, 901, 592, 48, 14)]],
  ])('leaves %s', (_what, words) => {
    const result = page([line(words, 90)]);
    expect(chatTimeColons(result)).toBe(result);
  });
});

describe('dropStatusBarIcons', () => {
  it('drops unsure short words on the row of a clock at the top of the page', () => {
    const bar = line([word('16:08', 88, 37, 22, 50, 19), word('al', 67, 580, 19, 20, 20), word('EE', 26, 649, 16, 30, 23), word('ull', 80, 700, 20, 40, 20), word('=', 75, 760, 19, 40, 20), word('LTE', 90, 820, 20, 40, 20)], 60);
    const title = line([word('數碼通', 92, 100, 70, 90, 24), word('SmarTone', 90, 200, 70, 110, 24)], 91);
    const out = dropStatusBarIcons(page([bar, title]));
    expect(out.lines.map((l) => l.text)).toEqual(['16:08 LTE', '數碼通 SmarTone']);
  });

  it('drops a lock screen\'s status bar without a clock: a topmost row of unsure short words at the very top', () => {
    const bar = line([word('all', 68, 980, 48, 37, 19), word('@', 31, 1049, 45, 49, 23)], 50);
    const date = line([word('11月21日', 92, 461, 197, 140, 49), word('星期四', 96, 612, 197, 100, 49)], 93);
    expect(dropStatusBarIcons(page([bar, date]), 1080).lines.map((l) => l.text)).toEqual(['11月21日 星期四']);
    // Lower on the page, or holding Chinese or a sure word, such a row is text.
    for (const [first, height] of [[bar, 400], [line([word('訊息', 60, 980, 48, 37, 19)], 60), 1080], [line([word('all', 68, 980, 48, 37, 19), word('Wi-Fi', 90, 1049, 45, 49, 23)], 80), 1080]] as const) {
      const result = page([first, date]);
      expect(dropStatusBarIcons(result, height)).toBe(result);
    }
  });

  it('drops the icons of a status bar that shows the operator\'s name instead of a clock, far to its right', () => {
    const bar = line([word('中国移动', 93, 42, 29, 101, 26), word('ml', 41, 920, 32, 37, 19), word('@', 53, 989, 29, 49, 23)], 70);
    const clock = line([word('14:36', 95, 46, 100, 210, 80), word('10月16日', 92, 285, 142, 120, 40)], 93);
    expect(dropStatusBarIcons(page([bar, clock]), 1566).lines.map((l) => l.text)).toEqual(['中国移动', '14:36 10月16日']);
    // Words close after the name, a sure word, or the name lower on the page, are text.
    for (const [first, height] of [
      [line([word('中国移动', 93, 42, 29, 101, 26), word('ml', 41, 160, 32, 37, 19)], 70), 1566],
      [line([word('中国移动', 93, 42, 29, 101, 26), word('5G', 90, 920, 32, 37, 19)], 90), 1566],
      [bar, 300],
    ] as const) {
      const result = page([first, clock]);
      expect(dropStatusBarIcons(result, height)).toBe(result);
    }
  });

  it('keeps a date running on from the clock\'s row without a blank, however unsure its Chinese', () => {
    // A notification shade: 23:18 11月24日 週日, its 日 and 週日 read at 83; a Wi-Fi icon read 令 at
    // 60 a blank after the date, and an unsure 日 touching that dropped icon, are dropped.
    const row = (more: ReturnType<typeof word>[]) => line([word('23:18', 90, 50, 106, 136, 43), word('11', 93, 215, 123, 36, 25), word('月', 90, 251, 118, 25, 40), word('24', 91, 276, 123, 40, 25), word('日', 83, 316, 118, 23, 40), word('週日', 83, 340, 122, 50, 26), ...more], 88);
    const body = line([word('訊息', 96, 137, 499, 46, 24)], 96);
    expect(dropStatusBarIcons(page([row([]), body])).lines.map((l) => l.text)).toEqual(['23:18 11 月 24 日 週日', '訊息']);
    expect(dropStatusBarIcons(page([row([word('令', 60, 900, 118, 30, 30), word('日', 70, 931, 118, 23, 30)]), body])).lines.map((l) => l.text)).toEqual(['23:18 11 月 24 日 週日', '訊息']);
  });

  it('leaves pages without a clock on top, and sure or numeric words beside one, alone', () => {
    const header = page([line([word('中華電信', 94, 300, 29, 90, 29), word('800', 92, 428, 32, 40, 24)], 93)]);
    expect(dropStatusBarIcons(header)).toBe(header);
    const bar = page([line([word('10:24', 90, 42, 26, 50, 18), word('5G', 60, 600, 26, 20, 18), word('LTE', 90, 640, 26, 30, 18)], 80)]);
    expect(dropStatusBarIcons(bar)).toBe(bar);
  });
});

describe('dropAppBarIcons', () => {
  const screen = { width: 1080, height: 1480 };
  const clock = line([word('10:08', 90, 42, 30, 72, 22)], 90);
  const body = line([word('您好，請問有什麼可以為您服務？', 92, 160, 330, 600, 34)], 92);

  it('drops an app bar\'s icons far right of the title, a back arrow read as marks and a badge read as a character', () => {
    // A LINE chat: back arrow read 《 ”, the verified badge 史 at 0, search and menu read 以 and =.
    const bar = line([word('《', 28, 33, 119, 25, 43), word('”', 28, 73, 112, 24, 59), word('遠', 74, 97, 122, 53, 34), word('傳', 93, 150, 112, 30, 59), word('電信', 53, 180, 122, 49, 34), word('史', 0, 245, 116, 31, 37), word('以', 81, 868, 116, 40, 40), word('=', 95, 970, 120, 39, 33)], 60);
    expect(dropAppBarIcons(page([clock, bar, body]), screen).lines.map((l) => l.text)).toEqual(['10:08', '遠 傳 電信', body.text]);
    // A blue shield read 已 at 19, half a row's height after 中華電信: dropped; read close after
    // the title, a last character read so unsure stays.
    const title = (x: number) => line([word('中', 88, 99, 122, 28, 34), word('華電', 93, 143, 122, 54, 34), word('信', 91, 208, 122, 23, 34), word('已', 19, x, 116, 19, 37), word('Q', 91, 862, 116, 44, 44)], 80);
    expect(dropAppBarIcons(page([clock, title(257), body]), screen).lines.map((l) => l.text)).toEqual(['10:08', '中 華電 信', body.text]);
    expect(dropAppBarIcons(page([clock, title(235), body]), screen).lines.map((l) => l.text)).toEqual(['10:08', '中 華電 信 已', body.text]);
    // A menu's three dots read "cee", a third of the row's height tall.
    const dots = line([word('中', 96, 441, 122, 28, 34), word('国电', 93, 483, 123, 56, 33), word('信', 90, 546, 122, 27, 34), word('客服', 90, 582, 122, 59, 34), word('cee', 63, 993, 135, 55, 11)], 90);
    expect(dropAppBarIcons(page([clock, dots, body]), screen).lines.map((l) => l.text)).toEqual(['10:08', '中 国电 信 客服', body.text]);
  });

  it('drops a book-title mark opening an app bar\'s title that nothing on the row closes, however sure', () => {
    // An iOS Mail message: the back chevron read 《 at 81 hugging 收件匣.
    const bar = (closing: string) => line([word('《', 81, 27, 127, 27, 47), word('收', 92, 77, 130, 43, 38), word('件', 93, 122, 131, 26, 37), word(`匣${closing}`, 77, 158, 132, 30, 35)], 80);
    expect(dropAppBarIcons(page([clock, bar(''), body]), screen).lines.map((l) => l.text)).toEqual(['10:08', '收 件 匣', body.text]);
    // Closed on the row, it is the title's own mark.
    const titled = page([clock, bar('》'), body]);
    expect(dropAppBarIcons(titled, screen)).toBe(titled);
  });

  it('drops a back arrow alone on its row above a large title', () => {
    // An Android settings page: the arrow read 所 at 52 on its row, 流量使用情况 set large below it.
    const title = line([word('流量使用情况', 96, 50, 245, 310, 50)], 96);
    const arrow = (x: number) => line([word('所', 52, x, 121, 42, 39)], 52);
    expect(dropAppBarIcons(page([clock, arrow(35), title, body]), screen).lines.map((l) => l.text)).toEqual(['10:08', '流量使用情况', body.text]);
    // Away from the page's left edge, a character alone is the row's text.
    const result = page([clock, arrow(400), title, body]);
    expect(dropAppBarIcons(result, screen)).toBe(result);
  });

  it('drops a verified tick read as a symbol after the title, and icons read unsure far right', () => {
    // A WhatsApp business chat: the tick read "©" at 87, the video call and call buttons "O«\\" at 28, the menu ":".
    const title = (badge: ReturnType<typeof word>, icons: ReturnType<typeof word>[]) => line([word('城', 86, 196, 107, 27, 54), word('訊', 93, 229, 107, 33, 54), word('流動', 96, 262, 102, 48, 59), word('客戶', 96, 324, 107, 65, 32), word('服務', 92, 390, 107, 48, 32), badge, ...icons], 85);
    const icons = [word('O«\\', 28, 828, 118, 135, 42), word(':', 76, 1016, 119, 9, 42)];
    expect(dropAppBarIcons(page([clock, title(word('©', 87, 457, 111, 23, 27), icons), body]), screen).lines.map((l) => l.text)).toEqual(['10:08', '城 訊 流動 客戶 服務', body.text]);
    // A brand's mark touching the title, and a text button read surely far right, stay.
    expect(dropAppBarIcons(page([clock, title(word('®', 87, 440, 108, 14, 14), [word('Edit', 92, 950, 118, 60, 32)]), body]), screen).lines.map((l) => l.text)).toEqual(['10:08', '城 訊 流動 客戶 服務 ® Edit', body.text]);
  });

  it('drops icons standing between a title and the subtitle under it, and a back arrow read as a character set apart', () => {
    // An SMS thread: back arrow read 所, a video call's camera read 口 4 level with the subtitle.
    const title = line([word('所', 62, 35, 121, 42, 39), word('10010', 91, 192, 110, 92, 24)], 80);
    const subtitle = line([word('中国联通', 93, 192, 133, 88, 38), word('口', 87, 864, 124, 48, 33), word('4', 91, 912, 120, 13, 52)], 90);
    expect(dropAppBarIcons(page([clock, title, subtitle, body]), screen).lines.map((l) => l.text)).toEqual(['10:08', '10010', '中国联通', body.text]);
    // An e-mail app's bar of icons alone.
    const icons = line([word('O', 87, 748, 116, 45, 45), word('0', 77, 847, 110, 59, 59), word('=', 89, 940, 110, 59, 59)], 85);
    expect(dropAppBarIcons(page([clock, icons, body]), screen).lines.map((l) => l.text)).toEqual(['10:08', body.text]);
  });

  it('keeps text buttons, page counts, titles at the left and everything on photos or lower down', () => {
    const kept = [
      line([word('編輯', 90, 100, 116, 70, 34), word('訊息', 92, 470, 116, 70, 34), word('完成', 93, 960, 116, 70, 34)], 90),
      line([word('202411账单.pdf', 92, 101, 116, 200, 33), word('1/3', 96, 1006, 120, 40, 25)], 92),
      line([word('Done', 95, 30, 116, 70, 34), word('Inbox', 95, 470, 116, 90, 34)], 95),
      line([word('客服', 95, 470, 116, 70, 34), word('More', 95, 960, 116, 80, 34)], 95),
      line([word('客服', 95, 470, 116, 70, 34), word('更多', 95, 960, 130, 60, 15)], 95),
      line([word('阿', 78, 102, 116, 33, 33), word('強', 92, 143, 116, 33, 33), word('以', 81, 900, 116, 40, 40), word('中', 90, 950, 116, 33, 33), word('文', 90, 990, 116, 33, 33)], 80),
      line([word('所', 62, 35, 121, 42, 39), word('10010', 91, 70, 110, 92, 24)], 80),
    ];
    for (const bar of kept) {
      const result = page([clock, bar, body]);
      expect(dropAppBarIcons(result, screen)).toBe(result);
    }
    const bar = line([word('亞太電信客服', 96, 101, 122, 214, 35), word('Q', 91, 862, 116, 44, 44), word('=', 96, 970, 122, 41, 33)], 90);
    for (const [result, size] of [[page([clock, bar, body]), undefined], [page([clock, bar, body]), { width: 1080, height: 600 }], [page([bar, body]), screen]] as const) {
      expect(dropAppBarIcons(result, size)).toBe(result);
    }
    expect(dropAppBarIcons(page([clock, bar, body]), screen).lines.map((l) => l.text)).toEqual(['10:08', '亞太電信客服', body.text]);
  });
});

describe('dropBrowserChromeIcons', () => {
  const page1600 = { width: 1600, height: 1064 };
  it("drops a desktop browser's icons read as text from its tab strip and address bar, and keeps its titles and address", () => {
    const result = page([
      // A tab's favicon, its title (single characters 7 px apart), its close ✕; the new-tab +, the window's □ and ✕.
      line([word('O', 83, 25, 21, 18, 18), word('申訴', 95, 58, 21, 28, 17), word('進', 96, 93, 21, 9, 17), word('度', 96, 109, 21, 9, 17), word('一', 92, 125, 28, 8, 3), word('遠', 91, 140, 21, 18, 17), word('X', 89, 353, 22, 13, 13), word('十', 94, 767, 20, 20, 20), word('口', 92, 1504, 21, 17, 18), word('X', 88, 1560, 21, 19, 18)], 90),
      // The arrows, the padlock 14 px before the address.
      line([word('&~', 26, 16, 62, 22, 19), word('G0', 51, 93, 56, 23, 29), word('台', 48, 150, 60, 16, 21), word('cs.fetnet.example/complaint/progress', 90, 180, 65, 463, 15)], 80),
      line([word('全', 47, 207, 119, 32, 19), word('遠傳電信', 96, 258, 121, 119, 30)], 80), // the page's own logo, below the bars
    ]);
    expect(dropBrowserChromeIcons(result, page1600).lines.map((l) => l.text)).toEqual(['申訴 進 度 一 遠', 'cs.fetnet.example/complaint/progress', '全 遠傳電信']);
  });

  it('drops the close marks, favicon, divider and new-tab + of a tab strip whose titles fill their tabs', () => {
    const tabs = line([
      word('©', 73, 25, 21, 18, 18), word('案件', 77, 56, 21, 32, 18), word('查詢', 96, 95, 21, 36, 18), word('一', 96, 130, 13, 17, 34), word('申訴', 88, 247, 13, 40, 34), word('_X', 67, 291, 22, 13, 13),
      word('遠', 76, 372, 20, 19, 19), word('傳', 92, 390, 13, 15, 34), word('查詢', 91, 534, 13, 30, 34), word('X', 88, 567, 22, 14, 13), word('|', 95, 597, 15, 3, 27), word('十', 95, 615, 20, 20, 20), word('一', 90, 1290, 28, 17, 3), word('口', 92, 1344, 21, 17, 18), word('X', 88, 1400, 21, 19, 18),
    ], 88);
    const bar = line([word('appeal.cpc.example.tw/Case/Query?type=online', 92, 180, 62, 360, 20)], 92);
    expect(dropBrowserChromeIcons(page([tabs, bar]), { width: 1440, height: 1066 }).lines.map((l) => l.text)).toEqual(['案件 查詢 一 申訴 遠 傳 查詢', bar.text]);
    // Without a close mark set apart from what follows it, the line is no tab strip: its words stay but for icons set apart.
    const title = line([word('Model', 90, 56, 21, 60, 18), word('X', 90, 122, 21, 14, 18), word('|', 95, 140, 15, 3, 27), word('Specs', 90, 150, 21, 60, 18)], 90);
    expect(dropBrowserChromeIcons(page([title, bar]), { width: 1440, height: 1066 }).lines[0]!.text).toBe(title.text);
  });

  it('keeps a mobile browser\'s count of tabs, and a page without a web address near its top as it is', () => {
    // The padlock read "@" 23 px before an address 30 px tall.
    const mobile = page([line([word('@', 79, 143, 138, 25, 34), word('m.12300.example/ack', 86, 191, 138, 330, 30), word('2', 90, 900, 138, 20, 30)], 88)]);
    expect(dropBrowserChromeIcons(mobile, { width: 1080, height: 2664 }).lines.map((l) => l.text)).toEqual(['m.12300.example/ack 2']);
    const plain = page([line([word('X', 89, 353, 22, 13, 13), word('帳單', 95, 58, 21, 28, 17)], 90), line([word('見', 90, 40, 900, 20, 20), word('www.cht.com.tw/bill', 90, 80, 900, 200, 20)], 90)]);
    expect(dropBrowserChromeIcons(plain, page1600)).toBe(plain);
  });
});

describe('dropTabBarIcons', () => {
  // An iPhone screenshot 1170 × 1886: a notice above the tab bar; the tab bar's five labels (23 px
  // text, 載具 read as two words) and its outline icons read 合, Im and 一 above three of them.
  const screen = { width: 1170, height: 1886 };
  const notice = line([word('本期發票將於114年1月25日開獎', 93, 80, 1597, 600, 19)], 93);
  const labels = line([word('首頁', 96, 94, 1790, 45, 23), word('載', 93, 329, 1790, 21, 22), word('具', 93, 358, 1791, 16, 21), word('掃描', 96, 562, 1789, 46, 24), word('兌獎', 58, 796, 1790, 46, 22), word('設定', 95, 1030, 1789, 46, 23)], 90);

  it('drops the icons read as text above the labels of an app\'s tab bar', () => {
    const icons = [line([word('合', 83, 92, 1722, 51, 51), word('一', 91, 559, 1722, 53, 53)], 87), line([word('Im', 47, 335, 1736, 33, 25)], 47)];
    const out = dropTabBarIcons(page([notice, ...icons, labels]), screen);
    expect(out.lines.map((l) => l.text)).toEqual([notice.text, labels.text]);
  });

  it('keeps what stands above the tab bar that is no icon over a label, and all of it without the page\'s size', () => {
    const text = line([word('合計', 90, 92, 1722, 80, 30), word('NT$3,459', 90, 900, 1722, 150, 30)], 90);
    const result = page([notice, text, labels]);
    expect(dropTabBarIcons(result, screen)).toBe(result);
    const icons = page([notice, line([word('合', 83, 92, 1722, 51, 51)], 83), labels]);
    expect(dropTabBarIcons(icons)).toBe(icons);
    // A last line of long words is no tab bar.
    const footer = page([line([word('合', 83, 92, 1722, 51, 51)], 83), line([word('客服專線0800-058-885', 90, 94, 1790, 300, 23), word('週一至週五', 90, 562, 1790, 120, 23), word('09:00-18:00', 90, 796, 1790, 140, 23)], 90)]);
    expect(dropTabBarIcons(footer, screen)).toBe(footer);
  });
});

describe('dropListIcons', () => {
  const screen = { width: 1170, height: 1886 };
  // An app's list of invoices: each item's store name after a round logo at x 96, read as a
  // mark or two, unsure; the store's name 35 px tall, 19 px or more after it.
  const item = (logo: string, confidence: number, y: number, name: string) => line([word(logo, confidence, 96, y + 3, 29, 29), word(name, 92, 171, y, 300, 35), word('NT$1,399', 90, 900, y, 180, 35)], 90);
  const items = [item('Oo', 53, 600, '遠傳電信'), item('Oo', 53, 860, '台灣大哥大'), item('0', 48, 1120, '全家便利商店'), item('0', 43, 1380, '中華電信')];

  it('drops the round logos read before the items of a list, one under another', () => {
    const out = dropListIcons(page(items), screen);
    expect(out.lines.map((l) => l.text)).toEqual(['遠傳電信 NT$1,399', '台灣大哥大 NT$1,399', '全家便利商店 NT$1,399', '中華電信 NT$1,399']);
  });

  it('keeps them read surely, fewer than three, not one under another, or close to their item, and without the page\'s size', () => {
    const sure = page([item('O', 90, 600, '遠傳電信'), item('O', 90, 860, '台灣大哥大'), item('O', 90, 1120, '全家')]);
    expect(dropListIcons(sure, screen)).toBe(sure);
    const two = page(items.slice(0, 2));
    expect(dropListIcons(two, screen)).toBe(two);
    const askew = page(items.map((l, k) => ({ ...l, words: l.words.map((w, i) => (i === 0 ? { ...w, box: { ...w.box, x: 96 + k * 40 } } : w)) })));
    expect(dropListIcons(askew, screen)).toBe(askew);
    const close = page(items.map((l) => ({ ...l, words: l.words.map((w, i) => (i === 1 ? { ...w, box: { ...w.box, x: 130 } } : w)) })));
    expect(dropListIcons(close, screen)).toBe(close);
    expect(dropListIcons(page(items))).toEqual(page(items));
  });

  it('drops one picture repeated before a list\'s items, boxed alike and read as different texts (a mail client\'s folder icons)', () => {
    const folder = (icon: string, confidence: number, y: number, name: string) => line([word(icon, confidence, 21, y - 3, 21, 18), word(name, 90, 53, y, 60, 12)], 80);
    const folders = page([folder('£3', 55, 168, 'Inbox'), folder('[3', 46, 208, 'Drafts'), folder('3', 72, 248, 'Sent'), folder('[3', 62, 288, 'Deleted'), folder('[0', 30, 368, 'Archive')]);
    expect(dropListIcons(folders, screen).lines.map((l) => l.text)).toEqual(['Inbox', 'Drafts', 'Sent', 'Deleted', 'Archive']);
  });

  it('keeps a numbered list, marks read surely or all alike, and marks boxed differently or fewer than four', () => {
    const entry = (mark: string, confidence: number, y: number, w = 21) => line([word(mark, confidence, 21, y, w, 18), word('item', 90, 60, y, 60, 12)], 80);
    const cases = [
      page([entry('1.', 93, 100, 14), entry('2.', 92, 140, 18), entry('3.', 94, 180, 18), entry('4.', 93, 220, 19)]),
      page([entry('[3', 85, 100), entry('£3', 88, 140), entry('[3', 90, 180), entry('3', 86, 220)]),
      page([entry('•', 60, 100), entry('•', 62, 140), entry('•', 58, 180), entry('•', 61, 220)]),
      page([entry('[3', 55, 100, 21), entry('£3', 55, 140, 26), entry('[3', 55, 180, 16), entry('3', 55, 220, 12)]),
      page([entry('[3', 55, 100), entry('£3', 55, 140), entry('3', 55, 180)]),
    ];
    for (const result of cases) expect(dropListIcons(result, screen)).toBe(result);
  });
});

describe('dropInputBarIcons', () => {
  const screen = { width: 1080, height: 1270 };
  const body = line([word('好的，麻煩你們了。', 92, 160, 1000, 300, 34)], 92);

  it('drops the icons at the start of a chat\'s input bar, not the field\'s placeholder after them', () => {
    const icons = line([word('+', 89, 40, 1192, 37, 37), word('©', 88, 110, 1192, 39, 39)], 88);
    expect(dropInputBarIcons(page([body, icons]), screen).lines.map((l) => l.text)).toEqual([body.text]);
    const plus = line([word('十', 96, 36, 1204, 37, 37)], 96);
    expect(dropInputBarIcons(page([body, plus]), screen).lines.map((l) => l.text)).toEqual([body.text]);
    const field = line([word('O', 87, 29, 1180, 60, 63), word('说', 96, 136, 1196, 28, 28), word('点', 96, 179, 1196, 28, 28), word('什么', 96, 208, 1196, 50, 28)], 90);
    expect(dropInputBarIcons(page([body, field]), screen).lines.map((l) => l.text)).toEqual([body.text, '说 点 什么']);
    // A sticker's face 23 px before a placeholder of 28 px text, the attachment, camera and
    // microphone icons on the row read taller than the text.
    const wide = line([word('©', 91, 59, 1196, 35, 32), word('訊息', 96, 117, 1196, 57, 28), word('2', 94, 803, 1193, 31, 35), word('回', 43, 865, 1197, 39, 29), word('息', 47, 992, 1188, 36, 47)], 80);
    expect(dropInputBarIcons(page([body, wide]), screen).lines.map((l) => l.text)).toEqual([body.text, '訊息']);
  });

  it('drops the icons at the end of a chat\'s input bar, each one mark or two symbols, not a send button nor a mark ending text', () => {
    // The field's emoji button read "©)", the microphone at the page's right edge "$".
    const icons = line([word('©)', 68, 915, 1200, 31, 31), word('$', 83, 1000, 1190, 37, 51)], 75);
    expect(dropInputBarIcons(page([body, icons]), screen).lines.map((l) => l.text)).toEqual([body.text]);
    const kept = [
      line([word('©)', 68, 815, 1200, 31, 31), word('發送', 93, 980, 1196, 70, 34)], 80),
      line([word('收到', 92, 960, 1200, 60, 30), word('?', 83, 1022, 1200, 20, 30)], 90),
    ];
    for (const foot of kept) {
      const result = page([body, foot]);
      expect(dropInputBarIcons(result, screen)).toBe(result);
    }
  });

  it('drops small icons a little way in from the edges of a wide screenshot', () => {
    // An iPhone's input bar (1170 px wide): its plus button 58 px in and its microphone 59 px from the right edge, both about 30 px tall.
    const iphone = { width: 1170, height: 2168 };
    const chat = line([word('谢谢王师傅。', 92, 700, 1880, 250, 40)], 92);
    const icons = line([word('+', 80, 58, 2074, 29, 29), word('$', 71, 1076, 2066, 35, 47)], 75);
    expect(dropInputBarIcons(page([chat, icons]), iphone).lines.map((l) => l.text)).toEqual([chat.text]);
  });

  it('keeps text at the page\'s foot: a word that goes on, a line away from the edge, a foot higher up, a photo', () => {
    const kept = [
      line([word('如', 96, 20, 1200, 17, 17), word('有', 96, 39, 1200, 17, 17), word('疑問', 89, 55, 1200, 34, 17)], 90),
      line([word('好', 92, 120, 1200, 30, 30)], 92),
    ];
    for (const foot of kept) {
      const result = page([body, foot]);
      expect(dropInputBarIcons(result, screen)).toBe(result);
    }
    const plus = page([body, line([word('十', 96, 36, 1204, 37, 37)], 96)]);
    expect(dropInputBarIcons(plus, { width: 1080, height: 2000 })).toBe(plus);
    expect(dropInputBarIcons(plus)).toBe(plus);
  });
});

describe('dropStrayUnderscores', () => {
  it('removes an underscore boxed more than half as tall as wide or between two Chinese characters of a word, not a form\'s blank', () => {
    const result = page([
      line([word('下', 93, 397, 835, 26, 22), word('_', 73, 423, 834, 16, 16), word('午9:36', 91, 426, 831, 60, 22)], 90),
      line([word('下_午', 90, 397, 835, 48, 22), word('9:36', 91, 446, 838, 40, 16)], 90),
      line([word('姓名：', 92, 40, 100, 60, 20), word('____', 80, 110, 116, 80, 4), word('a_b', 80, 200, 100, 40, 20), word('_', 80, 250, 118, 12, 3)], 86),
    ]);
    expect(dropStrayUnderscores(result).lines.map((l) => l.text)).toEqual(['下 午9:36', '下午 9:36', '姓名： ____ a_b _']);
    const clean = page([line([word('第七条', 92, 40, 100, 60, 20)], 92)]);
    expect(dropStrayUnderscores(clean)).toBe(clean);
  });
});

describe('dropTallFillers', () => {
  it('removes a 和 boxed half as tall again as its line\'s Chinese, alone or at an end of a word of two', () => {
    // Boxes of the engine's readings: 尊敬 read "尊 和 敬" (和 12 × 50 in a line of 31 px), 中国电信营业厅 read "国电 信和 营业" (信和 boxed 45 px tall).
    const result = page([
      line([word('尊', 82, 260, 436, 25, 31), word('和', 65, 288, 432, 12, 50), word('敬', 0, 300, 436, 17, 31), word('的', 96, 320, 436, 25, 31)], 70),
      line([word('中', 96, 350, 165, 30, 30), word('国电', 96, 407, 165, 58, 30), word('信和', 0, 460, 165, 40, 45), word('营业', 93, 495, 167, 48, 30)], 80),
    ]);
    expect(dropTallFillers(result).lines.map((l) => l.text)).toEqual(['尊 敬 的', '中 国电 信 营业']);
  });

  it('removes a tall 有 or 了 alone read unsure, not a sure one', () => {
    // 请帮我 read "请 帮 有 我", 有 at 58 boxed 39 px tall in a line of 25; a printed 了 at 86 boxed as tall.
    const result = page([
      line([word('请', 92, 100, 200, 24, 25), word('帮', 92, 126, 200, 24, 25), word('有', 58, 150, 193, 20, 39), word('我', 90, 172, 200, 24, 25)], 85),
      line([word('已', 92, 100, 300, 24, 25), word('退', 92, 126, 300, 24, 25), word('了', 86, 150, 293, 20, 40), word('，', 90, 172, 300, 10, 25)], 90),
    ]);
    expect(dropTallFillers(result).lines.map((l) => l.text)).toEqual(['请 帮 我', '已 退 了 ，']);
  });

  it('keeps a 和 as tall as the characters beside it, after 上 or 下, or without two Chinese words beside it to measure by', () => {
    const printed = page([
      line([word('工业', 96, 565, 774, 60, 30), word('和', 96, 622, 777, 20, 28), word('信息', 96, 644, 775, 62, 29)], 96),
      line([word('永和', 94, 369, 203, 33, 22), word('店', 92, 401, 193, 20, 41)], 93),
      line([word('A', 90, 40, 300, 20, 20), word('和', 60, 62, 296, 12, 40), word('B', 90, 80, 300, 20, 20)], 80),
      // A chat's small 下午 read "下 和" beside the message: the text's clean-up makes it 下午.
      line([word('下', 84, 435, 397, 24, 22), word('和', 83, 459, 380, 15, 50), word('2:05', 84, 474, 397, 45, 22), word('但我', 92, 540, 397, 44, 22), word('的', 92, 590, 397, 22, 22)], 88),
    ]);
    expect(dropTallFillers(printed)).toBe(printed);
  });
});

describe('commasReadAsStops', () => {
  it('gives back a comma read as an unsure, narrow, small full stop, and keeps a round or sure one', () => {
    // Boxes of the engine's reading of a serif contract: 契約，但 read "契約 。 但" (。 at 27, 3 × 6 px), 公司。 read right (93, 6 × 6).
    const result = page([
      line([word('契約', 96, 330, 290, 44, 22), word('。', 27, 378, 294, 3, 6), word('但應於', 95, 390, 290, 66, 22)], 80),
      line([word('本公司', 95, 200, 335, 66, 22), word('。', 93, 266, 339, 6, 6), word('，', 86, 290, 339, 4, 6)], 90),
      line([word('减免', 92, 100, 400, 40, 22), word('。', 52, 142, 400, 5, 22), word('如', 92, 160, 400, 20, 22)], 80),
    ]);
    const out = commasReadAsStops(result);
    expect(out.lines.map((l) => l.text)).toEqual(['契約 ， 但應於', '本公司 。 ，', '减免 。 如']);
    expect(out.lines[1]).toBe(result.lines[1]);
  });

  it('gives back a comma ending a line read as a small guillemet right after the text, not a guillemet or arrow as tall as the text or set apart', () => {
    // Boxes of the engine's readings of two chats: "FET-R1131105-2231，" and "NT$1,284，" with » for the comma.
    const result = page([
      line([word('FET-R1131105-2231', 81, 186, 1555, 341, 28), word('»', 81, 544, 1563, 8, 13)], 80),
      line([word('費用', 91, 280, 363, 50, 30), word('NT$1,284', 76, 339, 360, 129, 32), word('»', 89, 481, 371, 6, 10)], 80),
      line([word('台灣大哥大', 90, 465, 219, 136, 27), word('»', 92, 612, 222, 10, 21)], 90),
      line([word('查看明細', 90, 40, 300, 120, 30), word('»', 92, 200, 310, 10, 12)], 90),
    ]);
    expect(commasReadAsStops(result).lines.map((l) => l.text)).toEqual(['FET-R1131105-2231 ，', '費用 NT$1,284 ，', '台灣大哥大 »', '查看明細 »']);
  });
});

describe('dropStrayQuotes', () => {
  it('removes a closing mark read before a word of Chinese with no opening mark before it on the line', () => {
    const result = page([
      line([word('第六条', 92, 40, 100, 60, 20), word('”协议期限', 61, 130, 100, 100, 20)], 80),
      line([word('短信及“中国电信', 92, 40, 200, 150, 20), word('”App推送', 89, 200, 200, 80, 20)], 90),
      line([word('”', 80, 40, 300, 10, 20), word('"好的', 90, 60, 300, 40, 20)], 85),
    ]);
    const out = dropStrayQuotes(result);
    expect(out.lines.map((l) => l.text)).toEqual(['第六条 协议期限', '短信及“中国电信 ”App推送', '” 好的']);
    expect(out.lines[1]).toBe(result.lines[1]);
    const clean = page([line([word('第七条', 92, 40, 100, 60, 20)], 92)]);
    expect(dropStrayQuotes(clean)).toBe(clean);
  });

  it('removes a mark read unsure alone in a blank, or opening Chinese that no mark closes', () => {
    const result = page([
      line([word('林志豪', 79, 190, 86, 60, 20), word('”', 0, 249, 86, 10, 20), word('門號', 87, 259, 88, 40, 15)], 70),
      line([word('15日', 87, 250, 289, 47, 22), word('“逾期', 18, 302, 290, 34, 15), word('將', 96, 335, 289, 13, 22)], 70),
      // Quoted names and words read surer, or an unsure opening mark closed later on its line, stay.
      line([word('"', 72, 40, 400, 8, 20), word('张伟', 92, 50, 400, 40, 20), word('"', 57, 92, 400, 8, 20), word('撤回', 92, 102, 400, 40, 20)], 80),
      line([word('回复', 92, 40, 500, 40, 20), word('“TD', 16, 84, 500, 40, 20), word('CL”。', 80, 126, 500, 40, 20)], 60),
    ]);
    expect(dropStrayQuotes(result).lines.map((l) => l.text)).toEqual(['林志豪 門號', '15日 逾期 將', '" 张伟 " 撤回', '回复 “TD CL”。']);
  });

  it('removes an opening mark read unsure before a figure that no mark closes: a form field\'s left edge', () => {
    const result = page([
      line([word('受理日期', 96, 1980, 675, 130, 33), word('“2024-11-12', 56, 2144, 675, 180, 33)], 80),
      line([word('联系电话', 96, 1980, 784, 130, 33), word('“138****2756', 47, 2144, 784, 200, 33)], 70),
      // A quoted figure read surer, or closed on its line, stays.
      line([word('套餐', 92, 40, 900, 40, 20), word('“5G', 88, 84, 900, 30, 20), word('畅享”', 90, 116, 900, 50, 20)], 90),
      line([word('回复', 92, 40, 1000, 40, 20), word('“10', 50, 84, 1000, 30, 20), word('”退订', 90, 116, 1000, 50, 20)], 70),
      line([word('编号', 92, 40, 1100, 40, 20), word('“1234', 70, 84, 1100, 50, 20)], 80),
    ]);
    expect(dropStrayQuotes(result).lines.map((l) => l.text)).toEqual(['受理日期 2024-11-12', '联系电话 138****2756', '套餐 “5G 畅享”', '回复 “10 ”退订', '编号 “1234']);
  });

  it('removes an opening mark however sure when the page shows no ink of its own before the word\'s first character', () => {
    const result = page([
      line([word('委員會', 96, 406, 2289, 76, 40), word('“消費', 41, 492, 2293, 59, 24), word('者', 96, 551, 2289, 25, 40)], 80),
      // Closed on its line, it stays.
      line([word('通过', 92, 40, 100, 40, 20), word('“投诉', 60, 84, 100, 40, 20), word('建议”', 90, 126, 100, 40, 20)], 80),
    ]);
    const inkless = (w: { text: string }) => !w.text.startsWith('“消');
    expect(dropStrayQuotes(result, inkless).lines.map((l) => l.text)).toEqual(['委員會 消費 者', '通过 “投诉 建议”']);
    expect(dropStrayQuotes(result, () => false).lines[1]!.text).toBe('通过 “投诉 建议”');
    expect(dropStrayQuotes(result).lines[0]!.text).toBe('委員會 “消費 者');
  });
});

describe('dropSignatureScrawls', () => {
  it('drops a signature read as strokes and a glyph or two after its label, up to the next word read sure', () => {
    const result = page([
      // Unsure glyphs before the strokes, and a colon read with one (":和").
      line([word('客户', 96, 40, 900, 50, 25), word('签名', 66, 92, 900, 50, 25), word(':', 82, 144, 900, 8, 34), word('人', 55, 160, 900, 30, 34), word('一', 31, 192, 900, 30, 34), word('一', 78, 224, 900, 30, 34), word('一', 62, 256, 900, 30, 34), word('受理', 96, 500, 900, 50, 27), word('员工', 96, 552, 900, 50, 27)], 80),
      line([word('签名', 0, 40, 1000, 50, 27), word(':和', 37, 92, 990, 40, 55), word('一', 0, 134, 990, 40, 41), word('一', 78, 176, 990, 40, 52), word('一', 93, 218, 990, 40, 51)], 60),
      // A glyph boxed far taller than the label; 章 boxed short does not set the label's height.
      line([word('申訴人簽章', 93, 40, 1100, 120, 32), word(':', 75, 162, 1100, 8, 22), word('汪汪', 0, 180, 1080, 60, 70), word('一', 55, 242, 1080, 40, 70), word('一', 91, 284, 1080, 40, 69), word('中', 93, 500, 1100, 30, 31), word('華', 93, 532, 1100, 30, 32)], 80),
      line([word('簽', 92, 40, 1200, 46, 26), word('章', 91, 96, 1205, 3, 16), word(':', 92, 100, 1190, 15, 46), word('一', 0, 160, 1190, 80, 38), word('一', 36, 240, 1185, 56, 48), word('一', 91, 296, 1185, 37, 46), word('簽約', 96, 600, 1200, 47, 26), word('日', 96, 650, 1200, 30, 25)], 80),
    ]);
    expect(dropSignatureScrawls(result).lines.map((l) => l.text)).toEqual(['客户 签名 : 受理 员工', '签名 :', '申訴人簽章 : 中 華', '簽 章 : 簽約 日']);
  });

  it('keeps a name typed after the label, a single stroke, and strokes after no label', () => {
    const result = page([
      line([word('客户签名：', 93, 40, 100, 120, 25), word('张伟', 92, 170, 100, 50, 25)], 90),
      line([word('签名', 90, 40, 200, 50, 25), word('：', 88, 92, 200, 10, 25), word('李', 40, 110, 195, 30, 40), word('一', 50, 142, 195, 30, 40)], 60),
      line([word('金额', 93, 40, 300, 50, 25), word('一', 40, 92, 300, 30, 25), word('一', 40, 124, 300, 30, 25)], 60),
    ]);
    expect(dropSignatureScrawls(result)).toBe(result);
  });
});

describe('dropSpecks', () => {
  it('drops a symbol boxed smaller than a quarter of its line both ways, not a sure one, a quotation mark or a slash as tall as the text', () => {
    const result = page([
      line([word('/', 61, 527, 423, 2, 2), word('下午', 93, 544, 410, 40, 20), word('8:21', 79, 586, 410, 35, 20)], 80),
      line([word('「', 49, 40, 500, 2, 3), word('我的光世代', 90, 44, 500, 120, 25), word('網路', 90, 170, 500, 50, 25)], 80),
      line([word('/', 95, 40, 600, 2, 2), word('下午', 93, 44, 600, 40, 20), word('8:21', 79, 86, 600, 35, 20)], 80),
      line([word('11', 90, 40, 700, 20, 20), word('/', 50, 62, 700, 8, 20), word('22', 90, 72, 700, 20, 20)], 80),
    ]);
    expect(dropSpecks(result).lines.map((l) => l.text)).toEqual(['下午 8:21', '「 我的光世代 網路', '/ 下午 8:21', '11 / 22']);
  });

  it('drops a character read unsure inside a sure word of another line (the dots of its i\'s), not a mark of its own or one inside an unsure word', () => {
    const result = page([
      line([word('2', 58, 375, 132, 5, 4), word('2', 62, 425, 132, 5, 4), word('PO', 96, 819, 126, 26, 15), word('Box', 95, 852, 126, 33, 15)], 90),
      line([word('Communications', 95, 249, 130, 232, 34)], 95),
      // A footnote's figure beside a word, and a dot inside a word read unsure.
      line([word('Tariff', 95, 40, 300, 60, 20), word('2', 60, 102, 298, 5, 4)], 90),
      line([word('2', 60, 60, 400, 5, 4)], 60),
      line([word('Mobiie', 60, 40, 396, 80, 24)], 60),
    ]);
    expect(dropSpecks(result).lines.map((l) => l.text)).toEqual(['PO Box', 'Communications', 'Tariff 2', '2', 'Mobiie']);
  });
});

describe('dropSpreadLetters', () => {
  it('drops a few letters boxed wider per letter than one and a half times their height, read unsure; not words or sure readings', () => {
    const result = page([
      // An email app's archive, bin and envelope icons read as one word.
      line([word('BUX', 68, 702, 116, 243, 49)], 68),
      line([word('Or', 10, 200, 900, 120, 33), word('签约日期', 92, 600, 900, 160, 30)], 60),
      // Wide letters in words, a sure reading, and letters boxed over the Chinese they are set close to.
      line([word('me', 89, 40, 300, 26, 10), word('now', 96, 80, 300, 45, 12), word('NV', 95, 200, 300, 80, 20)], 90),
      line([word('SIM', 70, 40, 400, 100, 20), word('卡補發', 90, 142, 400, 60, 20)], 80),
    ]);
    expect(dropSpreadLetters(result).lines.map((l) => l.text)).toEqual(['签约日期', 'me now NV', 'SIM 卡補發']);
  });
});

describe('dropChevrons: a back arrow read as a character', () => {
  it('drops a lone character read at next to nothing set apart before a title, not a sure one or one that hugs its text', () => {
    const result = page([
      line([word('人', 0, 33, 119, 25, 43), word('亞太', 95, 120, 122, 57, 33), word('電信客服', 96, 190, 122, 123, 34)], 80),
      line([word('二', 60, 33, 200, 25, 30), word('經函請遠傳電信', 92, 120, 200, 220, 30)], 90),
      line([word('請', 5, 33, 260, 25, 30), word('於12月5日前繳清', 92, 62, 260, 220, 30)], 90),
    ]);
    expect(dropChevrons(result).lines.map((l) => l.text)).toEqual(['亞太 電信客服', '二 經函請遠傳電信', '請 於12月5日前繳清']);
  });
});

describe('dropChevrons', () => {
  it('drops an app bar\'s "more" menu read as an ellipsis far right of the title, not an ellipsis that ends text', () => {
    const result = page([
      line([word('中国移动', 93, 475, 128, 132, 34), word('。。。', 68, 965, 141, 71, 11)], 90),
      line([word('中華電信客服', 92, 100, 300, 200, 30), word('⋯', 70, 900, 310, 40, 10)], 90),
      line([word('请稍候', 92, 40, 400, 90, 30), word('。。。', 80, 132, 410, 60, 10)], 90),
      line([word('Loading', 92, 40, 500, 90, 30), word('...', 80, 134, 510, 30, 10)], 90),
    ]);
    expect(dropChevrons(result).lines.map((l) => l.text)).toEqual(['中国移动', '中華電信客服', '请稍候 。。。', 'Loading ...']);
  });

  it('drops a chevron read alone first or last on a line of Chinese, not a breadcrumb\'s or an English line\'s', () => {
    const result = page([
      line([word('<', 93, 33, 129, 25, 43), word('我的账单', 95, 400, 130, 160, 40)], 94),
      line([word('对账单有疑问？点此联系在线客服', 92, 72, 1537, 390, 30), word('>', 96, 473, 1537, 13, 23)], 93),
      line([word('2024年10月', 92, 860, 233, 150, 30), word('v', 74, 1023, 233, 27, 16)], 85),
      line([word('首页', 92, 40, 300, 40, 20), word('>', 90, 90, 300, 10, 20), word('我的移动', 92, 110, 300, 80, 20)], 91),
      line([word('Next', 92, 40, 400, 40, 20), word('>', 90, 90, 400, 10, 20)], 91),
      line([word('電壓220', 92, 40, 450, 80, 20), word('V', 90, 130, 450, 14, 20)], 91),
      // A drop-down's thick arrow read as two letters.
      line([word('中華電信', 95, 99, 1210, 120, 30), word('Vv', 60, 944, 1204, 42, 48)], 80),
      line([word('Size', 92, 40, 500, 40, 20), word('Vv', 60, 400, 500, 30, 20)], 80),
    ]);
    expect(dropChevrons(result).lines.map((l) => l.text)).toEqual(['我的账单', '对账单有疑问？点此联系在线客服', '2024年10月', '首页 > 我的移动', 'Next >', '電壓220 V', '中華電信', 'Size Vv']);
  });

  it('drops a back arrow before a title without Chinese when set apart from it ("< 10086"), not a less-than sign', () => {
    const result = page([
      line([word('<', 80, 36, 110, 22, 40), word('10086', 93, 100, 120, 100, 30)], 90),
      line([word('用量', 92, 40, 300, 60, 30), word('<', 90, 110, 300, 14, 20), word('100MB', 92, 130, 300, 90, 30)], 91),
      line([word('<', 90, 40, 400, 14, 20), word('100MB', 92, 60, 400, 90, 30)], 91),
    ]);
    expect(dropChevrons(result).lines.map((l) => l.text)).toEqual(['10086', '用量 < 100MB', '< 100MB']);
  });

  it('drops a thick back arrow read as two marks ("《<") or as a brace, or alone on its row, not a book title\'s opening mark', () => {
    const result = page([
      line([word('《<', 46, 33, 114, 25, 43), word('台灣之星客服', 95, 118, 116, 210, 36)], 90),
      line([word('{', 31, 33, 200, 25, 43), word('台灣大哥大', 95, 118, 200, 210, 36)], 90),
      line([word('<', 60, 33, 250, 25, 43)], 60),
      line([word('v', 90, 33, 280, 14, 20)], 90),
      line([word('《', 90, 40, 300, 20, 30), word('消費者保護法》', 92, 60, 300, 200, 30)], 91),
    ]);
    expect(dropChevrons(result).lines.map((l) => l.text)).toEqual(['台灣之星客服', '台灣大哥大', 'v', '《 消費者保護法》']);
  });

  it('drops a back arrow read as a lone 《 set apart from the title, or a disclosure arrow read as 》, not title marks that hug their title or have their partner', () => {
    const result = page([
      line([word('《', 52, 33, 114, 25, 43), word('亞太電信', 95, 120, 117, 120, 33), word('板橋門市', 94, 267, 117, 122, 34)], 90),
      line([word('查看帳單', 92, 40, 200, 120, 30), word('》', 60, 220, 198, 20, 34)], 80),
      line([word('《', 90, 40, 300, 20, 30), word('消費者保護法', 92, 62, 300, 180, 30)], 91),
      line([word('《', 90, 40, 400, 20, 30), word('電信管理法', 92, 110, 400, 150, 30), word('》', 90, 262, 400, 20, 30)], 91),
    ]);
    expect(dropChevrons(result).lines.map((l) => l.text)).toEqual(['亞太電信 板橋門市', '查看帳單', '《 消費者保護法', '《 電信管理法 》']);
  });

  it('drops a disclosure arrow read as 》 that hugs a contact\'s name, not one that closes a title opened on the line before', () => {
    // An iOS thread's header: the name and the small arrow after it, 11 px apart, read 》 at 92.
    const result = page([
      line([word('台灣大哥大', 90, 465, 219, 136, 27), word('》', 92, 612, 222, 10, 21)], 90),
      line([word('依', 92, 40, 300, 30, 30), word('《個人資料', 92, 72, 300, 150, 30)], 91),
      line([word('保護法', 92, 40, 360, 90, 30), word('》', 90, 132, 360, 20, 30)], 91),
    ]);
    expect(dropChevrons(result).lines.map((l) => l.text)).toEqual(['台灣大哥大', '依 《個人資料', '保護法 》']);
  });

  it('drops a drop-down\'s triangle read as a flat character after its value, not a character as tall as the text, 一, or a word far right of the text', () => {
    // An operator app's month selector: 2024年10月 ▾, the triangle read 了 at 85, boxed 21 × 13 px.
    const result = page([
      line([word('2024年10月', 96, 445, 105, 160, 30), word('了', 85, 619, 114, 21, 13)], 90),
      line([word('請於月底前辦', 92, 40, 300, 180, 30), word('了', 85, 222, 300, 26, 28)], 90),
      line([word('共計', 92, 40, 400, 60, 30), word('一', 80, 102, 412, 28, 4)], 90),
      // A list's name boxed tall and the date far right of it, read 週 (of 週一) in smaller type.
      line([word('台灣大哥大', 92, 193, 569, 189, 58), word('週', 92, 974, 578, 40, 26)], 90),
    ]);
    expect(dropChevrons(result).lines.map((l) => l.text)).toEqual(['2024年10月', '請於月底前辦 了', '共計 一', '台灣大哥大 週']);
  });
});
