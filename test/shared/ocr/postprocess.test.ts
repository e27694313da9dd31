import { describe, expect, it } from 'vitest';
import { blankBetweenIn, cleanText, fixCantonese, fixLookalikes, joinLineWords, mendSplitAsides, normaliseCjkPunctuation, normaliseDigitDashes, normaliseFullWidth, postprocess, mendCurrencySigns, removeCjkSpaces, separateDateFromTime, trimOverlappingBoxes } from '../../../shared/ocr/postprocess';
import type { OcrWord } from '../../../shared/ocr/engine';
import type { GrayRaster } from '../../../shared/ocr/raster';

describe('removeCjkSpaces', () => {
  it.each([
    ['中 華 電 信', '中華電信'],
    ['您 好 ， 我 的 帳 單', '您好，我的帳單'],
    ['【 中 華 電 信 】 親 愛 的', '【中華電信】親愛的'],
    ['mPro 加 值 服 務', 'mPro加值服務'],
    ['NT$649 元', 'NT$649元'],
    ['Total amount due 316.00', 'Total amount due 316.00'],
    ['2024/10/08 14:20', '2024/10/08 14:20'],
    ['Account   No.  8812', 'Account No. 8812'],
    ['第 一 行\n第 二 行', '第一行\n第二行'],
    ['（ 自 行 整 理 ）', '（自行整理）'],
  ])('%j → %j', (input, expected) => {
    expect(removeCjkSpaces(input)).toBe(expected);
  });
});

describe('normaliseFullWidth / normaliseDigitDashes', () => {
  it.each([
    ['０９１２－３４５－６７８', '0912－345－678'],
    ['ＮＴ＄１，２８５元', 'NT＄1，285元'],
    ['ｍＰｒｏ', 'mPro'],
    ['全形\u3000空白', '全形 空白'],
  ])('full width %j → %j', (input, expected) => {
    expect(normaliseFullWidth(input)).toBe(expected);
  });
  it.each([
    ['0935一123一456', '0935-123-456'],
    ['0912－345－678', '0912-345-678'],
    ['第一次 1 一 2', '第一次 1-2'],
    ['一年50元', '一年50元'],
    ['0936—-555—-789,', '0936-555-789,'],
    ['0936-—555', '0936-555'],
    ['2024--2025', '2024--2025'],
    ['12-34', '12-34'],
    ['個案編號為CS一241128-0574', '個案編號為CS-241128-0574'],
    ['A0231一B', 'A0231-B'],
    ['服務一影音', '服務一影音'],
    ['page 5—and', 'page 5—and'],
    ['1 Sep — 30 Sep 2024', '1 Sep – 30 Sep 2024'],
    ['Travel Pack — Australia (7 days)', 'Travel Pack – Australia (7 days)'],
    ['2024 — thank you', '2024 – thank you'],
    ['費用 — 退款', '費用 — 退款'],
    ['第一A區', '第一A區'],
  ])('dashes %j → %j', (input, expected) => {
    expect(normaliseDigitDashes(input)).toBe(expected);
  });
  it.each([
    ['2024-11-1520:31', '2024-11-15 20:31'],
    ['已於11/2023:59', '已於11/20 23:59'],
    ['113/11/249:05', '113/11/24 9:05'],
    ['2024-11-159:05', '2024-11-15 9:05'],
    ['2024-11-15 20:31', '2024-11-15 20:31'],
    ['2024-11-15', '2024-11-15'],
    ['12:30', '12:30'],
    ['Ref 1/2345:12', 'Ref 1/2345:12'],
    ['11/3525:00', '11/3525:00'],
  ])('a date and a time run together %j → %j', (input, expected) => {
    expect(separateDateFromTime(input)).toBe(expected);
  });
  it.each([
    ['累計金額已達T$1:500', '累計金額已達NT$1,500'],
    ['9月帳單金額MNTS$2,486，含國際', '9月帳單金額NT$2,486，含國際'],
    ['月費計劃係HIKS198，', '月費計劃係HK$198，'],
    ['共HKS89.50', '共HK$89.50'],
    ['HK$412.30', 'HK$412.30'],
    ['NT$1,500', 'NT$1,500'],
    ['AT$5', 'AT$5'],
    ['ANTS$3', 'ANTS$3'],
    ['12:300', '12:300'],
    ['$12:30', '$12:30'],
    ['HKS', 'HKS'],
    ['价税合计 ¥LI77.20', '价税合计 ¥1177.20'],
    ['$1O5.00 due', '$105.00 due'],
    ['¥l,2O5.00', '¥1,205.00'],
    ['¥l,2OO.00', '¥l,2OO.00'],
    ['$IL.00', '$IL.00'],
    ['$LOL', '$LOL'],
    ['¥12.OO', '¥12.OO'],
    ['$1O5', '$1O5'],
  ])('currency signs %j → %j', (input, expected) => {
    expect(mendCurrencySigns(input)).toBe(expected);
  });
  it('cleanText applies all of them', () => {
    expect(cleanText(' 門 號 ０９３５一１２３一４５６ 。 \n\n\n\nOK ')).toBe('門號0935-123-456。\n\nOK');
  });
});

