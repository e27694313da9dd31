import { describe, expect, it } from 'vitest';
import { CaseSchema, type Case } from '../../../shared/case/schema';
import { charCount } from '../../../shared/letters/format';
import { portalSummary } from '../../../shared/letters/portal';
import { cnBroadbandCase, hkBillingCase, twContractCase } from './cases';

/** The contract case with a long history: 40 dated calls with long notes, 12 claims. */
function longCase(): Case {
  const c = twContractCase();
  return CaseSchema.parse({
    ...c,
    events: Array.from({ length: 40 }, (_, i) => ({
      id: `ev${i}`, date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      title: `第${i + 1}次致電客服`, detail: '客服表示會轉交主管處理並於三日內回電，但始終未回電，也未提供任何書面說明。'.repeat(2), category: 'call', evidence: ['calls'],
    })),
    claims: Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, title: `訴求第${i + 1}點：客服一再承諾回電卻未兌現`, detail: '詳如事實經過所載。'.repeat(4), amount: 50, currency: 'TWD', calculation: '50元 × 1個月', evidence: ['calls'] })),
  });
}

describe('portalSummary', () => {
  it.each([80, 120, 200, 300, 500, 1000, 2000])('every section of a long case fits %d characters', (maxChars) => {
    const summary = portalSummary(longCase(), { maxChars });
    expect(summary.sections.map((s) => s.key)).toEqual(['facts', 'claims', 'demands', 'exhibits']);
    for (const s of summary.sections) {
      expect(s.chars).toBe(charCount(s.text));
      expect(s.chars).toBeLessThanOrEqual(maxChars);
      expect(s.text.length).toBeGreaterThan(0);
    }
  });

  it('keeps everything when it fits, and says how many items were left out when not', () => {
    const full = portalSummary(twContractCase(), { maxChars: 2000 });
    expect(full.sections.every((s) => !s.isShortened)).toBe(true);
    const facts = full.sections.find((s) => s.key === 'facts')!.text;
    expect(facts).toContain('1. 110/03/15（2021-03-15） 於直營門市以電子簽名簽約並取得手機：現場開通使用。（A-1、A-3）');
    expect(facts.split('\n')).toHaveLength(4);
    const claims = full.sections.find((s) => s.key === 'claims')!.text;
    expect(claims).toContain('（新台幣9,000元 = 24,900元 − 15,900元）');
    expect(claims.endsWith('合計：新台幣9,000元')).toBe(true);

    const short = portalSummary(longCase(), { maxChars: 500 });
    const longFacts = short.sections.find((s) => s.key === 'facts')!;
    expect(longFacts.isShortened).toBe(true);
    expect(longFacts.text).toMatch(/…另有\d+項，詳見附件/);
    const shortClaims = short.sections.find((s) => s.key === 'claims')!.text;
    expect(shortClaims.endsWith('合計：新台幣600元')).toBe(true);
  });

  it('writes in the case language with titles for each form field', () => {
    expect(portalSummary(cnBroadbandCase()).text).toMatch(/^【事实经过】\n1\. 2009年12月3日 办理200元300小时宽带套餐/);
    expect(portalSummary(cnBroadbandCase()).text).toContain('【具体要求】\n1. 退还按分钟计费产生的费用254元');
    const hk = portalSummary(hkBillingCase()).text;
    expect(hk).toContain('[Points of complaint]\n1. Roaming billed at pay-as-you-go rates: The day pass covered the usage. (HK$918.00 = HK$ 918.00 − HK$ 0) (A-1, A-2)\nTotal: HK$918.00');
    expect(hk).toContain('[Exhibits]\nA-1 September bill 2024-10-02\nA-2 Roaming pass confirmation SMS');
  });

  it('leaves out empty sections', () => {
    const c = twContractCase();
    const summary = portalSummary({ ...c, demands: [], evidence: [] });
    expect(summary.sections.map((s) => s.key)).toEqual(['facts', 'claims']);
  });
});
