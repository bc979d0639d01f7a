import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebhookSubscription } from '../../../shared/api/api-types';
import { zhCN } from '../../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render-with-app';
import { RotateWebhookSecretDialog } from './rotate-webhook-secret-dialog';

const subscription: WebhookSubscription = {
  id: 'w-1',
  url: 'https://hotline.example.org/hooks',
  description: null,
  eventTypes: ['petition.accepted'],
  ownerUnitId: 'n-town',
  ownerUnitName: '府山街道办事处',
  ownerClientId: null,
  status: 'active',
  failingSince: null,
  disabledAt: null,
  createdAt: '2026-03-09T01:30:00Z',
  version: 3,
};
const secret = 'whsec_Zm9yIHRoZSByZWNlaXZlciBvbmx5LCBzaG93biBvbmNl';
const path = '/api/v1/integrations/webhooks/w-1/secret-rotation';

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
});

async function rotateWithOverlap(hours: string) {
  const user = userEvent.setup();
  const dialog = await screen.findByRole('dialog');
  const overlap = within(dialog).getByLabelText(zhCN['integrations.overlapHours']);
  await user.clear(overlap);
  await user.type(overlap, hours);
  await user.click(within(dialog).getByRole('button', { name: zhCN['integrations.rotateConfirm'] }));
  return dialog;
}

describe('rotate webhook secret dialog', () => {
  it('sends the overlap with the version read, then shows the new secret once and how long the old one still signs', async () => {
    server.on('POST', path, () => json({ id: 'w-1', version: 4, secret, previousSecretExpiresAt: '2026-03-10T01:30:00Z' }));
    renderWithApp(<RotateWebhookSecretDialog subscription={subscription} onClose={vi.fn()} />);

    await rotateWithOverlap('48');

    expect(await screen.findByTestId('webhook-secret')).toHaveTextContent(secret);
    expect(screen.getByText(zhCN['webhooks.secretOnce'])).toBeInTheDocument();
    expect(screen.getByText(/前推送仍附带旧密钥的签名/)).toBeInTheDocument();
    const [sent] = server.requestsTo('POST', path);
    expect(sent?.body).toEqual({ overlapHours: 48 });
    expect(sent?.headers.get('If-Match')).toBe('"3"');
  });

  it('shows the server’s refusal and no secret when the subscription changed meanwhile', async () => {
    server.on('POST', path, () => problem(412, { title: 'The subscription was changed by someone else.' }));
    renderWithApp(<RotateWebhookSecretDialog subscription={subscription} onClose={vi.fn()} />);

    const dialog = await rotateWithOverlap('0');

    expect(await within(dialog).findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByTestId('webhook-secret')).not.toBeInTheDocument();
  });
});