describe('fixCantonese', () => {
  it.each([
    ['我上個月呈帳單多收咕$168,\n係漫遊數據費。', '我上個月嘅帳單多收咗$168,\n係漫遊數據費。'],
    ['Hi, 我份合約已經完吠,\n多謝等候。你吧合約嗆\n我要求退返11月份唧$198。', 'Hi, 我份合約已經完咗,\n多謝等候。你嘅合約喺\n我要求退返11月份嘅$198。'],
    ['應該係佢兄搞錯', '應該係佢哋搞錯'],
    ['我上個月已經取消嘩\n系統遲嘩終止服務,唔好意思', '我上個月已經取消咗\n系統遲咗終止服務,唔好意思'],
    ['點解會嗆下期帳單扣？', '點解會喺下期帳單扣？'],
  ])('%s → %s', (input, expected) => {
    expect(fixCantonese(input)).toBe(expected);
  });

  it.each([
    '我上個月呈帳單多收咕$168,',
    '經查係第三方內容服務，已呈報主管機關。',
    '係數不變，狗吠不停，他在嘀咕。',
    '佢話好噁心，我兄弟嗆聲。',
    '簽呈已送出，唔該。',
    '嘩，佢哋好嘈，外面喧嘩，輿論嘩然，水嘩啦啦流。',
  ])('leaves %s as it is', (input) => {
    expect(fixCantonese(input)).toBe(input);
  });

  it('judges the page, not the line', () => {
    expect(fixCantonese('多收咕$168', '多收咕$168\n唔該')).toBe('多收咗$168');
    const p = postprocess({ text: '', confidence: 90, words: [], lines: [
      { text: '', confidence: 90, box: { x: 0, y: 0, w: 100, h: 20 }, words: [word('多收咕', 0, 60), word('$168', 64, 40)] },
      { text: '', confidence: 90, box: { x: 0, y: 30, w: 100, h: 20 }, words: [{ ...word('唔該', 0, 40), box: { x: 0, y: 30, w: 40, h: 20 } }] },
    ] });
    expect(p.text).toBe('多收咗$168\n唔該');
  });
});

describe('fixLookalikes', () => {
  it.each([
    ['繳費期限前治客服專線0800-000-123', '繳費期限前洽客服專線0800-000-123'],
    ['相關問題請治中華電信123', '相關問題請洽中華電信123'],
    ['如需協助,詳治門市', '如需協助,詳洽門市'],
    ['本公司保留逾期末繳者之追償權', '本公司保留逾期未繳者之追償權'],
    ['費用;逾期末退還者,應加計利息', '費用;逾期未退還者,應加計利息'],
    ['※傅期末繳將依契約暫停服務', '※逾期未繳將依契約暫停服務'],
    ['行動寬頻業務服務奉約(節錄)', '行動寬頻業務服務契約(節錄)'],
    ['本单据仅作付款赁证,七日内赁此单可办理退货', '本单据仅作付款凭证,七日内凭此单可办理退货'],
    ['本期應紋金客 2,035', '本期應繳金額 2,035'],
    ['陳雅婷君您好：威謝您於113/10/08來電', '陳雅婷君您好：感謝您於113/10/08來電'],
    ['造成您的不便深威抱歉', '造成您的不便深感抱歉'],
    ['以停機威脅用戶', '以停機威脅用戶'],
    ['預紋月租費1,188', '預繳月租費1,188'],
    ['285元,緻費期限11/25', '285元,繳費期限11/25'],
    ['10月帳單洋收數據費', '10月帳單溢收數據費'],
    ['期間內終止克約者', '期間內終止契約者'],
    ['統一發飄(收執聯)', '統一發票(收執聯)'],
    ['深表攻意', '深表歉意'],
    ['預付卡儲什500', '預付卡儲值500'],
    ['以下四捨五人', '以下四捨五入'],
    ['中華電信放務中心', '中華電信服務中心'],
    ['E讀“好的，多收的300元會退嗎?', '已讀“好的，多收的300元會退嗎?'],
    ['選讀 付違約金嗎?', '已讀 付違約金嗎?'],
    ['巳讀\n下午9:32', '已讀\n下午9:32'],
    ['好的 己读下午3:20', '好的 已读下午3:20'],
    ['應於三+日前通知用戶。', '應於三十日前通知用戶。'],
    ['第+條 其他', '第十條 其他'],
    ['租約期間為三 + 個月', '租約期間為三 十 個月'],
    ['Wattle Mobile Pty Lid ABN 46 112 358 981', 'Wattle Mobile Pty Ltd ABN 46 112 358 981'],
    ['Far Eastern Telecommunications Co., Lid.', 'Far Eastern Telecommunications Co., Ltd.'],
    ['Singtel Mobile Pte. Lid', 'Singtel Mobile Pte. Ltd'],
  ])('%s → %s', (input, expected) => {
    expect(fixLookalikes(input)).toBe(expected);
  });

  it.each([
    '政治獻金與治理',
    '每月末繳費一次，週末付款亦可',
    '信用卡末四碼5532',
    '附租赁证明一份',
    '手機殼花紋款式',
    '請撥總客服 0800-058-885',
    '期末考試',
    '組織費用',
    '海洋收藏',
    '人人有責',
    '開放時間',
    '自己讀書',
    '選讀課程',
    'E讀書會',
    '中華+遠傳',
    '5G+方案',
    '月租+1元',
    'Lift the lid of the box',
    'Pty Lidcombe depot',
  ])('leaves %s as it is', (input) => {
    expect(fixLookalikes(input)).toBe(input);
  });

  it('is part of the text clean-up of a line and of a whole text', () => {
    expect(joinLineWords([word('請', 0, 20), word('治', 22, 20), word('客服', 44, 40)])).toBe('請洽客服');
    expect(cleanText('逾期末繳者')).toBe('逾期未繳者');
  });
});

