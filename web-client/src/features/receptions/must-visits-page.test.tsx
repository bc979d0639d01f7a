import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MustVisitProposals } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import type { MustVisitIncident, MustVisitPolicy } from '../../shared/api/api-types';
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

  describe('the registers, for the petition bureau', () => {
    const policy = (version: number, title: string): MustVisitPolicy => ({
      id: 'p-1', title, regionId: 'r-town', regionName: '回山镇', effectiveFrom: '2026-03-01', effectiveTo: null, note: null, registeredAt: '2026-02-01T09:00:00+08:00', version,
    });
    const incident: MustVisitIncident = {
      id: 'i-1', regionId: 'r-town', regionName: '回山镇', day: '2026-02-20', description: '暴雨引发山体滑坡', registeredAt: '2026-02-20T09:00:00+08:00', version: 3,
    };

    beforeEach(() => {
      server.on('GET', '/api/v1/me', () => json({ userName: 'district.petition_officer', displayName: '李科长', roles: ['petition_officer'], capabilities: ['view_receptions', 'manage_reception_registers'], unitId: 'u', unitName: '县信访局', regionId: 'r-district', regionPath: '/330600/330624/' }));
    });

    it('corrects a policy with If-Match, reloading and retrying with the new version after someone else changed it', async () => {
      let current = policy(1, '征地补偿方案');
      server.on('GET', '/api/v1/receptions/policies', () => json({ items: [current], nextCursor: null }));
      server.on(
        'PUT',
        '/api/v1/receptions/policies/p-1',
        () => {
          current = policy(2, '征地补偿方案（修订）');
          return problem(412);
        },
        () => json({ id: 'p-1', version: 3 }, 200, { ETag: '"3"' }),
      );
      renderWithApp(<MustVisitsPage />, { path: '/receptions/must-visits' });
      const user = userEvent.setup();
      const policies = within(await screen.findByTestId('must-visit-policies'));
      await user.click(await policies.findByRole('button', { name: zhCN['common.edit'] }));

      const dialog = within(await screen.findByRole('dialog'));
      const title = dialog.getByLabelText(zhCN['mustVisits.field.title']);
      expect(title).toHaveValue('征地补偿方案');
      await user.clear(title);
      await user.type(title, '回山镇征地补偿方案');
      await user.click(dialog.getByRole('button', { name: zhCN['common.save'] }));
      expect(await dialog.findByRole('alert')).toHaveTextContent(zhCN['error.stale']);
      expect(await policies.findByText('征地补偿方案（修订）')).toBeInTheDocument();

      await user.click(dialog.getByRole('button', { name: zhCN['common.save'] }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      const sent = server.requestsTo('PUT', '/api/v1/receptions/policies/p-1');
      expect(sent.map((request) => request.headers.get('If-Match'))).toEqual(['"1"', '"2"']);
      expect(sent[1]?.body).toMatchObject({ title: '回山镇征地补偿方案', regionId: 'r-town', effectiveFrom: '2026-03-01' });
    });

    it('deletes an incident only once confirmed, and says so when it is already gone', async () => {
      server.on('GET', '/api/v1/receptions/incidents', () => json({ items: [incident], nextCursor: null }));
      server.on('DELETE', '/api/v1/receptions/incidents/i-1', () => problem(404), () => new Response(null, { status: 204 }));
      renderWithApp(<MustVisitsPage />, { path: '/receptions/must-visits' });
      const user = userEvent.setup();
      const incidents = within(await screen.findByTestId('must-visit-incidents'));

      await user.click(await incidents.findByRole('button', { name: zhCN['mustVisits.delete'] }));
      expect(await screen.findByText(zhCN['mustVisits.confirmDeleteIncident'])).toBeInTheDocument();
      expect(server.requestsTo('DELETE', '/api/v1/receptions/incidents/i-1')).toHaveLength(0);
      await user.click(screen.getByRole('button', { name: zhCN['common.confirm'] }));
      expect(await screen.findByText(zhCN['error.notFound'])).toBeInTheDocument();

      await user.click(incidents.getByRole('button', { name: zhCN['mustVisits.delete'] }));
      await user.click(await screen.findByRole('button', { name: zhCN['common.confirm'] }));
      expect(await screen.findByText(zhCN['mustVisits.deleted'])).toBeInTheDocument();
      const sent = server.requestsTo('DELETE', '/api/v1/receptions/incidents/i-1');
      expect(sent.map((request) => request.headers.get('If-Match'))).toEqual(['"3"', '"3"']);
    });
  });
});
