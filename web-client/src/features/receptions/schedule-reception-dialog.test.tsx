import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { ScheduleReceptionDialog, schedulableKinds, toScheduleRequest } from './schedule-reception-dialog';

const leader = {
  id: 'u-leader',
  userName: 'district.leader',
  displayName: '王区长',
  roles: ['leader'],
  capabilities: ['view_receptions', 'schedule_receptions', 'schedule_leaders_receptions', 'plan_must_visits'],
  unit: { id: 'n-district', name: '越城区人民政府', kind: 'functional_department' },
  jurisdiction: { regionId: 'r-district', name: '越城区', level: 'district', path: '/r-district/' },
};

const regions = [
  { id: 'r-district', code: '330602', name: '越城区', level: 'district', parentId: null, path: '/r-district/', isRetired: false },
  { id: 'r-town', code: '330602001', name: '府山街道', level: 'town', parentId: 'r-district', path: '/r-district/r-town/', isRetired: false },
];

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(leader));
  server.on('GET', '/api/v1/regions', () => json({ items: regions }));
});

describe('schedule reception dialog', () => {
  it("offers a leader the leader's own kinds, and schedules a published reception day with the API's field errors beside their fields", async () => {
    server.on(
      'POST',
      '/api/v1/receptions',
      () => problem(400, { errors: { place: ['Place is taken by another reception.'] } }),
      () => json({ id: 'rc-9', version: 1 }, 201),
    );
    const onClose = vi.fn();
    renderWithApp(<ScheduleReceptionDialog day={dayjs('2026-03-10')} onClose={onClose} />, { path: '/receptions' });
    const user = userEvent.setup();
    const dialog = within(await screen.findByRole('dialog'));

    const place = await dialog.findByLabelText(zhCN['reception.place']);
    await user.click(dialog.getByLabelText(zhCN['receptions.kind']));
    const offered = await waitFor(() => {
      const dropdown = document.querySelector<HTMLElement>('.ant-select-dropdown');
      if (!dropdown) throw new Error('The kinds are not offered.');
      return dropdown;
    });
    for (const kind of ['leader_day', 'appointment', 'leader_visit'] as const)
      expect(await within(offered).findByTitle(zhCN[`receptionKind.${kind}`])).toBeInTheDocument();
    expect(screen.queryByTitle(zhCN['receptionKind.department_duty'])).not.toBeInTheDocument();
    expect(screen.queryByTitle(zhCN['receptionKind.home_visit'])).not.toBeInTheDocument();
    await user.click(within(offered).getByTitle(zhCN['receptionKind.leader_day']));

    await user.type(place, '越城区信访接待中心');
    await user.type(dialog.getByLabelText(zhCN['reception.theme']), '城市建设和物业管理');
    expect(dialog.getByRole('switch')).toBeChecked();
    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));
    expect(await dialog.findByText('Place is taken by another reception.')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();

    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const sent = server.requestsTo('POST', '/api/v1/receptions');
    expect(sent).toHaveLength(2);
    expect(sent[1]?.headers.get('Idempotency-Key')).toBe(sent[0]?.headers.get('Idempotency-Key'));
    expect(sent[1]?.body).toEqual({
      kind: 'leader_day',
      regionId: 'r-district',
      day: '2026-03-10',
      startsAt: '08:30',
      endsAt: '11:30',
      place: '越城区信访接待中心',
      theme: '城市建设和物业管理',
      purpose: null,
      isPublished: true,
      hostUserId: null,
      hostName: null,
      unitId: null,
      petitionId: null,
    });
  });

  it('asks for the place before sending anything', async () => {
    server.on('POST', '/api/v1/receptions', () => json({ id: 'rc-9', version: 1 }, 201));
    renderWithApp(<ScheduleReceptionDialog day={dayjs('2026-03-10')} onClose={vi.fn()} />, { path: '/receptions' });
    const user = userEvent.setup();
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(await dialog.findByLabelText(zhCN['reception.place']), '   ');

    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));
    expect(await dialog.findByText(zhCN['batchForm.required'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/receptions')).toHaveLength(0);
  });
});

describe('what a schedule sends', () => {
  it('gives leaders their own kinds, the bureau the others, an admin all of them', () => {
    expect(schedulableKinds(['schedule_leaders_receptions'])).toEqual(['leader_day', 'appointment', 'leader_visit']);
    expect(schedulableKinds(['schedule_bureau_receptions'])).toEqual(['department_duty', 'home_visit']);
    expect(schedulableKinds(['schedule_leaders_receptions', 'schedule_bureau_receptions'])).toHaveLength(5);
    expect(schedulableKinds(['view_receptions'])).toEqual([]);
  });

  it("keeps only the fields of the kind: a home visit's cadre and unit, never published, no leader or petition", () => {
    const body = toScheduleRequest(
      {
        kind: 'home_visit',
        regionId: 'r-town',
        unitId: 'n-town',
        hostName: ' 张村主任 ',
        hostUserId: 'u-leader',
        petitionId: 'p-1',
        day: dayjs('2026-03-12'),
        startsAt: dayjs('14:00', 'HH:mm'),
        endsAt: dayjs('16:30', 'HH:mm'),
        place: ' 花明泉村 ',
        purpose: '  ',
        isPublished: true,
      },
      true,
    );
    expect(body).toEqual({
      kind: 'home_visit',
      regionId: 'r-town',
      day: '2026-03-12',
      startsAt: '14:00',
      endsAt: '16:30',
      place: '花明泉村',
      theme: null,
      purpose: null,
      isPublished: false,
      hostUserId: null,
      hostName: '张村主任',
      unitId: 'n-town',
      petitionId: null,
    });
    expect(toScheduleRequest({ kind: 'appointment', petitionId: 'p-1', hostUserId: 'u-leader', unitId: 'n-town', isPublished: true }, false)).toMatchObject({
      petitionId: 'p-1',
      hostUserId: null,
      unitId: null,
      isPublished: false,
    });
  });
});