describe('normaliseCjkPunctuation', () => {
  it.each([
    // Commas, colons and semicolons between CJK characters are Chinese punctuation.
    ['親愛的用戶您好, 您申辦之', '親愛的用戶您好，您申辦之'],
    ['屆滿,屆滿後將自動停止服務', '屆滿，屆滿後將自動停止服務'],
    ['用戶名稱: 王小明', '用戶名稱：王小明'],
    ['服務暫停; 恢復請洽門市', '服務暫停；恢復請洽門市'],
    ['【中華電信】, 您好', '【中華電信】，您好'],
    ['繳費期限113/11/20,門號', '繳費期限113/11/20，門號'],
    ['這是官方簡訊嗎? 我已經在', '這是官方簡訊嗎？我已經在'],
    // Such a mark ending a line of Chinese, also after a number or code that follows it.
    ['您好，這裡是亞太電信客服,\n請問有什麼可以為您服務?', '您好，這裡是亞太電信客服，\n請問有什麼可以為您服務？'],
    ['尚未繳納，繳費期限10/03,\n逾期將暫停服務，請立即繳費:', '尚未繳納，繳費期限10/03，\n逾期將暫停服務，請立即繳費：'],
    ['案件編號AP1131005-3391, ', '案件編號AP1131005-3391， '],
    ['備註 :', '備註：'],
    // English after Chinese, and English alone, keep theirs.
    ['Call 客服 on 0800-080-123,', 'Call 客服 on 0800-080-123,'],
    ['Dear Mr Nguyen,\nIs that right?', 'Dear Mr Nguyen,\nIs that right?'],
    // A label's colon before its number, and its © misreading.
    ['門號:0912-345-678', '門號：0912-345-678'],
    ['帳號 : 8812-4471-0093', '帳號：8812-4471-0093'],
    ['繳費期限© 113/11/20', '繳費期限：113/11/20'],
    // A semicolon after a label's noun is its colon; between clauses it stays.
    ['销售单单号;XS2024112', '销售单单号：XS2024112'],
    ['日期 2024-11-28 收款单位;中国移动杭州分公司', '日期 2024-11-28 收款单位：中国移动杭州分公司'],
    ['收费项目; 宽带安装调试费', '收费项目：宽带安装调试费'],
    // A closing bracket in the blank between two Chinese characters, no opening one before it.
    ['第九條]帳單及繳費', '第九條帳單及繳費'],
    ['[中華電信]您好', '[中華電信]您好'],
    ['【中華電信]您好', '【中華電信】您好'],
    // A full stop beside a comma is the comma; two full stops are one, three an ellipsis.
    ['您的帳務明細。,請稍候。', '您的帳務明細，請稍候。'],
    ['調整資費時,。應於實施日', '調整資費時，應於實施日'],
    ['8,400元。。第七條', '8,400元。第七條'],
    ['好吧。。。', '好吧。。。'],
    // A 〈 or 《 opening an aside closed by a parenthesis is the parenthesis.
    ['请输入订单编号〈选填)', '请输入订单编号（选填）'],
    ['业务受理单《客户联)', '业务受理单（客户联）'],
    ['流量超出费〈1.2GB)', '流量超出费(1.2GB)'],
    ['《消费者权益保护法》(2014)', '《消费者权益保护法》(2014)'],
    // Right before an opening parenthesis, the parenthesis read twice.
    ['月租费〈（畅享套餐129元） 2024.09', '月租费（畅享套餐129元） 2024.09'],
    ['《条例》（2024）', '《条例》（2024）'],
    // The asterisks of a masked number read as quotes or x.
    ['手机号码：138""""5621', '手机号码：138****5621'],
    ['尾号138*"**229', '尾号138****229'],
    ['证件号码 ***xxx*2417', '证件号码 *******2417'],
    ['Model xx100 "quoted" 12', 'Model xx100 "quoted" 12'],
    // Or taken for an ellipsis between dashes.
    ['門號：0912-…-345 NT$3,089', '門號：0912-***-345 NT$3,089'],
    ['門號0935-...-271之', '門號0935-***-271之'],
    ['請稍候… -1', '請稍候… -1'],
    // Parentheses around Chinese are full-width; around Latin they stay ASCII.
    ['金額(元)', '金額（元）'],
    ['月租費( 含稅 )599元', '月租費（含稅）599元'],
    ['Roaming data pass (auto-renewed)', 'Roaming data pass (auto-renewed)'],
    ['Amount (HKD)', 'Amount (HKD)'],
    ['mPro(加值)', 'mPro（加值）'],
    // A number and its CJK unit belong together.
    ['2024年9 月15日上午10:32', '2024年9月15日上午10:32'],
    ['NT$649 元', 'NT$649元'],
    ['2024年11月3日 下午2:05', '2024年11月3日 下午2:05'],
    // NT$ misread.
    ['NTS$649元', 'NT$649元'],
    ['每日HKS$89.50，', '每日HK$89.50，'],
    ['GST included in total AS$7.62', 'GST included in total A$7.62'],
    ['Amount (AS)', 'Amount (A$)'],
    ['咪咕视频钻石会员 ¥30.00/8 2024-08-12 退订', '咪咕视频钻石会员 ¥30.00/月 2024-08-12 退订'],
    ['10/1 10/8 10/15', '10/1 10/8 10/15'],
    ['¥30.00/8.5', '¥30.00/8.5'],
    ['第五条“资费标准。乙方选用“全家享套餐”，月', '第五条 资费标准。乙方选用“全家享套餐”，月'],
    ['第六條|]資費', '第六條 資費'],
    ['第八條。帳單\n第九条 故障', '第八條 帳單\n第九条 故障'],
    ['依第八條。本公司', '依第八條。本公司'],
    ['第五条“全家享”套餐', '第五条“全家享”套餐'],
    ['Total USS12.00', 'Total US$12.00'],
    ['CLASS 2', 'CLASS 2'],
    ['AS 4 OF THE TERMS', 'AS 4 OF THE TERMS'],
    ['NTS 1,285', 'NT$ 1,285'],
    ['NTS$S1, 285元', 'NT$1, 285元'],
    ['NT$S2,460元', 'NT$2,460元'],
    ['NTSS 120', 'NT$ 120'],
    ['NT$649', 'NT$649'],
    ['國際漫遊費 NTSO', '國際漫遊費 NT$0'],
    ['NT$O', 'NT$0'],
    ['NTSOS', 'NTSOS'],
    // Half of a 【】 pair read as an ASCII bracket.
    ['[中華電信】您本月帳單', '【中華電信】您本月帳單'],
    ['【中國移動]您的套餐', '【中國移動】您的套餐'],
    ['[1] 月租費】', '[1] 月租費】'],
    ['[附件] 帳單', '[附件] 帳單'],
    // Half of a 「」 pair likewise.
    ['已申請[來電答鈴」服務，', '已申請「來電答鈴」服務，'],
    ['「影音娛樂包]，我從沒申請過。', '「影音娛樂包」，我從沒申請過。'],
    ['[附件]「帳單」', '[附件]「帳單」'],
    // The plus of an international number.
    ['十886-935-000-876。', '+886-935-000-876。'],
    ['請撥十852 2888 1010', '請撥+852 2888 1010'],
    ['十八日', '十八日'],
    ['十86元', '十86元'],
    // A full-width capital I read as 工 between capitals.
    ['“腾讯视频V工P会员”', '“腾讯视频VIP会员”'],
    ['视频V 工P会员', '视频V IP会员'],
    ['員工P卡', '員工P卡'],
    ['A工程', 'A工程'],
    // A capital J read as a parenthesis that closes nothing.
    ['协议编号：Z)-GD-2024-0715', '协议编号：ZJ-GD-2024-0715'],
    ['1,240 M)at 3.86c', '1,240 MJat 3.86c'],
    ['). Moore', 'J. Moore'],
    ['費用(A)B類', '費用(A)B類'],
    ['A) Option one', 'A) Option one'],
    ['1) 月租費', '1) 月租費'],
    // A 1 of a date read as 工.
    ['将于12月工日期，续约', '将于12月1日期，续约'],
    ['次月工日起生效', '次月1日起生效'],
    ['1工月5日', '11月5日'],
    ['您于2024年1]月29日来电', '您于2024年11月29日来电'],
    ['2024年11]月25日', '2024年11月25日'],
    ['12月3]日', '12月31日'],
    ['附件[1]月報', '附件[1]月報'],
    ['三个工作日', '三个工作日'],
    ['月工资', '月工资'],
    // The first digit of an amount in 元 read as 工.
    ['这个月又被扣了工28元。', '这个月又被扣了128元。'],
    ['退款金额工,280.50元', '退款金额工,280.50元'],
    ['應繳金額：工,280元', '應繳金額：工,280元'],
    ['共计工5元', '共计15元'],
    ['人工28元', '人工28元'],
    ['手工 28元', '手工 28元'],
    ['员工1名', '员工1名'],
    // The weekday 一 after a date read as a dash.
    ['12/02(—)', '12/02（一）'],
    ['11月18日(-—) 下午', '11月18日（一） 下午'],
    ['12/02 (—)', '12/02 （一）'],
    ['費用(—)', '費用(—)'],
    ['(1-2)', '(1-2)'],
    // A full stop read as a degree sign.
    ['查詢請致電1000°', '查詢請致電1000。'],
    ['有收據° 20:45', '有收據。 20:45'],
    ['氣溫25°C', '氣溫25°C'],
    ['Turn 90° left', 'Turn 90° left'],
    ['角度30°角', '角度30°角'],
    // The signs of a sum read as letters and numerals.
    ['補貼款 三 12,000元x （合約未到期日數二合約總日數）', '補貼款＝12,000元×（合約未到期日數÷合約總日數）'],
    ['補貼款三新臺幣12,000元X （剩餘日數二合約總日數）', '補貼款＝新臺幣12,000元×（剩餘日數÷合約總日數）'],
    ['之月費(6個月XHK$196)', '之月費(6個月×HK$196)'],
    ['¥128.00 x1 已退款', '¥128.00×1 已退款'],
    ['星耀X50 Pro 5G手机', '星耀X50 Pro 5G手机'],
    ['第二期二合約', '第二期二合約'],
    ['Turn 3x 1080', 'Turn 3x 1080'],
    ['牛奶 2x12.50 25.00', '牛奶 2x12.50 25.00'],
    ['應繳補貼款三NT$9,200x （合約未到期日數二合約總日數）', '應繳補貼款＝NT$9,200×（合約未到期日數÷合約總日數）'],
    // Or as a small o ending a line.
    ['已讀 請查明o', '已讀 請查明。'],
    ['已讀 NT$1,500 o', '已讀 NT$1,500。'],
    ['NT$1,500 o', 'NT$1,500 o'],
    ['型號Moto', '型號Moto'],
    ['說明o 其他', '說明o 其他'],
    // Times of day in chats.
    ['下和2:05 但我的方案', '下午2:05 但我的方案'],
    ['上和1026', '上午10:26'],
    ['已讀 下生10:55', '已讀 下午10:55'],
    ['下生活費10元', '下生活費10元'],
    ['上午 931', '上午 9:31'],
    ['何時退還?上和10.15', '何時退還？上午10:15'],
    ['下午3.05', '下午3:05'],
    ['上午10.5', '上午10.5'],
    ['上午12.50元', '上午12.50元'],
    ['下午13.45', '下午13.45'],
    ['下午2:12', '下午2:12'],
    ['上午1399元', '上午1399元'],
    ['上午1375', '上午1375'],
    ['和2:05', '和2:05'],
    ['115208 F43:08', '115208 下午3:08'],
    ['下4 7:11', '下午 7:11'],
    ['F午3:08', '下午3:08'],
    ['FE10:52', '下午10:52'],
    ['FEB 10:52', 'FEB 10:52'],
    ['Seat F4, gate 12', 'Seat F4, gate 12'],
    ['AF43:08', 'AF43:08'],
    // The 至 of a period read as an equals sign between two dates, in Chinese text.
    ['帳單期間：113/10/01 = 113/10/31', '帳單期間：113/10/01 至 113/10/31'],
    ['计费周期2024-10-01=2024-10-31', '计费周期2024-10-01 至 2024-10-31'],
    ['Period 2024/10/01 = 2024/10/31', 'Period 2024/10/01 = 2024/10/31'],
    ['小計 10/01 = 1,200', '小計 10/01 = 1,200'],
    ['比例 2024/10 = 50%', '比例 2024/10 = 50%'],
    // The year of an official document's number in 〔〕 read as round brackets.
    ['消协调字(2024) 第1187号', '消协调字〔2024〕第1187号'],
    ['西市监投告（2024）第0387号', '西市监投告〔2024〕第0387号'],
    ['北市消字(2024)0387號', '北市消字〔2024〕0387號'],
    ['合约期(2024)年底', '合约期(2024)年底'],
    ['Case (2024) 118号', 'Case (2024) 118号'],
    // The yuan sign read as Y or y, in Chinese text only.
    ['Y129.00至您的话费账户', '¥129.00至您的话费账户'],
    ['您9月账单已出，应缴y168.00，点击查看详情。', '您9月账单已出，应缴¥168.00，点击查看详情。'],
    ['应缴 y 168.00元', '应缴 ¥ 168.00元'],
    ['每月pay168.00元', '每月pay168.00元'],
    ['每次Y 1,280.50元', '每次¥ 1,280.50元'],
    ['话费余额为Y-12.60，您的号码已停机', '话费余额为¥-12.60，您的号码已停机'],
    ['就变成y-12.60停机了', '就变成¥-12.60停机了'],
    ['Y129.00 due', 'Y129.00 due'],
    ['Balance Y-12.60', 'Balance Y-12.60'],
    ['型号Y2024', '型号Y2024'],
    // …or before a whole amount a unit or a mark ends, after Chinese; # after Chinese punctuation.
    ['拆机，怎么又要Y600？', '拆机，怎么又要¥600？'],
    ['超出套餐3.0GB，按Y5/GB计费', '超出套餐3.0GB，按¥5/GB计费'],
    ['已经退订了，#128会在3个工作日', '已经退订了，¥128会在3个工作日'],
    ['华为Y9手机', '华为Y9手机'],
    ['型号Y2024。', '型号Y2024。'],
    ['Pay Y600?', 'Pay Y600?'],
    ['，#5G套餐', '，#5G套餐'],
    // …or as #; the dollar sign read as S before an amount in 元; an amount's comma read as a point.
    ['并将#30.00退还', '并将¥30.00退还'],
    ['话题#128讨论', '话题#128讨论'],
    ['本期帳單金額S888元已逾期', '本期帳單金額$888元已逾期'],
    ['信帳款NTS...遠傳', '信帳款NT$...遠傳'],
    ['Model S888', 'Model S888'],
    ['您的帳單金額\nS888元已逾期', '您的帳單金額\n$888元已逾期'],
    ['Model\nS888 元', 'Model\n$888元'],
    ['服务号码;: 138-2716-4405', '服务号码：138-2716-4405'],
    ['MS888元', 'MS888元'],
    ['不超过人民币1.200元。', '不超过人民币1,200元。'],
    ['金額：新臺幣1.598 元', '金額：新臺幣1,598元'],
    ['資費1.25元/分', '資費1.25元/分'],
    ['流量1.500GB', '流量1.500GB'],
    // A label's full-width colon read twice, or as a semicolon before its value.
    ['計費期間: : 11/01-11/30', '計費期間：11/01-11/30'],
    ['剩餘：: 5.4GB', '剩餘：5.4GB'],
    ['手机号码; 138****5621', '手机号码：138****5621'],
    ['交易时间; 2024-11-08 15:32', '交易时间：2024-11-08 15:32'],
    ['請於12/01前繳清; 2024年恢復', '請於12/01前繳清；2024年恢復'],
    // A full stop read as © at the end of a line of Chinese.
    ['將降速至512 Kbps ©', '將降速至512 Kbps。'],
    ['Copyright ©', 'Copyright ©'],
    // A zero read as O before a unit of data; a comma after a percentage before Chinese.
    ['國際漫遊 OMB', '國際漫遊 0MB'],
    ['Used 1OMB', 'Used 1OMB'],
    // The G of 5G read as a 6 before a plan's or a network's word.
    ['原套餐：56畅享128元套餐', '原套餐：5G畅享128元套餐'],
    ['申辦56吃到飽專案', '申辦5G吃到飽專案'],
    ['月租费56元', '月租费56元'],
    ['共156套餐', '共156套餐'],
    // …and before a plan's number; the G of GB read as a 6 after an amount of data.
    ['變更資費：由「46 1399型」改為「56 599型」', '變更資費：由「4G 1399型」改為「5G 599型」'],
    ['共46 1399元', '共46 1399元'],
    ['用量不足106B，雲端硬碟506B', '用量不足10GB，雲端硬碟50GB'],
    ['A16B7 SN-2026B', 'A16B7 SN-2026B'],
    ['已達82%,超過', '已達82%，超過'],
    // A comma after Chinese before a number or an amount.
    ['已為您退訂,NT$450將於', '已為您退訂，NT$450將於'],
    ['你好, 3HK客戶服務', '你好，3HK客戶服務'],
    ['扣款;¥129.00', '扣款；¥129.00'],
    ['Items 1,2 and 3', 'Items 1,2 and 3'],
    // Latin and numeric text is left alone.
    ['Period: 01 Oct 2024 - 31 Oct 2024', 'Period: 01 Oct 2024 - 31 Oct 2024'],
    ['Hotline 2888 1010, 24 hours', 'Hotline 2888 1010, 24 hours'],
    ['上午10:32', '上午10:32'],
    ['1,285元', '1,285元'],
    ['NTSC 1080', 'NTSC 1080'],
    ['NTS$ABC', 'NTS$ABC'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseCjkPunctuation(input)).toBe(expected);
  });

  it('applies to joined lines and to whole texts', () => {
    expect(joinLineWords([word('您好,', 0, 60), word('您', 62, 20)])).toBe('您好，您');
    expect(cleanText('繳 費 期 限 :113/11/20\n金 額 (元)')).toBe('繳費期限：113/11/20\n金額（元）');
  });
});

