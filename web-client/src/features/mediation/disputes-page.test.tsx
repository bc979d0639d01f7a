import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DisputeDetail, DisputeListItem } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { DisputePage } from './dispute-page';
import { DisputesPage } from './disputes-page';

const mediator = {
  id: 'u-mediator',
  userName: 'town.mediator',
  displayName: '王调解',
  roles: ['mediator'],
  capabilities: ['view_mediation', 'manage_mediation_rooms', 'view_disputes', 'mediate_disputes'],
  unit: { id: 'n-committee', name: '府山街道人民调解委员会', kind: 'mediation_committee' },
  jurisdiction: { regionId: 'r-town', name: '府山街道', level: 'town', path: '/r-town/' },
};

const item = (id: string, extra: Partial<DisputeListItem>): DisputeListItem => ({
  id,
  number: '越城调-2026-000001',
  status: 'registered',
  disputeType: 'neighbourhood',
  source: 'walk_in',
  summary: '装修噪音纠纷',
  regionId: 'r-town',
  regionName: '府山街道',
  roomId: 'room-1',
  roomName: '府山街道人民调解委员会',
  leadMediatorName: '王阿姨',
  applicantNames: '张三',
  respondentNames: '李四',
  petitionNumber: null,
  clockOverdue: false,
  registeredAt: '2026-03-03T02:00:00Z',
  version: 1,
  ...extra,
});

const detail = (extra: Partial<DisputeDetail>): DisputeDetail => ({
  id: 'd-1',
  number: '越城调-2026-000001',
  status: 'registered',
  disputeType: 'neighbourhood',
  summary: '楼上装修噪音扰民。',
  claims: '请求限定施工时间。',
  amountClaimed: 3000,
  regionId: 'r-town',
  regionName: '府山街道',
  source: 'walk_in',
  courtName: null,
  courtCaseNumber: null,
  petitionId: null,
  petitionNumber: null,
  roomId: 'room-1',
  roomName: '府山街道人民调解委员会',
  leadMediatorId: 'm-1',
  leadMediatorName: '王阿姨',
  assistingMediators: [],
  parties: [
    { id: 'p-1', side: 'applicant', kind: 'person', name: '张三', idNumberMasked: '330602********1234', phoneMasked: '138****5678', organisationCode: null },
    { id: 'p-2', side: 'respondent', kind: 'person', name: '李四', idNumberMasked: null, phoneMasked: null, organisationCode: null },
  ],
  representatives: [],
  representativeLimitPerSide: 10,
  canChangeRepresentatives: true,
  applicantConsent: 'pending',
  respondentConsent: 'pending',
  guidance: null,
  withdrawalReason: null,
  registeredAt: '2026-03-03T02:00:00Z',
  acceptedAt: null,
  closedAt: null,
  sessions: [],
  followUps: [],
  allowedActions: ['applicant_consents', 'applicant_refuses', 'respondent_consents', 'respondent_refuses', 'withdraw'],
  version: 1,
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(mediator));
  server.on('GET', '/api/v1/regions', () => json({ items: [] }));
  server.on('GET', '/api/v1/mediation/dispute-types', () => json([{ code: 'neighbourhood', nameZh: '邻里纠纷', nameEn: 'Neighbourhood' }]));
});

const renderDispute = () =>
  renderWithApp(
    <Routes>
      <Route path="/mediation/disputes/:id" element={<DisputePage />} />
    </Routes>,
    { path: '/mediation/disputes/d-1' },
  );

