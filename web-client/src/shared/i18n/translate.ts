import { en } from './en';
import { zhCN, type MessageKey } from './zh-cn';

export type Locale = 'zh-CN' | 'en';

export type MessageParams = Record<string, string | number>;

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const defaultLocale: Locale = 'zh-CN';

export const supportedLocales: readonly Locale[] = ['zh-CN', 'en'];

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, value);
}

export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}

export function createTranslator(locale: Locale): Translate {
  const messages = dictionaries[locale];
  return (key, params) => formatMessage(messages[key], params);
}

export function messagesOf(locale: Locale): Record<MessageKey, string> {
  return dictionaries[locale];
}