const word = (text: string, x: number, w: number, h = 20): OcrWord => ({ text, confidence: 90, box: { x, y: 0, w, h } });

describe('mendSplitAsides', () => {
  it('makes an aside in parentheses broken over two lines full-width', () => {
    expect(mendSplitAsides(['您对中国移动〈手机号码', '137****6052) 的申诉已受理'])).toEqual(['您对中国移动（手机号码', '137****6052）的申诉已受理']);
    expect(mendSplitAsides(['帳單所載繳費期限 (每月', '20日) 前繳清'])).toEqual(['帳單所載繳費期限（每月', '20日）前繳清']);
  });

  it('leaves pairs closed on their line, Latin asides and lone halves alone', () => {
    const kept = [
      ['金額（元）', '600)'],
      ['Data pass (auto-', 'renewed) 7 days'],
      ['附件 (一', '二、退款'],
      ['請見附件 (一', '【中國移動】)'],
    ];
    for (const lines of kept) expect(mendSplitAsides(lines)).toEqual(lines);
  });

  it('applies to whole texts and to the pages the engine reads', () => {
    expect(cleanText('中国移动〈手机号码\n137****6052) 的申诉')).toBe('中国移动（手机号码\n137****6052）的申诉');
    const line = (text: string, y: number) => ({ text, confidence: 90, box: { x: 0, y, w: 200, h: 20 }, words: [{ ...word(text, 0, 200), box: { x: 0, y, w: 200, h: 20 } }] });
    const result = postprocess({ text: '', confidence: 90, words: [], lines: [line('中国移动〈手机号码', 0), line('137****6052)的申诉', 30)] });
    expect(result.text).toBe('中国移动（手机号码\n137****6052）的申诉');
    expect(result.lines.map((l) => l.text)).toEqual(['中国移动（手机号码', '137****6052）的申诉']);
  });
});

