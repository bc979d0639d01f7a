import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MustVisitProposals } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { MustVisitsPage } from './must-visits-page';

const proposalsPath = '/api/v1/receptions/must-visits';
const planPath = '/api/v1/receptions/must-visits/visits';

const regions = [
  { id: 'r-district', name: '新昌县', level: 'district', path: '/330600/330624/', parentId: null, code: '330624', isRetired: false },
  { id: 'r-town', name: '回山镇', level: 'town', path: '/330600/330624/330624110/', parentId: 'r-district', code: '330624110', isRetired: false },
];

const proposals = (planned: boolean): MustVisitProposals => ({
  month: '2026-03',
  districtId: 'r-district',
  districtName: '新昌县',
  basisFrom: '2026-02-01',
  basisTo: '2026-02-28',
  previousFrom: '2026-01-01',
  previousTo: '2026-01-31',
  ruleSet: 'zhejiang',
  thresholds: {
    manyPetitions: { minPetitions: 10, minGrowthPercent: 50, minPetitionsForGrowth: 5 },
    hardWork: { minBacklog: 3, minOverdue: 5, minConcluded: 5, maxResolutionRate: 0.8 },
    majorPolicy: { leadDays: 30 },
    emergency: { minUrgentPetitions: 1, incidentLookbackDays: 30 },
    source: null,
  },
  towns: [
    {
      townId: 'r-town',
      townName: '回山镇',
      reasons: ['many_petitions', 'emergency'],
      figures: { petitions: 12, previousPetitions: 8, growthPercent: 50, urgentPetitions: 0, backlog: 0, overdue: 0, concluded: 4, resolutionRate: 1 },
      policies: [],
      incidents: [{ id: 'i-1', regionPath: '/330600/330624/330624110/', regionName: '回山镇', day: '2026-02-20', description: '暴雨引发山体滑坡' }],
      plannedVisits: planned ? [{ townId: 'r-town', receptionId: 'v-1', day: '2026-03-10', hostName: '王县长', status: 'scheduled' }] : [],
    },
  ],
});

let server: ReturnType<typeof createFakeApi>;
let planned = false;

beforeEach(() => {
  server = createFakeApi();
  planned = false;
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json({ userName: 'district.leader', displayName: '王县长', roles: ['leader'], capabilities: ['view_receptions', 'schedule_receptions', 'plan_must_visits'], unitId: 'u', unitName: '县政府', regionId: 'r-district', regionPath: '/330600/330624/' }));
  server.on('GET', '/api/v1/regions', () => json({ items: regions }));
  server.on('GET', proposalsPath, () => json(proposals(planned)));
  server.on('GET', '/api/v1/receptions/policies', () => json({ items: [], nextCursor: null }));
  server.on('GET', '/api/v1/receptions/incidents', () => json({ items: [], nextCursor: null }));
});

describe('four must-visits', () => {
  it("shows the district's proposals with reasons and figures, and a leader plans a visit, its field errors on the form", async () => {
    renderWithApp(<MustVisitsPage />, { path: '/receptions/must-visits' });
    const user = userEvent.setup();
    const table = within(await screen.findByTestId('must-visit-proposals'));

    expect(await table.findByText('回山镇')).toBeInTheDocument();
    expect(table.getByText(zhCN['mustVisits.reason.many_petitions'])).toBeInTheDocument();
    expect(table.getByText(zhCN['mustVisits.reason.emergency'])).toBeInTheDocument();
    expect(table.getByText('信访 12 件（上期 8 件，增长 50%）')).toBeInTheDocument();
    expect(table.getByText('事件：2026-02-20 暴雨引发山体滑坡')).toBeInTheDocument();
    expect(server.requestsTo('GET', proposalsPath)[0]?.path).toMatch(/districtId=r-district/);
    expect(screen.queryByRole('button', { name: zhCN['mustVisits.registerPolicy'] })).not.toBeInTheDocument();

    server.on(
      'POST',
      planPath,
      () => problem(400, { errors: { place: ['Place is required.'] } }),
      () => json({ id: 'v-1', version: 1 }, 201),
    );
    await user.click(table.getByRole('button', { name: zhCN['mustVisits.plan'] }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByLabelText(zhCN['mustVisits.field.day']), '2026-03-10');
    await user.type(dialog.getByLabelText(zhCN['mustVisits.field.startsAt']), '09:00');
    await user.type(dialog.getByLabelText(zhCN['mustVisits.field.endsAt']), '11:00');
    await user.type(dialog.getByLabelText(zhCN['mustVisits.field.place']), ' ');
    await user.type(dialog.getByLabelText(zhCN['mustVisits.field.purpose']), '信访量大，下访化解。');
    await user.click(dialog.getByRole('button', { name: zhCN['common.save'] }));
    expect(await dialog.findByText('Place is required.')).toBeInTheDocument();

    planned = true;
    await user.clear(dialog.getByLabelText(zhCN['mustVisits.field.place']));
    await user.type(dialog.getByLabelText(zhCN['mustVisits.field.place']), '回山镇便民服务中心');
    await user.click(dialog.getByRole('button', { name: zhCN['common.save'] }));
    expect(await table.findByText('2026-03-10 王县长')).toBeInTheDocument();
    const sent = server.requestsTo('POST', planPath).at(-1)?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ townId: 'r-town', day: '2026-03-10', startsAt: '09:00', place: '回山镇便民服务中心', purpose: '信访量大，下访化解。' });
    expect(sent.month).toMatch(/^\d{4}-\d{2}$/);
  });
});
