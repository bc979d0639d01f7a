import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicMediationView } from '../../shared/api/api-types';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { PublicMediationApplyPage, PublicMediationTrackPage } from './public-mediation-pages';

const regions = [
  { id: 'r-city', code: '3306', name: '绍兴市', level: 'city', parentId: null, path: '/r-city/' },
  { id: 'r-district', code: '330602', name: '越城区', level: 'district', parentId: 'r-city', path: '/r-city/r-district/' },
  { id: 'r-town', code: '330602001', name: '府山街道', level: 'town', parentId: 'r-district', path: '/r-city/r-district/r-town/' },
];

const types = [
  { code: 'neighbourhood', nameZh: '邻里纠纷', nameEn: 'Neighbourhood' },
  { code: 'property_management', nameZh: '物业纠纷', nameEn: 'Property management' },
];

const view = (extra: Partial<PublicMediationView> = {}): PublicMediationView => ({
  number: '越城调-2030-000031',
  status: 'accepted',
  disputeType: 'neighbourhood',
  registeredAt: '2030-03-01T01:00:00Z',
  acceptedAt: '2030-03-02T02:00:00Z',
  roomName: '翠姐姐调解室',
  sessions: [{ startsAt: '2030-03-05T01:00:00Z', endsAt: '2030-03-05T02:00:00Z', roomName: '翠姐姐调解室', status: 'scheduled' }],
  agreementEffectiveOn: null,
  performanceDeadline: null,
  guidance: null,
  closedAt: null,
  mayWithdraw: true,
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/public/regions', () => json({ items: regions }));
  server.on('GET', '/api/v1/public/mediation-dispute-types', () => json(types));
});

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByLabelText(zhCN['publicMediation.disputeType']));
  await user.click(await screen.findByTitle('物业纠纷'));
  await user.type(screen.getByLabelText(zhCN['publicMediation.region']), '府山');
  await user.click(await screen.findByTitle('府山街道'));
  await user.type(screen.getByLabelText(zhCN['publicMediation.applicantName']), '张公众');
  await user.type(screen.getByLabelText(zhCN['publicMediation.applicantPhone']), '13900139000');
  await user.click(screen.getByLabelText(zhCN['partyKind.organisation']));
  await user.type(screen.getByLabelText(zhCN['publicMediation.otherName']), '某物业公司');
  await user.type(screen.getByLabelText(zhCN['publicMediation.otherCode']), '91330602mA2bcdef1x');
  await user.type(screen.getByLabelText(zhCN['publicMediation.summary']), '物业费争议。');
  await user.type(screen.getByLabelText(zhCN['publicMediation.claims']), '请求减免物业费。');
}

describe('public online mediation application', () => {
  it('applies without a session and shows the tracking code, and the secret once', async () => {
    server.on('POST', '/api/v1/public/mediation-applications', () => json({ trackingCode: 'TJ12345678', secret: 'secret-abc' }, 201));
    renderWithApp(<PublicMediationApplyPage />, { path: '/public/mediation/apply' });
    const user = userEvent.setup();

    await fill(user);
    await user.click(screen.getByRole('button', { name: zhCN['publicMediation.apply'] }));

    expect(await screen.findByTestId('mediation-tracking-code')).toHaveTextContent('TJ12345678');
    expect(screen.getByTestId('mediation-tracking-secret')).toHaveTextContent('secret-abc');
    expect(screen.getByText(zhCN['publicMediation.keepThem'])).toBeInTheDocument();
    const sent = server.requestsTo('POST', '/api/v1/public/mediation-applications')[0];
    expect(sent?.headers.get('Authorization')).toBeNull();
    expect(sent?.body).toEqual({
      disputeType: 'property_management',
      regionId: 'r-town',
      applicantName: '张公众',
      applicantPhone: '13900139000',
      otherSide: { kind: 'organisation', name: '某物业公司', phone: null, organisationCode: '91330602MA2BCDEF1X' },
      summary: '物业费争议。',
      claims: '请求减免物业费。',
      amountClaimed: null,
    });
  });

  it('checks fields as they are typed and sends nothing until they are right', async () => {
    renderWithApp(<PublicMediationApplyPage />, { path: '/public/mediation/apply' });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText(zhCN['publicMediation.applicantPhone']), '12345');
    expect(await screen.findByText(zhCN['publicMediation.phoneInvalid'])).toBeInTheDocument();
    await user.clear(screen.getByLabelText(zhCN['publicMediation.applicantPhone']));
    await user.type(screen.getByLabelText(zhCN['publicMediation.applicantPhone']), '0575-88123456');
    await waitFor(() => expect(screen.queryByText(zhCN['publicMediation.phoneInvalid'])).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: zhCN['publicMediation.apply'] }));
    expect(await screen.findAllByText(zhCN['publicMediation.required'])).not.toHaveLength(0);
    expect(server.requestsTo('POST', '/api/v1/public/mediation-applications')).toHaveLength(0);
  });

  it("puts the server's field errors on their fields, and says when the page is used too often", async () => {
    server.on(
      'POST',
      '/api/v1/public/mediation-applications',
      () => problem(400, { errors: { 'otherSide.Name': ['The other side needs a name.'] } }),
      () => problem(429, { title: 'Too many requests' }),
    );
    renderWithApp(<PublicMediationApplyPage />, { path: '/public/mediation/apply' });
    const user = userEvent.setup();

    await fill(user);
    await user.click(screen.getByRole('button', { name: zhCN['publicMediation.apply'] }));
    expect(await screen.findByText('The other side needs a name.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: zhCN['publicMediation.apply'] }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByTestId('mediation-tracking-code')).not.toBeInTheDocument();
  });
});

