import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { ResponsibilityLetterFormModal } from './responsibility-letter-form-modal';

const regions = [
  { id: 'r-district', code: '330602', name: '越城区', level: 'district', parentId: null, path: '/330602/', retiredAt: null, version: 1 },
  { id: 'r-town', code: '330602001', name: '府山街道', level: 'town', parentId: 'r-district', path: '/330602/330602001/', retiredAt: null, version: 1 },
];

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/regions', () => json({ items: regions }));
});

type Actor = ReturnType<typeof userEvent.setup>;

async function pickRegion(actor: Actor, dialog: HTMLElement, label: string, name: string) {
  const box = within(dialog).getByLabelText(label);
  await actor.click(box);
  const options = await screen.findAllByTitle(name);
  await actor.click(options[options.length - 1]!);
}

/** Pastes rather than types: one input event per field keeps the test quick on a busy machine. */
async function fill(actor: Actor, field: HTMLElement, text: string) {
  await actor.click(field);
  await actor.paste(text);
}

/** Fills the form: district to town, two signatories, signed on the given day. */
async function fillLetter(actor: Actor, signedOn: string) {
  const dialog = await screen.findByRole('dialog');
  await pickRegion(actor, dialog, zhCN['letters.issuingRegion'], '越城区');
  await pickRegion(actor, dialog, zhCN['letters.receivingRegion'], '府山街道');
  await fill(actor, within(dialog).getByLabelText('第 1 位签订人姓名'), '张伟');
  await fill(actor, within(dialog).getByLabelText('第 1 位签订人职务'), '区长');
  await fill(actor, within(dialog).getByLabelText('第 2 位签订人姓名'), '李娜');
  await fill(actor, within(dialog).getByLabelText('第 2 位签订人职务'), '街道办事处主任');
  const date = within(dialog).getByLabelText(zhCN['letters.signedOn']);
  await actor.click(date);
  await actor.paste(signedOn);
  await actor.keyboard('{Enter}');
  await actor.click(within(dialog).getByRole('button', { name: zhCN['common.create'] }));
  return dialog;
}

describe('responsibility letter form', () => {
  it('asks for the regions, signatories and date before sending anything', async () => {
    renderWithApp(<ResponsibilityLetterFormModal open year={2026} onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.setup().click(within(dialog).getByRole('button', { name: zhCN['common.create'] }));

    // Two regions, two names, two posts and the date.
    await waitFor(() => expect(within(dialog).getAllByText(zhCN['letters.required'])).toHaveLength(7), { timeout: 5000 });
    expect(server.requestsTo('POST', '/api/v1/responsibility-letters')).toHaveLength(0);
  });

  it('sends the letter with its signatories and the year shown', async () => {
    server.on('POST', '/api/v1/responsibility-letters', () => json({ id: 'l-1', version: 1 }, 201));
    const onClose = vi.fn();
    renderWithApp(<ResponsibilityLetterFormModal open year={2026} onClose={onClose} />);

    await fillLetter(userEvent.setup(), '2026-01-05');

    await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 5000 });
    const [post] = server.requestsTo('POST', '/api/v1/responsibility-letters');
    expect(post?.body).toEqual({
      year: 2026,
      issuingRegionId: 'r-district',
      issuingUnitId: null,
      receivingRegionId: 'r-town',
      receivingUnitId: null,
      signatories: [
        { name: '张伟', post: '区长' },
        { name: '李娜', post: '街道办事处主任' },
      ],
      signedOn: '2026-01-05',
    });
  });

  it('shows the level rule on the receiving region', async () => {
    server.on('POST', '/api/v1/responsibility-letters', () =>
      problem(400, { errors: { ReceivingRegionId: ['Letters are signed level by level.'] } }),
    );
    const onClose = vi.fn();
    renderWithApp(<ResponsibilityLetterFormModal open year={2026} onClose={onClose} />);

    const dialog = await fillLetter(userEvent.setup(), '2026-01-05');

    expect(await within(dialog).findByText('Letters are signed level by level.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });
});
