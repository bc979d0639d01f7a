import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResponsibilityLetter } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { ResponsibilityLetterCorrectModal } from './responsibility-letter-correct-modal';
import { ResponsibilityLetterWithdrawModal } from './responsibility-letter-withdraw-modal';

const letter: ResponsibilityLetter = {
  id: 'l-1',
  year: 2026,
  issuingRegionId: 'r-district',
  issuingRegionName: '越城区',
  issuingUnitId: 'u-district',
  issuingUnitName: '越城区人民政府',
  receivingRegionId: 'r-town',
  receivingRegionName: '府山街道',
  receivingLevel: 'town',
  receivingUnitId: null,
  receivingUnitName: null,
  signedOn: '2026-02-01',
  signatories: [{ name: '李明', post: '区长' }],
  file: null,
  withdrawal: null,
  version: 3,
};
const letterPath = '/api/v1/responsibility-letters/l-1';
const withdrawalPath = '/api/v1/responsibility-letters/l-1/withdrawal';
const title = (key: 'letters.correctTitle' | 'letters.withdrawTitle') =>
  zhCN[key].replace('{issuing}', '越城区').replace('{receiving}', '府山街道').replace('{year}', '2026');

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/responsibility-letters', () => json({ items: [letter], nextCursor: null }));
});

type Actor = ReturnType<typeof userEvent.setup>;

/** Pastes rather than types: one input event per field keeps the test quick on a busy machine. */
async function replace(actor: Actor, field: HTMLElement, text: string) {
  await actor.clear(field);
  await actor.click(field);
  await actor.paste(text);
}

describe('correcting a letter', () => {
  it('sends the corrected signatories and the reason with the letter’s version as If-Match, keeping its units', async () => {
    server.on('PUT', letterPath, () => json({ id: 'l-1', version: 4 }));
    const onClose = vi.fn();
    renderWithApp(<ResponsibilityLetterCorrectModal letter={letter} onClose={onClose} />);
    const actor = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: title('letters.correctTitle') });

    await replace(actor, within(dialog).getByLabelText('第 1 位签订人姓名'), '王强');
    await replace(actor, within(dialog).getByLabelText(zhCN['letters.reason']), '签订人登记有误');
    await actor.click(within(dialog).getByRole('button', { name: zhCN['letters.correct'] }));

    await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 5000 });
    const [put] = server.requestsTo('PUT', letterPath);
    expect(put?.headers.get('If-Match')).toBe('"3"');
    expect(put?.body).toEqual({
      issuingUnitId: 'u-district',
      receivingUnitId: null,
      signatories: [{ name: '王强', post: '区长' }],
      signedOn: '2026-02-01',
      reason: '签订人登记有误',
    });
  });

  it('asks for the reason before sending anything', async () => {
    renderWithApp(<ResponsibilityLetterCorrectModal letter={letter} onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog', { name: title('letters.correctTitle') });

    await userEvent.setup().click(within(dialog).getByRole('button', { name: zhCN['letters.correct'] }));

    expect(await within(dialog).findByText(zhCN['letters.required'])).toBeInTheDocument();
    expect(server.requestsTo('PUT', letterPath)).toHaveLength(0);
  });

  it('asks to try again after a stale correction and reads the letters afresh', async () => {
    server.on('PUT', letterPath, () => problem(412, { detail: 'stale' }));
    const onClose = vi.fn();
    renderWithApp(<ResponsibilityLetterCorrectModal letter={letter} onClose={onClose} />);
    const actor = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: title('letters.correctTitle') });

    await replace(actor, within(dialog).getByLabelText(zhCN['letters.reason']), '签订人登记有误');
    await actor.click(within(dialog).getByRole('button', { name: zhCN['letters.correct'] }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(zhCN['error.stale']);
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe('withdrawing a letter', () => {
  it('sends the reason with the letter’s version as If-Match', async () => {
    server.on('POST', withdrawalPath, () => json({ id: 'l-1', version: 4 }));
    const onClose = vi.fn();
    renderWithApp(<ResponsibilityLetterWithdrawModal letter={letter} onClose={onClose} />);
    const actor = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: title('letters.withdrawTitle') });

    await replace(actor, within(dialog).getByLabelText(zhCN['letters.reason']), '误登记');
    await actor.click(within(dialog).getByRole('button', { name: zhCN['letters.withdraw'] }));

    await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 5000 });
    const [post] = server.requestsTo('POST', withdrawalPath);
    expect(post?.headers.get('If-Match')).toBe('"3"');
    expect(post?.body).toEqual({ reason: '误登记' });
  });

  it('says so when the letter was withdrawn meanwhile', async () => {
    server.on('POST', withdrawalPath, () => problem(409, { code: 'responsibility_letter_withdrawn', detail: 'withdrawn' }));
    const onClose = vi.fn();
    renderWithApp(<ResponsibilityLetterWithdrawModal letter={letter} onClose={onClose} />);
    const actor = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: title('letters.withdrawTitle') });

    await replace(actor, within(dialog).getByLabelText(zhCN['letters.reason']), '误登记');
    await actor.click(within(dialog).getByRole('button', { name: zhCN['letters.withdraw'] }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(zhCN['error.responsibilityLetterWithdrawn']);
    expect(onClose).not.toHaveBeenCalled();
  });
});