describe('joinLineWords', () => {
  it.each([
    ['CJK characters set close together are joined', [word('中', 0, 20), word('華', 22, 20), word('電信', 44, 40)], '中華電信'],
    ['a wide gap after a CJK word is a real space', [word('2024年9月15日', 0, 150), word('上午10:32', 175, 90)], '2024年9月15日 上午10:32'],
    ['Latin words keep their spaces', [word('Total', 0, 50), word('due', 56, 30)], 'Total due'],
    ['Latin next to CJK without a gap is joined', [word('mPro', 0, 40), word('加值', 42, 40)], 'mPro加值'],
    ['a gap after a CJK bracket is the bracket\'s own white space', [word('【中華電信】', 0, 120), word('您113年', 140, 80)], '【中華電信】您113年'],
    ['full-width digits read one word each in Chinese text are one number', [word('已達', 0, 40), word('8', 42, 10), word('2%', 68, 24), word('超過', 94, 40), word('3', 136, 10), word('0GB', 162, 40)], '已達82%超過30GB'],
    ['a date and a time stay apart', [word('時間', 0, 40), word('2024-11-08', 42, 100), word('15:32', 152, 50)], '時間2024-11-08 15:32'],
    ['full-width digits with a point read as separate words are one amount', [word('退款金额', 0, 80), word('1', 84, 10), word('2', 104, 10), word('8.', 124, 14), word('00,', 144, 24)], '退款金额128.00，'],
    ['full-width digits read as a word with the point are one amount', [word('费用', 0, 40), word('25.', 44, 52), word('00。', 118, 40)], '费用25.00。'],
    ['full-width digits with the point read alone are one amount', [word('费用为', 0, 60), word('6', 64, 10), word('8', 84, 10), word('.', 104, 2), word('50元', 130, 40)], '费用为68.50元'],
    ['full-width digits after a yuan sign read with the first of them are one amount', [word('已达', 0, 40), word('#5', 42, 26), word('8', 88, 10), word('.', 108, 2), word('00，', 130, 40)], '已达¥58.00，'],
    ['full-width digits with the point read with the digit after it are one amount', [word('余额为', 0, 60), word('1', 64, 10), word('2', 84, 10), word('.4', 104, 22), word('0。', 140, 30)], '余额为12.40。'],
    ['a sign and a digit before digits further than a character stay apart', [word('第', 0, 20), word('#1', 22, 20), word('2', 70, 10)], '第#1 2'],
    ['a list\'s number with a point stays apart from a date after it', [word('1.', 0, 12), word('2024年', 26, 60)], '1. 2024年'],
    ['proportional digits with a point before a number stay apart', [word('第', 0, 20), word('12.', 22, 24), word('5G', 56, 20)], '第12. 5G'],
    ['full-width digits read apart after a thousands comma are one amount', [word('NTS$2,', 0, 67), word('460', 80, 49, 16), word('元', 129, 15, 25), word(',', 144, 9, 25)], 'NT$2,460元，'],
    ['a comma before a group of two or four digits stays apart', [word('第2,', 0, 30), word('46', 40, 20), word('號', 62, 20)], '第2, 46號'],
    ['a comma after a long number stays apart', [word('帳號1234,', 0, 80), word('460', 90, 30), word('元', 122, 20)], '帳號1234, 460元'],
    ['a currency sign read as a word of its own goes with the amount after it', [word('金額為', 0, 60), word('$', 64, 17, 49), word('388,', 98, 90, 25), word('到期', 200, 40)], '金額為$388，到期'],
    ['a dollar sign before a word stays apart', [word('in', 0, 20), word('$', 26, 10), word('USD', 40, 30)], 'in $ USD'],
    ['a digit further than a character and a half after a point stays apart', [word('费用', 0, 40), word('25.', 44, 52), word('00', 127, 20)], '费用25. 00'],
    ['digits further apart than a character stay apart', [word('第', 0, 20), word('1', 22, 10), word('2', 60, 10)], '第1 2'],
    ['Latin text keeps lone digits apart', [word('Page', 0, 40), word('1', 46, 10), word('2', 62, 10)], 'Page 1 2'],
  ])('%s', (_name, words, expected) => {
    expect(joinLineWords(words)).toBe(expected);
  });
});

