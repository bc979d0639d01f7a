import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { DiaryEntryPage } from './diary-entry-page';
import { DiaryListPage } from './diary-list-page';
import { DiaryLogPage } from './diary-log-page';

const cadre = {
  id: 'u-cadre',
  userName: 'town.petition_officer',
  displayName: '王干部',
  roles: ['petition_officer'],
  capabilities: ['register_petition', 'view_diary', 'keep_diary'],
  unit: { id: 'n-town', name: '府山街道', kind: 'town_government' },
  jurisdiction: { regionId: 'r-town', name: '府山街道', level: 'town', path: '/r-district/r-town/' },
};

const entry = {
  id: 'e-1',
  kind: 'visit',
  source: null,
  household: '王建国',
  visitedOn: '2026-12-01',
  matter: '村东头道路年久失修，雨天积水严重',
  category: 'urban_rural_construction',
  regionId: 'r-village',
  regionName: '府山村',
  loggedByName: '王干部',
  state: 'open',
  matterId: null,
  petitionNumber: null,
  suggestionId: null,
  hasPhoto: false,
  version: 1,
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(cadre));
  server.on('GET', '/api/v1/regions', () => json({ items: [] }));
  server.on('GET', '/api/v1/petition-categories', () => json({ items: [] }));
});

describe('diary log page', () => {
  it('checks the fields as they are filled and asks for the chat group of a message', async () => {
    renderWithApp(<DiaryLogPage />, { path: '/diary/new' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['diary.log'] }, { timeout: 5000 }));
    // Household, village, category and what was raised; the day starts as today.
    await waitFor(() => expect(screen.getAllByText(zhCN['diary.required'])).toHaveLength(4));
    await user.click(screen.getByText(zhCN['diaryKind.group_message']));
    expect(await screen.findByLabelText(zhCN['diary.source'])).toBeInTheDocument();
    expect(screen.getByLabelText(zhCN['diary.sender'])).toBeInTheDocument();
    await user.type(screen.getByLabelText(zhCN['diary.sender']), 'x'.repeat(51));
    expect(await screen.findByText(zhCN['diary.tooLong'].replace('{max}', '50'))).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/diary/entries')).toHaveLength(0);
  });
});

describe('diary entry page', () => {
  it('shows what the entry became and proposes its similar entries for grouping', async () => {
    server.on('GET', '/api/v1/diary/entries/e-1', () =>
      json({
        entry,
        loggedAt: '2026-12-01T02:00:00+00:00',
        photoFileName: null,
        groupedInto: null,
        outcome: null,
        similar: [{ id: 'e-2', household: '李秀英', visitedOn: '2026-12-02', matter: '村东头道路失修积水', similarity: 0.6 }],
        allowedActions: ['add_photo', 'group', 'convert_to_petition', 'convert_to_suggestion'],
      }),
    );
    renderWithApp(
      <Routes>
        <Route path="/diary/entries/:id" element={<DiaryEntryPage />} />
      </Routes>,
      { path: '/diary/entries/e-1' },
    );

    expect(await screen.findByText(zhCN['diary.similarTitle'].replace('{count}', '1'), {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /李秀英/ })).toBeChecked();
    expect(screen.getByRole('button', { name: zhCN['diary.toPetition'] })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: zhCN['diary.group'] }));
    expect(await screen.findByText(zhCN['diary.groupTitle'].replace('{count}', '2'))).toBeInTheDocument();
  });

  it('tells the cadre the status of the petition the entry became', async () => {
    server.on('GET', '/api/v1/diary/entries/e-1', () =>
      json({
        entry: { ...entry, state: 'converted', petitionNumber: '越城-2026-000123', version: 2 },
        loggedAt: '2026-12-01T02:00:00+00:00',
        photoFileName: null,
        groupedInto: null,
        outcome: { kind: 'petition', id: 'p-1', reference: '越城-2026-000123', status: 'accepted', suggestionOutcome: null, convertedAt: '2026-12-02T02:00:00+00:00' },
        similar: [],
        allowedActions: ['add_photo'],
      }),
    );
    renderWithApp(
      <Routes>
        <Route path="/diary/entries/:id" element={<DiaryEntryPage />} />
      </Routes>,
      { path: '/diary/entries/e-1' },
    );

    await waitFor(() => expect(screen.getByTestId('diary-outcome')).toHaveTextContent(`越城-2026-000123 · ${zhCN['status.accepted']}`), { timeout: 5000 });
    expect(screen.queryByRole('button', { name: zhCN['diary.toPetition'] })).not.toBeInTheDocument();
  });
});

describe('diary list page', () => {
  it('names the chat group a 民情微群 message came from', async () => {
    server.on('GET', '/api/v1/diary/entries', () =>
      json({
        items: [
          { ...entry, id: 'e-3', kind: 'group_message', source: '府山村民情微群', household: '陈师傅', matter: '建议增设健身器材' },
          { ...entry, id: 'e-4', household: '李秀英' },
        ],
        nextCursor: null,
      }),
    );
    renderWithApp(<DiaryListPage />, { path: '/diary' });

    expect(await screen.findByText(`${zhCN['diaryKind.group_message']} · 府山村民情微群`, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(zhCN['diaryKind.visit'])).toBeInTheDocument();
  });
});