describe('public mediation tracking', () => {
  async function track(user: ReturnType<typeof userEvent.setup>) {
    await user.type(await screen.findByLabelText(zhCN['publicMediation.trackingCode']), 'TJ12345678');
    await user.type(screen.getByLabelText(zhCN['publicMediation.secret']), 'secret-abc');
    await user.click(screen.getByRole('button', { name: zhCN['publicMediation.track'] }));
  }

  it('shows accepted, the session times and the room, and withdraws with a reason', async () => {
    server.on(
      'GET',
      '/api/v1/public/mediation-applications/TJ12345678',
      () => json(view()),
      () => json(view({ status: 'withdrawn', mayWithdraw: false, closedAt: '2030-03-03T02:00:00Z' })),
    );
    server.on('POST', '/api/v1/public/mediation-applications/TJ12345678/withdrawal', () => new Response(null, { status: 204 }));
    renderWithApp(<PublicMediationTrackPage />, { path: '/public/mediation/track' });
    const user = userEvent.setup();

    await track(user);
    expect(await screen.findByText('越城调-2030-000031')).toBeInTheDocument();
    expect(screen.getByTestId('mediation-status')).toHaveTextContent(zhCN['disputeStatus.accepted']);
    expect(screen.getAllByText(/翠姐姐调解室/)).not.toHaveLength(0);
    expect(await screen.findByText('邻里纠纷')).toBeInTheDocument();
    expect(screen.getByText(zhCN['sessions.status.scheduled'])).toBeInTheDocument();
    expect(server.requestsTo('GET', '/api/v1/public/mediation-applications/TJ12345678')[0]?.headers.get('X-Tracking-Secret')).toBe('secret-abc');

    await user.click(screen.getByRole('button', { name: zhCN['publicMediation.withdraw'] }));
    expect(await screen.findByText(zhCN['publicMediation.required'])).toBeInTheDocument();
    await user.type(screen.getByLabelText(zhCN['publicMediation.withdrawReason']), '已与对方自行和解。');
    await user.click(screen.getByRole('button', { name: zhCN['publicMediation.withdraw'] }));
    await waitFor(() => expect(screen.getByTestId('mediation-status')).toHaveTextContent(zhCN['disputeStatus.withdrawn']));
    expect(screen.queryByRole('button', { name: zhCN['publicMediation.withdraw'] })).not.toBeInTheDocument();
    const withdrawal = server.requestsTo('POST', '/api/v1/public/mediation-applications/TJ12345678/withdrawal')[0];
    expect(withdrawal?.body).toEqual({ reason: '已与对方自行和解。' });
    expect(withdrawal?.headers.get('X-Tracking-Secret')).toBe('secret-abc');
  });

  it('shows the outcome: the agreement dates, or the guidance on failure', async () => {
    server.on('GET', '/api/v1/public/mediation-applications/TJ12345678', () =>
      json(view({ status: 'failed', mayWithdraw: false, guidance: '可向人民法院起诉。', closedAt: '2030-03-09T02:00:00Z' })),
    );
    renderWithApp(<PublicMediationTrackPage />, { path: '/public/mediation/track', locale: 'en' });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText(en['publicMediation.trackingCode']), 'TJ12345678');
    await user.type(screen.getByLabelText(en['publicMediation.secret']), 'secret-abc');
    await user.click(screen.getByRole('button', { name: en['publicMediation.track'] }));
    expect(await screen.findByText('可向人民法院起诉。')).toBeInTheDocument();
    expect(screen.getByTestId('mediation-status')).toHaveTextContent(en['disputeStatus.failed']);
    expect(screen.queryByRole('button', { name: en['publicMediation.withdraw'] })).not.toBeInTheDocument();
  });

  it('says a wrong code or secret is wrong', async () => {
    server.on('GET', '/api/v1/public/mediation-applications/TJ12345678', () => problem(404));
    renderWithApp(<PublicMediationTrackPage />, { path: '/public/mediation/track' });
    const user = userEvent.setup();
    await track(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(zhCN['publicMediation.notFound']);
    const card = screen.queryByText('越城调-2030-000031');
    expect(card).toBeNull();
    expect(within(document.body).queryByTestId('mediation-status')).toBeNull();
  });
});
