import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { PublicTrackPage } from './public-track-page';

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/petition-categories', () => json({ items: [] }));
  server.on('GET', '/api/v1/public/petitions/TRK-1', () =>
    json({ number: '越城-2026-000001', status: 'accepted', receivedAt: '2026-03-02T01:00:00Z', category: 'x', timeline: [] }),
  );
});

describe('public tracking page', () => {
  it('hands the tracking code and secret to the handling slot once the petition is found', async () => {
    const renderHandling = vi.fn(({ trackingCode }: { trackingCode: string }) => <p>{`handling of ${trackingCode}`}</p>);
    renderWithApp(<PublicTrackPage renderHandling={renderHandling} />, { path: '/public/track' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(zhCN['public.trackingCode']), ' TRK-1 ');
    await user.type(screen.getByLabelText(zhCN['public.secret']), 's3cret');
    await user.click(screen.getByRole('button', { name: zhCN['public.track'] }));

    expect(await screen.findByText('handling of TRK-1')).toBeInTheDocument();
    expect(renderHandling).toHaveBeenLastCalledWith({ trackingCode: 'TRK-1', secret: 's3cret' });
  });
});
