import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { ClassifyDialog } from './classify-dialog';

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('POST', '/api/v1/petitions/p-1/classification', () => json({ id: 'p-1', version: 2 }));
});

describe('classification dialog', () => {
  it('accepts with a notice, sending If-Match and no legal channel', async () => {
    const onClose = vi.fn();
    renderWithApp(<ClassifyDialog petitionId="p-1" etag={'"1"'} open onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(zhCN['classify.notice']), '已受理。');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const sent = server.requestsTo('POST', '/api/v1/petitions/p-1/classification')[0];
    expect(sent?.headers.get('If-Match')).toBe('"1"');
    expect(sent?.body).toEqual({ decision: 'accept', reason: null, notice: '已受理。', legalChannel: null });
  });

  it('requires a reason for any decision but accept', async () => {
    renderWithApp(<ClassifyDialog petitionId="p-1" etag={'"1"'} open onClose={vi.fn()} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText(zhCN['classify.decision']));
    await user.click(await screen.findByTitle(zhCN['decision.not_accept']));
    await user.type(within(dialog).getByLabelText(zhCN['classify.notice']), '不予受理。');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));

    expect(await within(dialog).findByText(zhCN['classify.reasonRequired'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/petitions/p-1/classification')).toHaveLength(0);
  });

  it('accepts a final matter only with the new facts or reasons, and sends them as the reason', async () => {
    const onClose = vi.fn();
    renderWithApp(<ClassifyDialog petitionId="p-1" etag={'"1"'} finalMatter open onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(zhCN['classify.finalMatter'])).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(zhCN['classify.notice']), '已受理。');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));
    expect(await within(dialog).findByText(zhCN['classify.newFactsOrReasonsRequired'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/petitions/p-1/classification')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(zhCN['classify.newFactsOrReasons']), '终结后新发生漏水。');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(server.requestsTo('POST', '/api/v1/petitions/p-1/classification')[0]?.body).toMatchObject({ decision: 'accept', reason: '终结后新发生漏水。' });
  });
});