describe('joinLineWords with the page at hand', () => {
  /** A white page 30 px tall with a black block (a character's ink) over each [x0, x1) span, rows 5-24. */
  const page = (...spans: Array<[number, number]>): GrayRaster => {
    const width = 120, height = 30;
    const data = new Uint8ClampedArray(width * height).fill(255);
    for (const [x0, x1] of spans) for (let y = 5; y < 25; y++) data.fill(0, y * width + x0, y * width + x1);
    return { width, height, data };
  };
  const at = (text: string, x: number, w: number): OcrWord => ({ text, confidence: 90, box: { x, y: 5, w, h: 20 } });

  it('joins Chinese characters set close whose boxes are far apart', () => {
    // Ink 18 px wide every 20 px; the engine boxed 帮 short and 我 narrow, 18 px apart.
    const words = [at('请帮', 0, 30), at('我', 48, 8)];
    expect(joinLineWords(words)).toBe('请帮 我');
    expect(joinLineWords(words, blankBetweenIn(page([0, 18], [20, 38], [40, 58])))).toBe('请帮我');
  });

  it('keeps a space where the ink stands apart though the boxes are close', () => {
    const words = [at('27日', 0, 38), at('下午', 48, 38)];
    const raster = page([0, 18], [20, 38], [48, 66], [68, 86]);
    expect(blankBetweenIn(raster)(words[0]!, words[1]!)).toBe(10);
    expect(joinLineWords(words, blankBetweenIn(raster))).toBe('27日 下午');
    expect(joinLineWords([at('27日', 0, 38), at('下午', 41, 45)], blankBetweenIn(page([0, 18], [20, 38], [41, 59], [61, 79])))).toBe('27日下午');
  });

  it('never splits a word of the labels of bills and letters, whatever the blank after a narrow character', () => {
    // 日 of 發文日期, its ink 10 px wide in a 20 px cell: 10 px of blank before 期.
    const raster = page([0, 18], [20, 38], [44, 54], [64, 82]);
    const words = [at('發文日', 0, 54), at('期', 64, 18)];
    expect(blankBetweenIn(raster)(words[0]!, words[1]!)).toBe(10);
    expect(joinLineWords(words, blankBetweenIn(raster))).toBe('發文日期');
    expect(joinLineWords([at('15日', 0, 54), at('下午', 64, 38)], blankBetweenIn(page([0, 18], [20, 38], [44, 54], [64, 82], [84, 102])))).toBe('15日 下午');
  });

  it('measures only between Chinese characters', () => {
    const raster = page([0, 18], [20, 38], [60, 70]);
    expect(joinLineWords([at('金額', 0, 38), at('7', 60, 10)], blankBetweenIn(raster))).toBe('金額 7');
  });
});

