import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DisputeDetail } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { ConfirmationDialog } from './confirmation-dialog';

const dispute = (dueOn: string) =>
  ({ id: 'd-1', number: '越城调-2026-000001', status: 'agreed', version: 4, allowedActions: [], agreement: { confirmationDueOn: dueOn } }) as unknown as DisputeDetail;

const applyPath = '/api/v1/mediation/disputes/d-1/judicial-confirmation';
let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json({ id: 'u-1', userName: 'town.mediator', displayName: '王调解', roles: ['mediator'], capabilities: ['view_disputes', 'mediate_disputes'] }));
});

describe('judicial confirmation dialog', () => {
  it('refuses an application after the window, sending nothing', async () => {
    const due = dayjs().subtract(1, 'day').format('YYYY-MM-DD');
    renderWithApp(<ConfirmationDialog dispute={dispute(due)} step="apply" onClose={vi.fn()} />);
    const user = userEvent.setup();
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByLabelText(zhCN['confirmation.court']), '越城区人民法院');
    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));
    expect(await dialog.findByText(zhCN['confirmation.pastWindow'].replace('{due}', due))).toBeInTheDocument();
    expect(server.requestsTo('POST', applyPath)).toHaveLength(0);
  });

  it('sends an application within the window with the version read', async () => {
    server.on('POST', applyPath, () => json({ id: 'd-1', version: 5 }));
    const onClose = vi.fn();
    renderWithApp(<ConfirmationDialog dispute={dispute(dayjs().add(5, 'day').format('YYYY-MM-DD'))} step="apply" onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByLabelText(zhCN['confirmation.court']), '越城区人民法院');
    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const sent = server.requestsTo('POST', applyPath).at(-1)!;
    expect(sent.headers.get('If-Match')).toBe('"4"');
    expect(sent.body).toEqual({ appliedOn: dayjs().format('YYYY-MM-DD'), court: '越城区人民法院' });
  });
});
