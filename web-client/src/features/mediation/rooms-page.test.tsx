import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MediationRoomListItem } from '../../shared/api/api-types';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { RoomsPage } from './rooms-page';

const mediator = {
  id: 'u-mediator',
  userName: 'district.mediator',
  displayName: '王调解',
  roles: ['mediator'],
  capabilities: ['view_mediation', 'manage_mediation_rooms'],
  unit: { id: 'n-committee', name: '越城区人民调解委员会', kind: 'mediation_committee' },
  jurisdiction: { regionId: 'r-district', name: '越城区', level: 'district', path: '/r-district/' },
};

const disputeTypes = [
  { code: 'medical', nameZh: '医疗纠纷', nameEn: 'Medical' },
  { code: 'neighbourhood', nameZh: '邻里纠纷', nameEn: 'Neighbourhood' },
  { code: 'marriage_family', nameZh: '婚姻家庭纠纷', nameEn: 'Marriage and family' },
];

const room = (id: string, extra: Partial<MediationRoomListItem>): MediationRoomListItem => ({
  id,
  name: '翠姐姐调解室',
  kind: 'brand_room',
  regionId: 'r-town',
  regionName: '府山街道',
  address: '府山街道 18 号',
  openingHours: '周一至周五 8:30-17:30',
  specialties: ['neighbourhood', 'marriage_family'],
  mediators: [
    {
      id: 'm-1',
      name: '翠姐姐',
      specialty: 'neighbourhood',
      regionId: 'r-town',
      regionName: '府山街道',
      userId: 'u-1',
      userDisplayName: '翠姐姐',
      isRetired: false,
      retiredAt: null,
      version: 1,
    },
  ],
  openDisputes: 4,
  sessionsThisMonth: 7,
  version: 1,
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(mediator));
  server.on('GET', '/api/v1/regions', () => json({ items: [] }));
  server.on('GET', '/api/v1/mediation/dispute-types', () => json(disputeTypes));
});

describe('mediation rooms page', () => {
  it('shows each room as a card with its kind, region, specialties and mediators, and pages on', async () => {
    server.on('GET', '/api/v1/mediation/rooms', (request) =>
      request.path.includes('cursor=next')
        ? json({ items: [room('room-3', { name: '山娘舅调解室', regionName: '枫桥镇' })], nextCursor: null })
        : json({
            items: [
              room('room-1', {}),
              room('room-2', { name: '绍兴市医疗纠纷人民调解委员会', kind: 'industry_committee', regionName: '绍兴市', specialties: ['medical'], mediators: [] }),
            ],
            nextCursor: 'next',
          }),
    );
    renderWithApp(<RoomsPage />, { path: '/mediation/rooms' });
    const user = userEvent.setup();

    const card = (await screen.findByText('翠姐姐调解室')).closest<HTMLElement>('.ant-card')!;
    expect(within(card).getByText(zhCN['mediationRoomKind.brand_room'])).toBeInTheDocument();
    expect(within(card).getByText('府山街道 · 府山街道 18 号')).toBeInTheDocument();
    expect(await within(card).findByText('邻里纠纷')).toBeInTheDocument();
    expect(within(card).getByText('婚姻家庭纠纷')).toBeInTheDocument();
    expect(within(card).getByText('调解员（1 名）')).toBeInTheDocument();
    expect(within(card).getByText('在办纠纷 4 件 · 本月调解会 7 场')).toBeInTheDocument();
    expect(within(card).getByText(/翠姐姐（邻里纠纷）/)).toBeInTheDocument();
    const committee = screen.getByText('绍兴市医疗纠纷人民调解委员会').closest<HTMLElement>('.ant-card')!;
    expect(within(committee).getByText(zhCN['mediationRoomKind.industry_committee'])).toBeInTheDocument();
    expect(within(committee).getByText(zhCN['mediationRooms.noMediators'])).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: new RegExp(zhCN['common.nextPage']) }));
    expect(await screen.findByText('山娘舅调解室')).toBeInTheDocument();
    expect(screen.queryByText('翠姐姐调解室')).not.toBeInTheDocument();
  });

  it('filters by kind through the API and starts again from the first page', async () => {
    server.on('GET', '/api/v1/mediation/rooms', (request) =>
      request.path.includes('kind=industry_committee')
        ? json({ items: [room('room-2', { name: '绍兴市物业纠纷人民调解委员会', kind: 'industry_committee' })], nextCursor: null })
        : json({ items: [room('room-1', {})], nextCursor: null }),
    );
    renderWithApp(<RoomsPage />, { path: '/mediation/rooms' });
    const user = userEvent.setup();
    await screen.findByText('翠姐姐调解室');

    await user.click(screen.getByLabelText(zhCN['mediationRooms.kind']));
    await user.click(await screen.findByTitle(zhCN['mediationRoomKind.industry_committee']));
    expect(await screen.findByText('绍兴市物业纠纷人民调解委员会')).toBeInTheDocument();
    const last = server.requestsTo('GET', '/api/v1/mediation/rooms').at(-1)?.path ?? '';
    expect(last).toContain('kind=industry_committee');
    expect(last).not.toContain('cursor=');
  });

  it('says when there are no rooms, and offers a retry when they cannot be read', async () => {
    server.on(
      'GET',
      '/api/v1/mediation/rooms',
      () => problem(500),
      () => json({ items: [], nextCursor: null }),
    );
    renderWithApp(<RoomsPage />, { path: '/mediation/rooms' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['common.retry'] }, { timeout: 5000 }));
    expect(await screen.findByText(zhCN['mediationRooms.empty'])).toBeInTheDocument();
  });

  it('speaks English with the dispute types named in English', async () => {
    server.on('GET', '/api/v1/mediation/rooms', () => json({ items: [room('room-1', {})], nextCursor: null }));
    renderWithApp(<RoomsPage />, { path: '/mediation/rooms', locale: 'en' });

    expect(await screen.findByText(en['mediationRooms.title'])).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Neighbourhood')).toBeInTheDocument());
    expect(screen.getByText('Mediators (1)')).toBeInTheDocument();
  });
});