describe('postprocess', () => {
  it('rebuilds lines, maps boxes and drops empty words', () => {
    const result = postprocess({
      text: '中 華\n',
      confidence: 80,
      words: [],
      lines: [{ text: '中 華', confidence: 80, box: { x: 0, y: 0, w: 42, h: 20 }, words: [word('中', 0, 20), word(' ', 20, 1), word('華', 22, 20)] }],
    }, (b) => ({ x: b.x / 2, y: b.y / 2, w: b.w / 2, h: b.h / 2 }));
    expect(result.text).toBe('中華');
    expect(result.words.map((w) => w.text)).toEqual(['中', '華']);
    expect(result.words[1]!.box).toEqual({ x: 11, y: 0, w: 10, h: 10 });
    expect(result.lines[0]!.box).toEqual({ x: 0, y: 0, w: 21, h: 10 });
    expect(result.confidence).toBe(90);
  });

  it('reads a Y before an amount alone on its line as the yuan sign on a page of Chinese, and on no other', () => {
    const amount = [word('Y4,299.00', 0, 120), word('x1', 130, 20)];
    const lines = (words: ReturnType<typeof word>[]) => words.map((w) => ({ text: w.text, confidence: 90, box: w.box, words: [w] }));
    const chinese = postprocess({ text: '', confidence: 90, words: [], lines: [...lines([word('星耀X50', 0, 90)]), { text: 'Y4,299.00 x1', confidence: 90, box: { x: 0, y: 0, w: 150, h: 20 }, words: amount }] });
    expect(chinese.text).toBe('星耀X50\n¥4,299.00×1');
    const english = postprocess({ text: '', confidence: 90, words: [], lines: [...lines([word('Model X50', 0, 90)]), { text: 'Y4,299.00 x1', confidence: 90, box: { x: 0, y: 0, w: 150, h: 20 }, words: amount }] });
    expect(english.text).toBe('Model X50\nY4,299.00 x1');
  });

  it('trims word boxes that reach over the next word before mapping them', () => {
    // As read from the receipt: 大 given 148 px wide, over 發 (which starts at 121).
    const words = [word('大', 83, 148), word('發', 121, 33), word('通訊', 154, 60)];
    const result = postprocess({ text: '大發通訊', confidence: 90, words, lines: [{ text: '大發通訊', confidence: 90, box: { x: 83, y: 0, w: 148, h: 20 }, words }] }, (b) => ({ ...b, x: b.x + 1000 }));
    expect(result.text).toBe('大發通訊');
    expect(result.words.map((w) => [w.box.x, w.box.w])).toEqual([[1083, 38], [1121, 33], [1154, 60]]);
  });
});

describe('trimOverlappingBoxes', () => {
  it('ends a box where the next word begins and leaves the others alone', () => {
    const out = trimOverlappingBoxes([word('統一', 83, 221), word('編號', 142, 43), word(':', 191, 10), word('12345678', 211, 93)]);
    expect(out.map((w) => [w.box.x, w.box.w])).toEqual([[83, 59], [142, 43], [191, 10], [211, 93]]);
    expect(out.map((w) => w.text)).toEqual(['統一', '編號', ':', '12345678']);
  });

  it('keeps boxes whose neighbour does not start to their right', () => {
    const words = [word('a', 50, 30), word('b', 40, 30), word('c', 100, 10)];
    expect(trimOverlappingBoxes(words)).toEqual(words);
  });
});
