import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DisputeDetail } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { DisputePage } from './dispute-page';

const mediator = {
  id: 'u-mediator',
  userName: 'town.mediator',
  displayName: '王调解',
  roles: ['mediator'],
  capabilities: ['view_mediation', 'manage_mediation_rooms', 'view_disputes', 'mediate_disputes'],
  unit: { id: 'n-committee', name: '府山街道人民调解委员会', kind: 'mediation_committee' },
  jurisdiction: { regionId: 'r-town', name: '府山街道', level: 'town', path: '/r-town/' },
};

const lawyer = { id: 'rep-1', side: 'respondent' as const, name: '刘律师', role: 'lawyer' as const, relation: null, idNumberMasked: null, phoneMasked: '139****0000' };

const detail = (extra: Partial<DisputeDetail>): DisputeDetail => ({
  id: 'd-1',
  number: '越城调-2026-000001',
  status: 'registered',
  disputeType: 'medical',
  summary: '患者家属对诊疗过程有异议。',
  claims: '请求赔偿。',
  amountClaimed: null,
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
    { id: 'p-1', side: 'applicant', kind: 'person', name: '张三', idNumberMasked: null, phoneMasked: null, organisationCode: null },
    { id: 'p-2', side: 'respondent', kind: 'organisation', name: '绍兴某医院', idNumberMasked: null, phoneMasked: null, organisationCode: '12330600470000000X' },
  ],
  representatives: [
    { id: 'rep-0', side: 'applicant', name: '张小三', role: 'close_relative', relation: '之子', idNumberMasked: '330602********1234', phoneMasked: '138****5678' },
    lawyer,
  ],
  representativeLimitPerSide: 5,
  canChangeRepresentatives: true,
  applicantConsent: 'pending',
  respondentConsent: 'pending',
  guidance: null,
  withdrawalReason: null,
  failureReason: null,
  agreement: null,
  performance: null,
  performedOn: null,
  followUps: [],
  clock: null,
  registeredAt: '2026-03-03T02:00:00Z',
  acceptedAt: null,
  closedAt: null,
  sessions: [],
  allowedActions: ['applicant_consents', 'applicant_refuses', 'respondent_consents', 'respondent_refuses', 'withdraw'],
  version: 3,
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(mediator));
  server.on('GET', '/api/v1/regions', () => json({ items: [] }));
  server.on('GET', '/api/v1/mediation/dispute-types', () => json([{ code: 'medical', nameZh: '医疗纠纷', nameEn: 'Medical' }]));
});

const renderDispute = () =>
  renderWithApp(
    <Routes>
      <Route path="/mediation/disputes/:id" element={<DisputePage />} />
    </Routes>,
    { path: '/mediation/disputes/d-1' },
  );

describe('representatives on the dispute page', () => {
  it('shows each side’s representatives masked, with the rule set’s limit', async () => {
    server.on('GET', '/api/v1/mediation/disputes/d-1', () => json(detail({})));
    renderDispute();

    expect(await screen.findByText('张小三')).toBeInTheDocument();
    expect(screen.getByText('近亲属 · 之子')).toBeInTheDocument();
    expect(screen.getByText('身份证号 330602********1234')).toBeInTheDocument();
    expect(screen.getByText('联系电话 139****0000')).toBeInTheDocument();
    expect(screen.getByText('每方最多 5 名')).toBeInTheDocument();
  });

  it('adds a representative with the version read, and lands the API’s field errors on the fields', async () => {
    server.on('GET', '/api/v1/mediation/disputes/d-1', () => json(detail({})));
    server.on(
      'POST',
      '/api/v1/mediation/disputes/d-1/representatives',
      () => problem(400, { errors: { side: ['At most 5 representatives per side.'] } }),
      () => json({ id: 'rep-2', version: 4 }, 201),
    );
    renderDispute();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['representative.add'] }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: zhCN['representative.add'] }));
    expect(await within(dialog).findByText(zhCN['representative.nameRequired'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/representatives')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(zhCN['representative.name']), '张小四');
    await user.type(within(dialog).getByLabelText(zhCN['representative.relation']), '之女');
    await user.type(within(dialog).getByLabelText(zhCN['representative.phone']), '13800138000');
    await user.click(within(dialog).getByRole('button', { name: zhCN['representative.add'] }));
    expect(await within(dialog).findByText('At most 5 representatives per side.')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: zhCN['representative.add'] }));
    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/representatives')).toHaveLength(2));
    const request = server.requestsTo('POST', '/api/v1/mediation/disputes/d-1/representatives')[1]!;
    expect(request.headers.get('If-Match')).toBe('"3"');
    expect(request.body).toEqual({ side: 'applicant', name: '张小四', role: 'close_relative', relation: '之女', phone: '13800138000', idNumber: null });
  });

  it('removes a representative after confirming, with the version read', async () => {
    server.on('GET', '/api/v1/mediation/disputes/d-1', () => json(detail({})));
    server.on('DELETE', '/api/v1/mediation/disputes/d-1/representatives/rep-1', () => json({ id: 'd-1', version: 4 }));
    renderDispute();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['representative.remove'].replace('{name}', '刘律师') }));
    await user.click(await screen.findByRole('button', { name: /OK|确\s*定/ }));
    await waitFor(() => expect(server.requestsTo('DELETE', '/api/v1/mediation/disputes/d-1/representatives/rep-1')).toHaveLength(1));
    expect(server.requestsTo('DELETE', '/api/v1/mediation/disputes/d-1/representatives/rep-1')[0]!.headers.get('If-Match')).toBe('"3"');
  });

  it('offers no changes once the dispute has ended or to a reader who does not mediate', async () => {
    server.on('GET', '/api/v1/mediation/disputes/d-1', () => json(detail({ status: 'withdrawn', canChangeRepresentatives: false, allowedActions: [] })));
    renderDispute();
    expect(await screen.findByText('刘律师')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zhCN['representative.add'] })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zhCN['representative.remove'].replace('{name}', '刘律师') })).not.toBeInTheDocument();
  });
});
