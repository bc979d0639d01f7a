import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SupervisionBoard, SupervisionBoardUnitRow } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { SupervisionBoardPage } from './supervision-board-page';

const boardPath = '/api/v1/supervision-board';

const counts = (openCases: number, red = 0) => ({ red, yellow: 0, backlog: 0, repeat: 0, skipLevel: 0, listed: 0, openCases });

const unit = (n: number): SupervisionBoardUnitRow => ({ unitId: `n-${n}`, unitName: `单位${n}`, ...counts(1) });

const secondUnitPage: SupervisionBoard['byUnit'] = { items: Array.from({ length: 5 }, (_, n) => unit(n + 19)), nextCursor: null };

const districtBoard: SupervisionBoard = {
  region: { id: 'r-district', name: '越城区', level: 'district' },
  trail: [{ id: 'r-district', name: '越城区' }],
  byUnit: {
    items: [{ unitId: 'n-town', unitName: '府山街道办事处', ...counts(3, 2) }, { unitId: null, unitName: null, ...counts(2) }, ...Array.from({ length: 18 }, (_, n) => unit(n + 1))],
    nextCursor: 'after-18',
  },
  byRegion: [
    { regionId: 'r-town', regionName: '府山街道', ownCasesOnly: false, hasSubregions: true, ...counts(4, 2) },
    { regionId: 'r-district', regionName: '越城区', ownCasesOnly: true, hasSubregions: false, ...counts(1) },
  ],
  today: '2026-03-04',
};

const townBoard: SupervisionBoard = {
  region: { id: 'r-town', name: '府山街道', level: 'town' },
  trail: [
    { id: 'r-district', name: '越城区' },
    { id: 'r-town', name: '府山街道' },
  ],
  byUnit: { items: [{ unitId: 'n-town', unitName: '府山街道办事处', ...counts(4, 2) }], nextCursor: null },
  byRegion: [{ regionId: 'r-village', regionName: '仓桥社区', ownCasesOnly: false, hasSubregions: false, ...counts(4, 2) }],
  today: '2026-03-04',
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
});

const table = (testId: string) => within(screen.getByTestId(testId));

describe('supervision board', () => {
  it("shows the caller's region by unit, 20 units a page, and by region with its own cases apart", async () => {
    server.on('GET', boardPath, (request) =>
      json(request.path.includes('cursor=after-18') ? { ...districtBoard, byUnit: secondUnitPage } : districtBoard),
    );
    renderWithApp(<SupervisionBoardPage />, { path: '/supervision' });
    const user = userEvent.setup();

    expect(await screen.findByText('府山街道办事处')).toBeInTheDocument();
    expect(server.requestsTo('GET', boardPath)[0]?.path).toBe(`${boardPath}?limit=20`);
    expect(table('board-by-unit').getByText(zhCN['board.unassigned'])).toBeInTheDocument();
    expect(table('board-by-unit').queryByText('单位23')).not.toBeInTheDocument();
    expect(table('board-by-unit').getByRole('button', { name: zhCN['common.previousPage'] })).toBeDisabled();

    await user.click(table('board-by-unit').getByRole('button', { name: zhCN['common.nextPage'] }));

    expect(await table('board-by-unit').findByText('单位23')).toBeInTheDocument();
    expect(server.requestsTo('GET', boardPath).at(-1)?.path).toBe(`${boardPath}?cursor=after-18&limit=20`);
    expect(table('board-by-unit').queryByText('府山街道办事处')).not.toBeInTheDocument();
    expect(table('board-by-unit').getByRole('button', { name: zhCN['common.nextPage'] })).toBeDisabled();
    await user.click(table('board-by-unit').getByRole('button', { name: zhCN['common.previousPage'] }));
    expect(await table('board-by-unit').findByText('府山街道办事处')).toBeInTheDocument();

    expect(table('board-by-region').getByRole('link', { name: '府山街道' })).toHaveAttribute('href', '/supervision?region=r-town');
    expect(table('board-by-region').getByText('越城区（本级）')).toBeInTheDocument();
    expect(table('board-by-region').queryByRole('link', { name: /越城区/ })).not.toBeInTheDocument();
  });

  it('drills into a region, asking for its board from the first page of units, and the breadcrumb leads back', async () => {
    server.on('GET', boardPath, (request) =>
      json(
        request.path.includes('regionId=r-town')
          ? townBoard
          : request.path.includes('cursor=after-18')
            ? { ...districtBoard, byUnit: secondUnitPage }
            : districtBoard,
      ),
    );
    renderWithApp(<SupervisionBoardPage />, { path: '/supervision' });
    const user = userEvent.setup();
    await screen.findByText('府山街道办事处');
    await user.click(table('board-by-unit').getByRole('button', { name: zhCN['common.nextPage'] }));
    await table('board-by-unit').findByText('单位23');

    await user.click(screen.getByRole('link', { name: '府山街道' }));

    expect(await screen.findByText('仓桥社区')).toBeInTheDocument();
    expect(server.requestsTo('GET', boardPath).at(-1)?.path).toBe(`${boardPath}?regionId=r-town&limit=20`);
    expect(table('board-by-region').queryByRole('link')).not.toBeInTheDocument();
    expect(table('board-by-unit').queryByRole('button', { name: zhCN['common.nextPage'] })).not.toBeInTheDocument();
    const trail = within(screen.getByRole('navigation', { name: zhCN['board.trail'] }));
    expect(trail.getByText('府山街道')).toBeInTheDocument();

    await user.click(trail.getByRole('link', { name: '越城区' }));

    expect(await screen.findByText('越城区（本级）')).toBeInTheDocument();
  });

  it('says when the region has no open cases', async () => {
    server.on('GET', boardPath, () => json({ ...districtBoard, byUnit: { items: [], nextCursor: null }, byRegion: [] }));
    renderWithApp(<SupervisionBoardPage />, { path: '/supervision' });

    await screen.findByTestId('board-by-unit');
    expect(table('board-by-unit').getByText(zhCN['board.empty'])).toBeInTheDocument();
    expect(table('board-by-region').getByText(zhCN['board.empty'])).toBeInTheDocument();
  });

  it('shows the error of a region outside the jurisdiction', async () => {
    server.on('GET', boardPath, () => problem(404));
    renderWithApp(<SupervisionBoardPage />, { path: '/supervision?region=r-elsewhere' });

    expect(await screen.findByText(zhCN['common.loadFailed'])).toBeInTheDocument();
    expect(server.requestsTo('GET', boardPath)[0]?.path).toBe(`${boardPath}?regionId=r-elsewhere&limit=20`);
  });
});
