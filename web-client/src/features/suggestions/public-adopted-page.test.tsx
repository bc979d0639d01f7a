import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { PublicAdoptedPage } from './public-adopted-page';

const adopted = {
  id: 's-1',
  status: 'implemented',
  title: '建议开放学校体育场地',
  topicTitle: null,
  regionName: '府山街道',
  outcome: 'partly_adopted',
  answeredAt: '2026-10-01T02:00:00+00:00',
  implementation: '周边三所学校操场已错时开放。',
  implementedAt: '2026-11-01T02:00:00+00:00',
  award: '评为年度优秀建议。',
  awardedAt: '2026-11-08T02:00:00+00:00',
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
});

describe('public adopted suggestions', () => {
  it('lists adopted suggestions with what was done, and the awarded ones on their own tab', async () => {
    server.on('GET', '/api/v1/public/adopted-suggestions', (request) =>
      request.path.includes('awarded=true')
        ? json({ items: [adopted], nextCursor: null })
        : json({ items: [{ ...adopted, id: 's-2', title: '建议增设社区食堂', status: 'answered', implementation: null, implementedAt: null, award: null, awardedAt: null }], nextCursor: null }),
    );
    renderWithApp(<PublicAdoptedPage />, { path: '/public/suggestions/adopted' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { name: '建议增设社区食堂' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(zhCN['publicAdopted.inProgress'])).toBeInTheDocument();
    expect(server.requestsTo('GET', '/api/v1/public/adopted-suggestions')[0]?.path).toContain('awarded=false');

    await user.click(screen.getByText(zhCN['publicAdopted.awarded']));
    expect(await screen.findByRole('heading', { name: '建议开放学校体育场地' })).toBeInTheDocument();
    expect(screen.getByText('周边三所学校操场已错时开放。')).toBeInTheDocument();
    expect(screen.getByText('评为年度优秀建议。')).toBeInTheDocument();
    expect(screen.getByText(zhCN['suggestionOutcome.partly_adopted'])).toBeInTheDocument();
    await waitFor(() => expect(server.requestsTo('GET', '/api/v1/public/adopted-suggestions').at(-1)?.headers.get('Authorization')).toBeNull());
  });

  it('says when there are none yet', async () => {
    server.on('GET', '/api/v1/public/adopted-suggestions', () => json({ items: [], nextCursor: null }));
    renderWithApp(<PublicAdoptedPage />, { path: '/public/suggestions/adopted' });
    expect(await screen.findByText(zhCN['publicAdopted.empty'], {}, { timeout: 5000 })).toBeInTheDocument();
  });
});
