import { describe, expect, it } from 'vitest';
import { en } from './en';
import { createTranslator, formatMessage } from './translate';
import { zhCN } from './zh-cn';
import { roles } from '../auth/roles';
import { readLocalePreference, writeLocalePreference } from './locale-preference';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('messages', () => {
  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(zhCN)) {
      expect(placeholders(en[key as keyof typeof zhCN]), key).toEqual(placeholders(text));
    }
  });

  it('labels every role in both languages', () => {
    for (const role of roles) {
      expect(Object.keys(zhCN)).toContain(`role.${role}`);
      expect(en[`role.${role}`]).not.toBe(zhCN[`role.${role}`]);
    }
  });

  it('fills in parameters', () => {
    expect(formatMessage('第 {page} 页，{name}', { page: 2, name: '甲' })).toBe('第 2 页，甲');
    expect(createTranslator('en')('users.created', { name: 'Li' })).toBe('User Li was created.');
  });

  it('remembers the chosen language and defaults to Chinese', () => {
    expect(readLocalePreference()).toBe('zh-CN');
    writeLocalePreference('en');
    expect(readLocalePreference()).toBe('en');
    window.localStorage.setItem('fengqiao.locale', 'fr');
    expect(readLocalePreference()).toBe('zh-CN');
  });
});