describe('dispute worklist', () => {
  it('lists the disputes with their parties and links, filters by status, and pages on', async () => {
    server.on('GET', '/api/v1/mediation/disputes', (request) =>
      request.path.includes('cursor=next')
        ? json({ items: [item('d-3', { number: '越城调-2026-000003' })], nextCursor: null })
        : request.path.includes('status=accepted')
          ? json({ items: [item('d-2', { number: '越城调-2026-000002', status: 'accepted' })], nextCursor: null })
          : json({ items: [item('d-1', {})], nextCursor: 'next' }),
    );
    renderWithApp(<DisputesPage />, { path: '/mediation/disputes' });
    const user = userEvent.setup();

    const link = await screen.findByRole('link', { name: '越城调-2026-000001' });
    expect(link).toHaveAttribute('href', '/mediation/disputes/d-1');
    const row = link.closest('tr')!;
    expect(within(row).getByText('张三 诉 李四')).toBeInTheDocument();
    expect(await within(row).findByText('邻里纠纷')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: zhCN['disputes.register'] })).toHaveAttribute('href', '/mediation/disputes/new');

    await user.click(screen.getByRole('button', { name: new RegExp(zhCN['common.nextPage']) }));
    expect(await screen.findByRole('link', { name: '越城调-2026-000003' })).toBeInTheDocument();

    await user.click(screen.getByLabelText(zhCN['disputes.status']));
    await user.click(await screen.findByTitle(zhCN['disputeStatus.accepted']));
    expect(await screen.findByRole('link', { name: '越城调-2026-000002' })).toBeInTheDocument();
    const last = server.requestsTo('GET', '/api/v1/mediation/disputes').at(-1)?.path ?? '';
    expect(last).toContain('status=accepted');
    expect(last).not.toContain('cursor=');
  });

  it('opens on the status the address asks for', async () => {
    server.on('GET', '/api/v1/mediation/disputes', () => json({ items: [item('d-1', {})], nextCursor: null }));
    renderWithApp(<DisputesPage />, { path: '/mediation/disputes?status=registered' });

    expect(await screen.findByRole('link', { name: '越城调-2026-000001' })).toBeInTheDocument();
    expect(server.requestsTo('GET', '/api/v1/mediation/disputes')[0]?.path).toContain('status=registered');
    expect(screen.getByTitle(zhCN['disputeStatus.registered'])).toBeInTheDocument();
  });

  it('says when there are no disputes, and offers a retry when they cannot be read', async () => {
    server.on(
      'GET',
      '/api/v1/mediation/disputes',
      () => problem(500),
      () => json({ items: [], nextCursor: null }),
    );
    renderWithApp(<DisputesPage />, { path: '/mediation/disputes' });
    const user = userEvent.setup();
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: zhCN['common.retry'] }));
    expect(await screen.findByText(zhCN['disputes.empty'])).toBeInTheDocument();
  });
});

