import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { CreateApiClientDialog } from './create-api-client-dialog';

const units = [{ id: 'n-town', name: '府山街道办事处', kind: 'town_government', regionId: 'r-town', regionName: '府山街道' }];
const apiKey = '0191c7a2b3c44d5e8f9a0b1c2d3e4f50.q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/units', () => json({ items: units, nextCursor: null }));
});

/** The page's part: opens the dialog and closes it when told, and can open it again. */
function Harness() {
  const [open, setOpen] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        reopen
      </button>
      <CreateApiClientDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

async function fillAndSave() {
  const user = userEvent.setup();
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByLabelText(zhCN['integrations.name']));
  await user.paste('12345 热线平台');
  await user.click(within(dialog).getByLabelText(zhCN['integrations.unit']));
  await user.click(await screen.findByTitle('府山街道办事处 · 府山街道 · 乡镇（街道）'));
  await user.click(within(dialog).getByLabelText(zhCN['integrations.scope.petitions:write']));
  await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
  return { user, dialog };
}

describe('create API client dialog', () => {
  it('sends the client and then shows its key once, with a copy button, until closed', async () => {
    server.on('POST', '/api/v1/integrations/clients', () => json({ id: 'c-1', version: 1, apiKey, previousSecretsExpireAt: null }, 201));
    renderWithApp(<Harness />);

    const { user } = await fillAndSave();

    expect(await screen.findByTestId('api-key')).toHaveTextContent(apiKey);
    expect(screen.getByText(zhCN['integrations.keyOnce'])).toBeInTheDocument();
    expect(screen.getByRole('button', { name: zhCN['integrations.copy'] })).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/integrations/clients')[0]?.body).toEqual({
      name: '12345 热线平台',
      unitId: 'n-town',
      scopes: ['petitions:write'],
      rateLimitPerMinute: 600,
    });

    await user.click(screen.getByRole('button', { name: zhCN['integrations.done'] }));
    await waitFor(() => expect(screen.queryByTestId('api-key')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'reopen' }));
    expect(await screen.findByLabelText(zhCN['integrations.name'])).toHaveValue('');
    expect(screen.queryByText(apiKey)).not.toBeInTheDocument();
  });

  it('places the server’s field errors and shows no key', async () => {
    server.on('POST', '/api/v1/integrations/clients', () =>
      problem(400, { errors: { unitId: ['No such unit in your jurisdiction.'] } }),
    );
    renderWithApp(<CreateApiClientDialog open onClose={vi.fn()} />);

    const { dialog } = await fillAndSave();

    expect(await within(dialog).findByText('No such unit in your jurisdiction.')).toBeInTheDocument();
    expect(screen.queryByTestId('api-key')).not.toBeInTheDocument();
  });
});
