import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportJobView } from '../../shared/api/api-types';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { ExportButton } from './export-button';

const leader = {
  id: 'u-leader',
  userName: 'district.leader',
  displayName: '李书记',
  roles: ['leader'],
  capabilities: ['view_metrics'],
  unit: { id: 'n-district', name: '越城区委', kind: 'petition_bureau' },
  jurisdiction: { regionId: 'r-district', name: '越城区', level: 'district', path: '/r-district/' },
};

const jobPath = '/api/v1/metrics/export-jobs/j-1';

const job = (state: ExportJobView['state'], rowsDone: number, rowsTotal: number | null, extra: Partial<ExportJobView> = {}): ExportJobView => ({
  id: 'j-1',
  kind: 'daily_facts',
  format: 'xlsx',
  parameters: { regionId: 'r-district', from: '2026-01-01', to: '2026-03-31', month: null, groupBy: null },
  state,
  progress: rowsTotal ? Math.floor((rowsDone * 100) / rowsTotal) : state === 'succeeded' ? 100 : 0,
  rowsDone,
  rowsTotal,
  fileName: state === 'succeeded' ? 'daily-facts-20260101-20260331.xlsx' : null,
  sizeBytes: state === 'succeeded' ? 4096 : null,
  error: null,
  createdAt: '2026-04-01T08:00:00+08:00',
  finishedAt: null,
  expiresAt: null,
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;
let saved: ReturnType<typeof vi.fn<(blob: Blob) => string>>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(leader));
  saved = vi.fn<(blob: Blob) => string>(() => 'blob:saved');
  // jsdom has no object URLs; the saved blob is what the browser would have offered as the file.
  vi.stubGlobal('URL', class extends URL { static override createObjectURL = saved; static override revokeObjectURL = vi.fn(); });
});

const choose = async (user: ReturnType<typeof userEvent.setup>, button: string, format: string) => {
  await user.click(await screen.findByRole('button', { name: new RegExp(button) }));
  await user.click(await screen.findByText(format));
};

describe('export button', () => {
  it('downloads a small ranking at once, without a job', async () => {
    server.on('GET', '/api/v1/metrics/five-colour/export', () => new Response('PK-xlsx', { status: 200 }));
    renderWithApp(<ExportButton request={{ kind: 'five_colour_ranking', month: '2026-03' }} rows={12} />, { path: '/dashboard' });

    await choose(userEvent.setup(), zhCN['metrics.export.button'], zhCN['metrics.export.as.xlsx']);

    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(server.requestsTo('GET', '/api/v1/metrics/five-colour/export')[0]?.path).toContain('format=xlsx');
    expect(server.requestsTo('POST', '/api/v1/metrics/export-jobs')).toHaveLength(0);
  });

  it('starts a job, shows its progress, then offers the file', async () => {
    server.on('POST', '/api/v1/metrics/export-jobs', () => json(job('queued', 0, null), 202));
    server.on(
      'GET',
      jobPath,
      () => json(job('running', 250, 1000)),
      () => json(job('succeeded', 1000, 1000)),
    );
    server.on('GET', `${jobPath}/file`, () => new Response('PK-facts', { status: 200 }));
    renderWithApp(<ExportButton request={{ kind: 'daily_facts', from: '2026-01-01', to: '2026-03-31' }} />, { path: '/metrics' });
    const user = userEvent.setup();

    await choose(user, zhCN['metrics.export.button'], zhCN['metrics.export.as.xlsx']);

    expect(server.requestsTo('POST', '/api/v1/metrics/export-jobs')[0]?.body).toEqual({
      kind: 'daily_facts',
      format: 'xlsx',
      parameters: { from: '2026-01-01', to: '2026-03-31' },
    });
    expect(await screen.findByText('已写入 250 / 1000 行', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    const link = await screen.findByRole('button', { name: /下载 daily-facts-20260101-20260331.xlsx/ }, { timeout: 3000 });
    await user.click(link);
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(await saved.mock.calls[0]?.[0].text()).toBe('PK-facts');
  });

  it('is disabled when there is nothing to export', async () => {
    renderWithApp(<ExportButton request={{ kind: 'indicators', from: '2026-01-01', to: '2026-03-31', groupBy: 'region' }} rows={0} />, { path: '/metrics' });

    expect(await screen.findByRole('button', { name: new RegExp(zhCN['metrics.export.button']) })).toBeDisabled();
  });

  it('says why a job failed, in English', async () => {
    server.on('POST', '/api/v1/metrics/export-jobs', () => json(job('queued', 0, null), 202));
    server.on('GET', jobPath, () => json(job('failed', 0, 10, { error: 'interrupted' })));
    renderWithApp(<ExportButton request={{ kind: 'indicators', from: '2026-01-01', to: '2026-03-31', groupBy: 'month' }} rows={3} />, {
      path: '/metrics',
      locale: 'en',
    });

    await choose(userEvent.setup(), en['metrics.export.button'], en['metrics.export.as.csv']);

    expect(await screen.findByText(en['metrics.export.error.interrupted'], {}, { timeout: 3000 })).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/metrics/export-jobs')[0]?.body).toMatchObject({ kind: 'indicators', format: 'csv' });
  });

  it('shows the problem when the job cannot be started, with a retry', async () => {
    server.on(
      'POST',
      '/api/v1/metrics/export-jobs',
      () => problem(500),
      () => json(job('queued', 0, null), 202),
    );
    server.on('GET', jobPath, () => json(job('running', 1, 4)));
    renderWithApp(<ExportButton request={{ kind: 'daily_facts', from: '2026-01-01', to: '2026-03-31' }} />, { path: '/metrics' });
    const user = userEvent.setup();

    await choose(user, zhCN['metrics.export.button'], zhCN['metrics.export.as.csv']);
    await user.click(await screen.findByRole('button', { name: zhCN['common.retry'] }));

    expect(await screen.findByText('已写入 1 / 4 行', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/metrics/export-jobs')).toHaveLength(2);
  });
});
