import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { RegisterDisputePage } from './register-dispute-page';

const mediator = {
  id: 'u-mediator',
  userName: 'town.mediator',
  displayName: '王调解',
  roles: ['mediator'],
  capabilities: ['view_mediation', 'view_disputes', 'mediate_disputes'],
  unit: { id: 'n-committee', name: '府山街道人民调解委员会', kind: 'mediation_committee' },
  jurisdiction: { regionId: 'r-town', name: '府山街道', level: 'town', path: '/r-town/' },
};

const mediatorOf = (id: string, name: string) => ({
  id,
  name,
  specialty: 'neighbourhood',
  regionId: 'r-town',
  regionName: '府山街道',
  userId: null,
  userDisplayName: null,
  isRetired: false,
  retiredAt: null,
  version: 1,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(mediator));
  server.on('GET', '/api/v1/regions', () => json({ items: [] }));
  server.on('GET', '/api/v1/mediation/dispute-types', () => json([{ code: 'neighbourhood', nameZh: '邻里纠纷', nameEn: 'Neighbourhood' }]));
  server.on('GET', '/api/v1/mediation/rooms', () =>
    json({
      items: [
        {
          id: 'room-1',
          name: '府山街道人民调解委员会',
          kind: 'people_mediation_committee',
          regionId: 'r-town',
          regionName: '府山街道',
          address: '府山街道 1 号',
          openingHours: '周一至周五',
          specialties: ['neighbourhood'],
          mediators: [mediatorOf('m-1', '王阿姨'), mediatorOf('m-2', '李大伯')],
          version: 1,
        },
      ],
      nextCursor: null,
    }),
  );
});

async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByLabelText(label));
  await user.click(await screen.findByTitle(option));
}

describe('register dispute page', () => {
  it('checks fields as they are filled and sends nothing while one is missing', async () => {
    renderWithApp(<RegisterDisputePage />, { path: '/mediation/disputes/new' });
    const user = userEvent.setup();

    const [applicantId] = await screen.findAllByLabelText(zhCN['dispute.idNumber']);
    await user.type(applicantId!, '1234');
    expect(await screen.findByText(zhCN['disputeForm.idNumberInvalid'])).toBeInTheDocument();
    await user.clear(applicantId!);
    await user.type(applicantId!, '33060219900101123X');

    await user.click(screen.getByRole('button', { name: zhCN['disputeForm.submit'] }));
    expect(await screen.findByText(zhCN['disputeForm.typeRequired'])).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByText(zhCN['disputeForm.partyNameRequired'])).toHaveLength(2));
    expect(server.requestsTo('POST', '/api/v1/mediation/disputes')).toHaveLength(0);

    await choose(user, zhCN['disputeForm.type'], '邻里纠纷');
    await user.type(screen.getByLabelText(zhCN['disputeForm.summary']), '装修噪音纠纷。');
    await user.type(screen.getByLabelText(zhCN['disputeForm.claims']), '请求限定施工时间。');
    await choose(user, zhCN['disputeForm.room'], '府山街道人民调解委员会 · 府山街道');
    await choose(user, zhCN['disputeForm.lead'], '王阿姨');
    const names = screen.getAllByLabelText(zhCN['disputeForm.partyName']);
    await user.type(names[0]!, '张三');
    await user.type(names[1]!, '李四');
    await user.click(screen.getByRole('button', { name: zhCN['disputeForm.submit'] }));
    expect(await screen.findByText(zhCN['disputeForm.regionRequired'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/mediation/disputes')).toHaveLength(0);
  });

  it('asks for the court and its case number when a court refers the dispute', async () => {
    renderWithApp(<RegisterDisputePage />, { path: '/mediation/disputes/new' });
    const user = userEvent.setup();
    await screen.findAllByLabelText(zhCN['disputeForm.partyName']);
    expect(screen.queryByLabelText(zhCN['disputeForm.court'])).not.toBeInTheDocument();

    await choose(user, zhCN['disputeForm.source'], zhCN['disputeSource.court_pre_litigation']);
    expect(await screen.findByLabelText(zhCN['disputeForm.court'])).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: zhCN['disputeForm.submit'] }));
    expect(await screen.findByText(zhCN['disputeForm.courtRequired'])).toBeInTheDocument();
    expect(await screen.findByText(zhCN['disputeForm.courtCaseNumberRequired'])).toBeInTheDocument();
    await waitFor(() => expect(within(document.body).queryByTitle(zhCN['disputeSource.referred_petition'])).not.toBeInTheDocument());
  });
});