describe('dispute page', () => {
  it('shows the masked parties and records a side’s consent with the version read', async () => {
    server.on(
      'GET',
      '/api/v1/mediation/disputes/d-1',
      () => json(detail({})),
      () => json(detail({ applicantConsent: 'given', version: 2, allowedActions: ['respondent_consents', 'respondent_refuses', 'withdraw'] })),
    );
    server.on('POST', '/api/v1/mediation/disputes/d-1/consent', () => json({ id: 'd-1', version: 2 }));
    renderDispute();
    const user = userEvent.setup();

    expect(await screen.findByText('身份证号 330602********1234')).toBeInTheDocument();
    expect(screen.getByText('联系电话 138****5678')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '申请人同意调解' }));

    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/consent')).toHaveLength(1));
    const request = server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/consent')[0]!;
    expect(request.headers.get('If-Match')).toBe('"1"');
    expect(request.body).toEqual({ side: 'applicant', consents: true, guidance: null });
    expect(await screen.findByText('申请人：同意调解')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '申请人同意调解' })).not.toBeInTheDocument();
  });

  it('asks for guidance before recording a refusal', async () => {
    server.on('GET', '/api/v1/mediation/disputes/d-1', () => json(detail({})));
    server.on('POST', '/api/v1/mediation/disputes/d-1/consent', () => json({ id: 'd-1', version: 2 }));
    renderDispute();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: '被申请人拒绝调解' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));
    expect(await within(dialog).findByText(zhCN['dispute.guidanceRequired'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/consent')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(zhCN['dispute.guidance']), '可向人民法院起诉。');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));
    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/consent')).toHaveLength(1));
    expect(server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/consent')[0]!.body).toEqual({ side: 'respondent', consents: false, guidance: '可向人民法院起诉。' });
  });

  it('offers no steps to a reader who does not mediate', async () => {
    server.on('GET', '/api/v1/mediation/disputes/d-1', () => json(detail({ allowedActions: [] })));
    renderDispute();
    expect(await screen.findByText('张三')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '申请人同意调解' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zhCN['dispute.withdraw'] })).not.toBeInTheDocument();
  });

  it('lists the sessions booked, and offers booking only once the dispute is accepted', async () => {
    const session = { id: 's-1', roomName: '府山街道人民调解委员会', startsAt: '2030-03-04T01:00:00Z', endsAt: '2030-03-04T02:30:00Z', status: 'scheduled' as const, mediatorNames: ['王阿姨', '李大伯'], invitedPartyNames: ['张三'], version: 1 };
    server.on(
      'GET',
      '/api/v1/mediation/disputes/d-1',
      () => json(detail({ status: 'accepted', applicantConsent: 'given', respondentConsent: 'given', allowedActions: ['withdraw'], sessions: [session] })),
    );
    renderDispute();

    expect(await screen.findByText('王阿姨、李大伯')).toBeInTheDocument();
    expect(screen.getByText(/2030-03-04 \d{2}:\d{2}–\d{2}:\d{2}/)).toBeInTheDocument();
    expect(screen.getByText(zhCN['sessions.invited'].replace('{names}', '张三'))).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: zhCN['sessions.book'] })).toBeInTheDocument();
  });

  it('invites every party to a new session unless told otherwise, and at least one', async () => {
    server.on('GET', '/api/v1/mediation/disputes/d-1', () =>
      json(detail({ status: 'accepted', applicantConsent: 'given', respondentConsent: 'given', allowedActions: ['withdraw'] })),
    );
    renderDispute();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['sessions.book'] }));
    const dialog = within(await screen.findByRole('dialog'));
    const applicant = dialog.getByRole('checkbox', { name: `${zhCN['disputeSide.applicant']} 张三` });
    const respondent = dialog.getByRole('checkbox', { name: `${zhCN['disputeSide.respondent']} 李四` });
    expect(applicant).toBeChecked();
    expect(respondent).toBeChecked();
    await user.click(applicant);
    await user.click(respondent);
    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));
    expect(await dialog.findByText(zhCN['sessions.invitedPartiesRequired'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/sessions')).toHaveLength(0);
  });

  it('offers no booking while the dispute awaits consent', async () => {
    server.on('GET', '/api/v1/mediation/disputes/d-1', () => json(detail({})));
    renderDispute();
    expect(await screen.findByText(zhCN['sessions.empty'])).toBeInTheDocument();
    // The caller may mediate (their /me is read): only the dispute's state keeps the booking away.
    await waitFor(() => expect(server.requestsTo('GET', '/api/v1/me')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: '申请人同意调解' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zhCN['sessions.book'] })).not.toBeInTheDocument();
  });

  it('records a return visit after the agreement with the version read, and shows what earlier visits found', async () => {
    const agreement = {
      terms: '赔偿 2,000 元。',
      amountAgreed: 2000,
      form: 'written' as const,
      applicantSigned: true,
      respondentSigned: true,
      effectiveOn: dayjs().subtract(5, 'day').format('YYYY-MM-DD'),
      performanceDeadline: dayjs().add(25, 'day').format('YYYY-MM-DD'),
      confirmationDueOn: dayjs().add(25, 'day').format('YYYY-MM-DD'),
      recordedAt: '2026-03-03T02:00:00Z',
      confirmationAppliedOn: null,
      confirmationCourt: null,
      confirmationRuling: null,
      confirmationDecidedOn: null,
      confirmationNote: null,
      confirmationReminderDays: 7,
    };
    const visit = { id: 'f-1', visitedOn: dayjs().subtract(2, 'day').format('YYYY-MM-DD'), performance: 'partly_performed' as const, note: '已支付一半。', recordedAt: '2026-03-04T02:00:00Z' };
    server.on('GET', '/api/v1/mediation/disputes/d-1', () =>
      json(detail({ status: 'agreed', applicantConsent: 'given', respondentConsent: 'given', agreement, performance: 'partly_performed', followUps: [visit], allowedActions: ['record_follow_up'], version: 5 })),
    );
    server.on('POST', '/api/v1/mediation/disputes/d-1/follow-ups', () => json({ id: 'd-1', version: 6 }));
    renderDispute();
    const user = userEvent.setup();

    expect(await screen.findByText('已支付一半。')).toBeInTheDocument();
    expect(screen.getByText(zhCN['followUp.awaiting'])).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: zhCN['followUp.record'] }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));
    expect(await within(dialog).findByText(zhCN['followUp.noteRequired'])).toBeInTheDocument();
    expect(await within(dialog).findByText(zhCN['followUp.performanceRequired'])).toBeInTheDocument();

    await user.click(within(dialog).getByLabelText(zhCN['performance.performed']));
    await user.type(within(dialog).getByLabelText(zhCN['followUp.note']), '款项已付清。');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));
    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/follow-ups')).toHaveLength(1));
    const request = server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/follow-ups')[0]!;
    expect(request.headers.get('If-Match')).toBe('"5"');
    expect(request.body).toEqual({ visitedOn: dayjs().format('YYYY-MM-DD'), performance: 'performed', note: '款项已付清。' });
  });
});

describe('agreements awaiting performance', () => {
  it('lists them on their own tab with what the last visit found', async () => {
    server.on('GET', '/api/v1/mediation/disputes', (request) =>
      request.path.includes('awaitingPerformance=true')
        ? json({ items: [item('d-9', { number: '越城调-2026-000009', status: 'agreed', performance: 'not_performed' })], nextCursor: null })
        : json({ items: [item('d-1', {})], nextCursor: null }),
    );
    renderWithApp(<DisputesPage />, { path: '/mediation/disputes' });
    const user = userEvent.setup();

    expect(await screen.findByRole('link', { name: '越城调-2026-000001' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: zhCN['disputes.tabAwaitingPerformance'] }));
    const link = await screen.findByRole('link', { name: '越城调-2026-000009' });
    expect(within(link.closest('tr')!).getByText(zhCN['performance.not_performed'])).toBeInTheDocument();
  });
});

