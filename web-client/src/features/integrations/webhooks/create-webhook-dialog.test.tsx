import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render-with-app';
import { CreateWebhookDialog } from './create-webhook-dialog';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/integrations/webhooks/event-types', () =>
    json([
      { name: 'petition.accepted', description: 'A petition was accepted for handling.' },
      { name: 'case.closed', description: 'A case was closed.' },
    ]),
  );
});

/** The page's part: opens the dialog and closes it when told, and can open it again. */
function Harness() {
  const [open, setOpen] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        reopen
      </button>
      <CreateWebhookDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

async function fillAndSave(url: string) {
  const user = userEvent.setup();
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByLabelText(zhCN['webhooks.url']));
  await user.paste(url);
  await user.click(await within(dialog).findByLabelText(zhCN['webhookEvent.case.closed']));
  await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
  return { user, dialog };
}

describe('create webhook dialog', () => {
  it('sends the chosen events and then shows the signing secret once, until closed', async () => {
    server.on('POST', '/api/v1/integrations/webhooks', () => json({ id: 'w-1', version: 1, secret }, 201));
    renderWithApp(<Harness />);

    const { user } = await fillAndSave('https://hotline.example.org/hooks');

    expect(await screen.findByTestId('webhook-secret')).toHaveTextContent(secret);
    expect(screen.getByText(zhCN['webhooks.secretOnce'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/integrations/webhooks')[0]?.body).toEqual({
      url: 'https://hotline.example.org/hooks',
      eventTypes: ['case.closed'],
    });

    await user.click(screen.getByRole('button', { name: zhCN['webhooks.done'] }));
    await waitFor(() => expect(screen.queryByTestId('webhook-secret')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'reopen' }));
    expect(await screen.findByLabelText(zhCN['webhooks.url'])).toHaveValue('');
    expect(screen.queryByText(secret)).not.toBeInTheDocument();
  });

  it('places the server’s refusal of an internal address on the URL and shows no secret', async () => {
    server.on('POST', '/api/v1/integrations/webhooks', () =>
      problem(400, { errors: { url: ['The URL leads to a private, loopback, link-local or otherwise internal address.'] } }),
    );
    renderWithApp(<CreateWebhookDialog open onClose={vi.fn()} />);

    const { dialog } = await fillAndSave('https://10.0.0.5/hooks');

    expect(await within(dialog).findByText('The URL leads to a private, loopback, link-local or otherwise internal address.')).toBeInTheDocument();
    expect(screen.queryByTestId('webhook-secret')).not.toBeInTheDocument();
  });

  it('asks for at least one event before sending', async () => {
    renderWithApp(<CreateWebhookDialog open onClose={vi.fn()} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText(zhCN['webhooks.url']));
    await user.paste('https://hotline.example.org/hooks');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));

    expect(await within(dialog).findByText(zhCN['webhooks.chooseEvents'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/integrations/webhooks')).toHaveLength(0);
  });
});
