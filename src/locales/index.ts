import { en, type MessageKey } from './en.js';
import { ptBR } from './pt-BR.js';

export type { MessageKey };
export type Locale = 'en' | 'pt-BR';
export const LOCALES: readonly Locale[] = ['en', 'pt-BR'];

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, 'pt-BR': ptBR };

/** Discord sends locales like "pt-BR", "en-US", "en-GB": pt-* gets Portuguese, everything else English. */
export function resolveLocale(discordLocale: string | null | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

/**
 * The message for `key` in `locale`, with {placeholders} filled from `values`.
 * @example t('en', 'data.unknownDataset', { name: 'foo', allowed: 'xor, spiral' })
 */
export function t(locale: Locale, key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
  const template = catalogs[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** True when `key` is a message of the catalog (keys can arrive as text, e.g. in a job's failure). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
