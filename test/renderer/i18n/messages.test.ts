import { describe, expect, it } from 'vitest';
import { MESSAGES, translate } from '../../../renderer/src/i18n/messages';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  const keys = Object.keys(MESSAGES.en).sort();

  it('has every key in every language, none empty', () => {
    for (const lang of ['zh-TW', 'zh-CN'] as const) {
      expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
      for (const key of keys) expect(MESSAGES[lang][key as keyof typeof MESSAGES.en].trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('uses the same placeholders in every language', () => {
    for (const key of keys) {
      const k = key as keyof typeof MESSAGES.en;
      expect(placeholders(MESSAGES['zh-TW'][k]), key).toEqual(placeholders(MESSAGES.en[k]));
      expect(placeholders(MESSAGES['zh-CN'][k]), key).toEqual(placeholders(MESSAGES.en[k]));
    }
  });

  it('keeps Simplified and Traditional apart where they differ', () => {
    expect(translate('zh-TW', 'nav.evidence')).toBe('證據');
    expect(translate('zh-CN', 'nav.evidence')).toBe('证据');
    expect(translate('zh-TW', 'evidence.importing', { done: 1, total: 3, name: 'a.png' })).toBe('匯入中 1／3：a.png');
  });
});
