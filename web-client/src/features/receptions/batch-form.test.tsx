import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReceptionDetail } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { BatchForm } from './batch-form';

const reception: ReceptionDetail = {
  id: 'rc-1',
  kind: 'leader_day',
  status: 'held',
  level: 'district',
  hostUserId: 'u-leader',
  hostName: '王区长',
  unitId: null,
  unitName: null,
  regionId: 'r-district',
  regionName: '越城区',
  day: '2026-03-03',
  startsAt: '08:30',
  endsAt: '11:30',
  place: '越城区信访接待中心',
  theme: null,
  purpose: null,
  isPublished: true,
  petitionId: null,
  petitionNumber: null,
  cancelReason: null,
  heldAt: '2026-03-03T00:31:00Z',
  totals: { batches: 0, persons: 0, solvedOnTheSpot: 0, explained: 0, assigned: 0, resolutionRate: null },
  batches: [],
  allowedActions: ['record_batch', 'correct_batch'],
  version: 2,
};

const regions = [
  { id: 'r-district', code: '330602', name: '越城区', level: 'district', parentId: null, path: '/r-district/', isRetired: false },
  { id: 'r-town', code: '330602001', name: '府山街道', level: 'town', parentId: 'r-district', path: '/r-district/r-town/', isRetired: false },
];

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/regions', () => json({ items: regions }));
  server.on('GET', '/api/v1/petition-categories', () =>
    json({ items: [{ code: 'urban_rural_construction', nameZh: '城乡建设', nameEn: 'Urban and rural construction' }] }),
  );
  server.on('POST', '/api/v1/receptions/rc-1/batches', () => json({ id: 'b-1', version: 1 }, 201));
});

const user = () => userEvent.setup();

async function submit(u: ReturnType<typeof userEvent.setup>) {
  await u.click(screen.getByRole('button', { name: zhCN['batchForm.submit'] }));
}

const sent = () => server.requestsTo('POST', '/api/v1/receptions/rc-1/batches');

