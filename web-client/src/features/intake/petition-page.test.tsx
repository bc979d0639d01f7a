import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PetitionDetail } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { PetitionPage } from './petition-page';

const petition = (allowedActions: PetitionDetail['allowedActions']): PetitionDetail => ({
  id: 'p-1',
  number: '越城-2026-000001',
  channel: 'visit',
  status: 'registered',
  regionId: 'r-town',
  regionName: '府山街道',
  category: 'urban_rural_construction',
  persons: 1,
  receivedAt: '2026-03-02T01:00:00Z',
  registeredAt: '2026-03-02T01:05:00Z',
  acceptanceDue: '2026-03-17',
  acceptanceOverdue: false,
  request: '请求修复路灯',
  facts: '',
  reasons: '',
  channelReference: null,
  flags: [],
  petitioners: [
    { id: 'pp-1', ordinal: 1, name: '王五', idNumberMasked: '330602********1234', phoneMasked: '138****0000', address: null, isRepresentative: false },
  ],
  timeline: [],
  attachments: [],
  links: [],
  decision: null,
  allowedActions,
  version: 1,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/petition-categories', () => json({ items: [] }));
});

function renderPetition(detail: PetitionDetail) {
  server.on('GET', '/api/v1/petitions/p-1', () => json(detail, 200, { ETag: '"1"' }));
  renderWithApp(
    <Routes>
      <Route path="/petitions/:id" element={<PetitionPage />} />
    </Routes>,
    { path: '/petitions/p-1' },
  );
}

describe('petition page', () => {
  it('offers every step the server allows', async () => {
    renderPetition(petition(['classify', 'link', 'merge', 'add_attachment', 'reveal_petitioner']));

    expect(await screen.findByRole('button', { name: zhCN['petition.classify'] })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: zhCN['petition.linkTo'] })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: zhCN['petition.mergeInto'] })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: zhCN['petition.upload'] })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: zhCN['petition.reveal'] })).toBeInTheDocument();
  });

  it('offers only what the server allows, even on a registered petition', async () => {
    renderPetition(petition(['reveal_petitioner']));

    expect(await screen.findByRole('button', { name: zhCN['petition.reveal'] })).toBeInTheDocument();
    for (const label of [zhCN['petition.classify'], zhCN['petition.linkTo'], zhCN['petition.mergeInto'], zhCN['petition.upload']]) {
      expect(screen.queryByRole('button', { name: label })).not.toBeInTheDocument();
    }
  });

  it('names the suggestion a petition became, with its status, linked for those who read suggestions', async () => {
    server.on('GET', '/api/v1/me', () =>
      json({
        id: 'u-officer',
        userName: 'district.petition_officer',
        displayName: '李干部',
        roles: ['petition_officer', 'leader'],
        capabilities: ['view_suggestions'],
        unit: { id: 'n-bureau', name: '越城区信访局', kind: 'petition_bureau' },
        jurisdiction: { regionId: 'r-district', name: '越城区', level: 'district', path: '/r-district/' },
      }),
    );
    renderPetition({
      ...petition([]),
      status: 'converted_to_suggestion',
      decision: {
        decision: 'convert_to_suggestion',
        reason: '属于意见建议',
        notice: '已转人民建议征集渠道。',
        legalChannel: null,
        decidedAt: '2026-03-03T01:00:00Z',
        suggestedUnitId: null,
      },
      suggestion: { id: 's-1', trackingCode: 'JY2603000001', status: 'valid' },
    });

    const link = await screen.findByRole('link', { name: 'JY2603000001' }, { timeout: 5000 });
    expect(link).toHaveAttribute('href', '/suggestions/s-1');
    expect(screen.getByTestId('petition-suggestion')).toHaveTextContent(zhCN['suggestionStatus.valid']);
  });
});
