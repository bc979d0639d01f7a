import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-cn';
import { renderWithApp } from '../../test/render-with-app';
import { LightTag } from './light-tag';

describe('traffic light tag', () => {
  it('names the light in words and colours it', () => {
    renderWithApp(<LightTag light="red" />);
    const tag = screen.getByTestId('case-light');
    expect(tag).toHaveTextContent(zhCN['light.red']);
    expect(tag).toHaveAttribute('data-light', 'red');
    expect(tag.className).toMatch(/error/);
  });

  it('uses the chosen language', () => {
    renderWithApp(<LightTag light="yellow" />, { locale: 'en' });
    const tag = screen.getByTestId('case-light');
    expect(tag).toHaveTextContent(en['light.yellow']);
    expect(tag.className).toMatch(/warning/);
  });
});