describe('new batch form', () => {
  it('records a batch solved on the spot without names or petition, with an idempotency key', async () => {
    renderWithApp(<BatchForm reception={reception} />);
    const u = user();

    await u.type(screen.getByLabelText(zhCN['batchForm.matter']), '咨询老旧小区加装电梯补助政策');
    await submit(u);

    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]?.body).toEqual({
      persons: 1,
      petitioners: [],
      matter: '咨询老旧小区加装电梯补助政策',
      outcome: 'solved_on_the_spot',
      petitionId: null,
      newPetition: null,
      instruction: null,
      notice: null,
    });
    expect(sent()[0]?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByText(zhCN['batchForm.recorded'])).toBeInTheDocument();
    expect(screen.getByLabelText(zhCN['batchForm.matter'])).toHaveValue('');
  });

  it('records an explained batch of named petitioners about an existing petition found by its number', async () => {
    server.on('GET', '/api/v1/petitions', () =>
      json({
        items: [
          {
            id: 'p-7',
            number: '越城-2026-000007',
            channel: 'visit',
            status: 'accepted',
            regionName: '府山街道',
            category: 'urban_rural_construction',
            persons: 2,
            receivedAt: '2026-02-01T01:00:00Z',
            acceptanceDue: '2026-02-16',
            requestText: '请求修复路灯',
            firstPetitioner: '李群众',
            isFirstTime: true,
            isRepeat: false,
            isSkipLevel: false,
            isCollective: false,
            isBusiness: false,
            isCrossBoundary: false,
            isUrgent: false,
            isFinalMatter: false,
          },
        ],
        nextCursor: null,
      }),
    );
    renderWithApp(<BatchForm reception={reception} />);
    const u = user();

    await u.click(screen.getByText(zhCN['batchOutcome.explained']));
    await u.type(screen.getByLabelText(zhCN['batchForm.matter']), '再次反映路灯未修');
    await u.click(screen.getByRole('button', { name: zhCN['batchForm.addPetitioner'] }));
    await u.click(screen.getByRole('button', { name: zhCN['batchForm.addPetitioner'] }));
    await u.type(screen.getByLabelText('信访人1姓名'), '李群众');
    await u.type(screen.getByLabelText('信访人1电话'), '13900139000');
    await u.type(screen.getByLabelText('信访人2姓名'), '李家属');
    await u.click(screen.getByRole('radio', { name: zhCN['batchForm.petition.link'] }));
    await u.type(screen.getByLabelText(zhCN['batchForm.petitionNumber']), '000007');
    await u.click(await screen.findByTitle('越城-2026-000007 · 李群众 · 请求修复路灯'));
    await submit(u);

    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(server.requestsTo('GET', '/api/v1/petitions').at(-1)?.path).toContain('text=000007');
    expect(sent()[0]?.body).toEqual({
      persons: 2,
      petitioners: [
        { name: '李群众', idNumber: null, phone: '13900139000' },
        { name: '李家属', idNumber: null, phone: null },
      ],
      matter: '再次反映路灯未修',
      outcome: 'explained',
      petitionId: 'p-7',
      newPetition: null,
      instruction: null,
      notice: null,
    });
  });

  it('assigns a batch with a petition registered from it, the instruction and the default notice', async () => {
    renderWithApp(<BatchForm reception={reception} />);
    const u = user();

    await u.click(screen.getByText(zhCN['batchOutcome.assigned']));
    // An assignment needs a petition: the form moves from "none" to registering one.
    expect(screen.getByRole('radio', { name: zhCN['batchForm.petition.new'] })).toBeChecked();
    expect(screen.getByRole('radio', { name: zhCN['batchForm.petition.none'] })).toBeDisabled();
    await u.type(screen.getByLabelText(zhCN['batchForm.matter']), '反映企业拖欠工资');
    await u.click(screen.getByRole('button', { name: zhCN['batchForm.addPetitioner'] }));
    await u.type(screen.getByLabelText('信访人1姓名'), '赵工人');
    await u.click(screen.getByLabelText(zhCN['batchForm.category']));
    await u.click(await screen.findByTitle('城乡建设'));
    await u.click(screen.getByRole('switch', { name: zhCN['batchForm.urgent'] }));
    await u.type(screen.getByLabelText(zhCN['batchForm.instruction']), '请区人社局三日内核实处理');
    await submit(u);

    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]?.body).toEqual({
      persons: 1,
      petitioners: [{ name: '赵工人', idNumber: null, phone: null }],
      matter: '反映企业拖欠工资',
      outcome: 'assigned',
      petitionId: null,
      newPetition: { category: 'urban_rural_construction', regionId: null, facts: null, urgent: true },
      instruction: '请区人社局三日内核实处理',
      notice: zhCN['batchForm.defaultNotice'],
    });
  });

  it('asks for a petitioner before registering a new petition, without sending', async () => {
    renderWithApp(<BatchForm reception={reception} />);
    const u = user();

    await u.click(screen.getByRole('radio', { name: zhCN['batchForm.petition.new'] }));
    await u.type(screen.getByLabelText(zhCN['batchForm.matter']), '反映噪音扰民');
    await u.click(screen.getByLabelText(zhCN['batchForm.category']));
    await u.click(await screen.findByTitle('城乡建设'));
    await submit(u);

    expect(await screen.findByRole('alert')).toHaveTextContent(zhCN['batchForm.newNeedsPetitioner']);
    expect(sent()).toHaveLength(0);
  });

  it("puts the API's field errors beside their fields and retries with the same idempotency key", async () => {
    server.on(
      'POST',
      '/api/v1/receptions/rc-1/batches',
      () => problem(400, { errors: { 'Petitioners[0].IdNumber': ['身份证号无效。'], 'newPetition.category': ['类别无效。'] } }),
      () => json({ id: 'b-2', version: 1 }, 201),
    );
    renderWithApp(<BatchForm reception={reception} />);
    const u = user();

    await u.click(screen.getByRole('radio', { name: zhCN['batchForm.petition.new'] }));
    await u.type(screen.getByLabelText(zhCN['batchForm.matter']), '反映噪音扰民');
    await u.click(screen.getByRole('button', { name: zhCN['batchForm.addPetitioner'] }));
    await u.type(screen.getByLabelText('信访人1姓名'), '钱居民');
    await u.type(screen.getByLabelText('信访人1身份证号'), '330602199001011235');
    await u.click(screen.getByLabelText(zhCN['batchForm.category']));
    await u.click(await screen.findByTitle('城乡建设'));
    await submit(u);

    expect(await screen.findByText('身份证号无效。')).toBeInTheDocument();
    expect(await screen.findByText('类别无效。')).toBeInTheDocument();
    await submit(u);

    await waitFor(() => expect(sent()).toHaveLength(2));
    const [first, second] = sent();
    expect(second?.headers.get('Idempotency-Key')).toBe(first?.headers.get('Idempotency-Key'));
  });
});
