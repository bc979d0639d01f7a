import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseListItem } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { CaseWorklistPage } from './case-worklist-page';

const handler = {
  id: 'u-handler',
  userName: 'town.handler',
  displayName: '张承办',
  roles: ['handler'],
  capabilities: ['case_tab_to_sign', 'case_tab_in_progress', 'case_tab_to_reply', 'case_tab_due_soon', 'case_tab_overdue', 'case_tab_replied'],
  unit: { id: 'n-town', name: '府山街道办事处', kind: 'town_government' },
  jurisdiction: { regionId: 'r-town', name: '府山街道', level: 'town', path: '/r-city/r-district/r-town/' },
};

const item = (n: number, extra: Partial<CaseListItem> = {}): CaseListItem => ({
  id: `c-${n}`,
  number: `越城-2026-00000${n}`,
  kind: 'handling',
  status: 'awaiting_signature',
  category: 'urban_rural_construction',
  regionName: '府山街道',
  summary: `诉求 ${n}`,
  leadUnitName: '府山街道办事处',
  currentStep: 'signature',
  currentDueOn: '2026-03-04',
  light: 'green',
  isRepeat: false,
  isSkipLevel: false,
  isListed: false,
  agentName: null,
  pausedAt: null,
  version: 2,
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(handler));
  server.on('GET', '/api/v1/cases/counts', () => json({ tabs: { to_sign: 2, in_progress: 0, to_reply: 0, due_soon: 0, overdue: 1, replied: 0 } }));
});

describe('case worklist', () => {
  it("shows the handler's tabs with counts and pages with 'load more'", async () => {
    server.on('GET', '/api/v1/cases', (request) =>
      request.path.includes('cursor=next-1')
        ? json({ items: [item(2, { light: 'red', isRepeat: true })], nextCursor: null })
        : json({ items: [item(1)], nextCursor: 'next-1' }),
    );
    renderWithApp(<CaseWorklistPage />, { path: '/cases' });

    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['待签收2', '办理中0', '待答复0', '临期0', '超期1', '已答复0']);
    expect(screen.queryByRole('tab', { name: /待交办/ })).not.toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '越城-2026-000001' })).toHaveAttribute('href', '/cases/c-1');
    expect(server.requestsTo('GET', '/api/v1/cases')[0]?.path).toContain('tab=to_sign');

    await userEvent.setup().click(screen.getByRole('button', { name: zhCN['cases.loadMore'] }));

    const second = await screen.findByRole('link', { name: '越城-2026-000002' });
    const row = second.closest('tr');
    expect(row).not.toBeNull();
    expect(within(row as HTMLElement).getByTestId('case-light')).toHaveTextContent(zhCN['light.red']);
    expect(within(row as HTMLElement).getByText(zhCN['cases.repeat'])).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '越城-2026-000001' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: zhCN['cases.loadMore'] })).not.toBeInTheDocument());
  });

  it('switches tabs and says when a tab is empty', async () => {
    server.on('GET', '/api/v1/cases', (request) =>
      request.path.includes('tab=overdue') ? json({ items: [], nextCursor: null }) : json({ items: [item(1)], nextCursor: null }),
    );
    renderWithApp(<CaseWorklistPage />, { path: '/cases' });

    await userEvent.setup().click(await screen.findByRole('tab', { name: /超期/ }));

    expect(await screen.findByText(zhCN['cases.empty'])).toBeInTheDocument();
    expect(server.requestsTo('GET', '/api/v1/cases').some((request) => request.path.includes('tab=overdue'))).toBe(true);
  });
});