describe('judicial confirmation deadline near', () => {
  it('lists the agreements near their confirmation deadline on their own tab, asking the server for them', async () => {
    server.on('GET', '/api/v1/mediation/disputes', (request) =>
      request.path.includes('confirmationDueSoon=true')
        ? json({ items: [item('d-7', { number: '越城调-2026-000007', status: 'agreed' })], nextCursor: null })
        : json({ items: [item('d-1', {})], nextCursor: null }),
    );
    renderWithApp(<DisputesPage />, { path: '/mediation/disputes' });
    const user = userEvent.setup();

    expect(await screen.findByRole('link', { name: '越城调-2026-000001' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: zhCN['disputes.tabConfirmationDueSoon'] }));
    expect(await screen.findByRole('link', { name: '越城调-2026-000007' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '越城调-2026-000001' })).not.toBeInTheDocument();
    const last = server.requestsTo('GET', '/api/v1/mediation/disputes').at(-1)?.path ?? '';
    expect(last).toContain('confirmationDueSoon=true');
    expect(last).not.toContain('awaitingPerformance');
  });
});

describe('assigning a room and mediators', () => {
  const room = {
    id: 'room-2',
    name: '九斤姑娘调解室',
    regionName: '府山街道',
    mediators: [
      { id: 'm-7', name: '九斤姑娘', isRetired: false },
      { id: 'm-8', name: '老娘舅', isRetired: false },
      { id: 'm-9', name: '退休调解员', isRetired: true },
    ],
  };

  it('offers the step only when the dispute allows it', async () => {
    server.on('GET', '/api/v1/mediation/disputes/d-1', () => json(detail({ status: 'withdrawn', allowedActions: [] })));
    renderDispute();
    expect(await screen.findByText('楼上装修噪音扰民。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zhCN['assign.action'] })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zhCN['assign.change'] })).not.toBeInTheDocument();
  });

  it('puts an online application without a room in one, with its lead and an assistant, sending the version read', async () => {
    server.on('GET', '/api/v1/mediation/disputes/d-1', () =>
      json(detail({ source: 'online_application', roomId: null, roomName: null, leadMediatorId: null, leadMediatorName: null, allowedActions: ['withdraw', 'assign'], version: 3 })),
    );
    server.on('GET', '/api/v1/mediation/rooms', () => json({ items: [room], nextCursor: null }));
    server.on('POST', '/api/v1/mediation/disputes/d-1/assignment', () => json({ id: 'd-1', version: 4 }));
    renderDispute();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['assign.action'] }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));
    expect(await dialog.findByText(zhCN['disputeForm.roomRequired'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/assignment')).toHaveLength(0);

    await user.click(dialog.getByLabelText(zhCN['disputeForm.room']));
    await user.click(await screen.findByTitle('九斤姑娘调解室 · 府山街道'));
    await user.click(dialog.getByLabelText(zhCN['disputeForm.lead']));
    await user.click(await screen.findByTitle('九斤姑娘'));
    expect(screen.queryByTitle('退休调解员')).not.toBeInTheDocument();
    await user.click(dialog.getByLabelText(zhCN['disputeForm.assistants']));
    // The lead's closed list keeps its options in the page; the assistants' list is the last one opened.
    await user.click((await screen.findAllByTitle('老娘舅')).at(-1)!);
    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));

    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/assignment')).toHaveLength(1));
    const request = server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/assignment')[0]!;
    expect(request.headers.get('If-Match')).toBe('"3"');
    expect(request.body).toEqual({ roomId: 'room-2', leadMediatorId: 'm-7', assistingMediatorIds: ['m-8'] });
  });

  it('says why the room cannot change while sessions are booked in it', async () => {
    server.on('GET', '/api/v1/mediation/disputes/d-1', () => json(detail({ status: 'accepted', allowedActions: ['withdraw', 'assign'], version: 5 })));
    server.on('GET', '/api/v1/mediation/rooms', () => json({ items: [room], nextCursor: null }));
    server.on('POST', '/api/v1/mediation/disputes/d-1/assignment', () => problem(409, { code: 'dispute_has_scheduled_sessions' }));
    renderDispute();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['assign.change'] }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByLabelText(zhCN['disputeForm.room']));
    await user.click(await screen.findByTitle('九斤姑娘调解室 · 府山街道'));
    await user.click(dialog.getByLabelText(zhCN['disputeForm.lead']));
    await user.click(await screen.findByTitle('老娘舅'));
    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));
    expect(await dialog.findByText(zhCN['error.disputeHasScheduledSessions'])).toBeInTheDocument();
  });
});
