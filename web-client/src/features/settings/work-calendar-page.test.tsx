import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { WorkCalendarPage } from './work-calendar-page';

const year = new Date().getFullYear();
const day = (month: number, date: number) => `${String(year)}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
const label = (iso: string, kind: string, shown: string) =>
  zhCN['calendar.dayLabel'].replace('{shown}', shown).replace('{day}', iso).replace('{kind}', kind);

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/settings/work-calendar', () =>
    json({ items: [{ year, source: null, holidays: 1, makeUpWorkdays: 0, version: 4, updatedAt: '2026-01-01T00:00:00+00:00' }] }),
  );
  server.on('GET', `/api/v1/settings/work-calendar/${String(year)}`, () =>
    json({ year, source: 'notice', holidays: [day(1, 1)], makeUpWorkdays: [], version: 4, updatedAt: '2026-01-01T00:00:00+00:00' }, 200, { ETag: '"4"' }),
  );
});

describe('work calendar page', () => {
  it('marks a clicked day as a holiday and saves the year with If-Match', async () => {
    server.on('PUT', `/api/v1/settings/work-calendar/${String(year)}`, () => json({ year, version: 5 }));
    renderWithApp(<WorkCalendarPage />);
    const actor = userEvent.setup();
    const holidayShown = (date: number) => `${String(date)} ${zhCN['calendar.holidayShort']}`;
    expect(await screen.findByLabelText(label(day(1, 1), zhCN['calendar.holidays'], holidayShown(1)))).toBeInTheDocument();

    await actor.click(screen.getByLabelText(new RegExp(`^4，${day(5, 4)}，`)));
    expect(screen.getByLabelText(label(day(5, 4), zhCN['calendar.holidays'], holidayShown(4)))).toHaveAttribute('aria-pressed', 'true');
    await actor.click(screen.getByText(zhCN['common.save']).closest('button')!);

    await waitFor(() => expect(server.requestsTo('PUT', `/api/v1/settings/work-calendar/${String(year)}`)).toHaveLength(1));
    const [put] = server.requestsTo('PUT', `/api/v1/settings/work-calendar/${String(year)}`);
    expect(put?.headers.get('If-Match')).toBe('"4"');
    expect(put?.body).toEqual({ source: 'notice', holidays: [day(1, 1), day(5, 4)], makeUpWorkdays: [] });
  });

  it('shows an error with a retry when the years cannot be loaded', async () => {
    server.on('GET', '/api/v1/settings/work-calendar', () => problem(500));
    renderWithApp(<WorkCalendarPage />);
    expect(await screen.findByRole('button', { name: zhCN['common.retry'] })).toBeInTheDocument();
  });
});
