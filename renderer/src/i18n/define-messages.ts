/**
 * Each area of the UI declares its messages in all three languages with `defineMessages`; the
 * compiler refuses a key that one language lacks. `i18n/messages.ts` merges them into the one
 * catalogue.
 */
import type { Language } from '../../../shared/case/schema';

export type AreaMessages<K extends string> = Record<Language, Record<K, string>>;

export function defineMessages<K extends string>(messages: { en: Record<K, string>; 'zh-TW': Record<NoInfer<K>, string>; 'zh-CN': Record<NoInfer<K>, string> }): AreaMessages<K> {
  return messages;
}
