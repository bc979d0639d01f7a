import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { PublicSubmitPage } from './public-submit-page';

const regions = [
  { id: 'r-city', code: '3306', name: '绍兴市', level: 'city', parentId: null, path: '/r-city/' },
  { id: 'r-district', code: '330602', name: '越城区', level: 'district', parentId: 'r-city', path: '/r-city/r-district/' },
  { id: 'r-town', code: '330602001', name: '府山街道', level: 'town', parentId: 'r-district', path: '/r-city/r-district/r-town/' },
];

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/public/regions', () => json({ items: regions }));
  server.on('GET', '/api/v1/petition-categories', () =>
    json({ items: [{ code: 'urban_rural_construction', nameZh: '城乡建设', nameEn: 'Urban and rural construction' }] }),
  );
});

async function fillAndSubmit() {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(zhCN['register.name']), '李公众');
  await user.type(screen.getByLabelText(zhCN['register.phone']), '13900139000');
  await user.type(screen.getByLabelText(zhCN['public.region']), '府山');
  await user.click(await screen.findByTitle('府山街道'));
  await user.click(screen.getByLabelText(zhCN['register.category']));
  await user.click(await screen.findByTitle('城乡建设'));
  await user.type(screen.getByLabelText(zhCN['register.request']), '请求修复路灯');
  await user.click(screen.getByRole('button', { name: zhCN['public.submit'] }));
}

describe('public online petition', () => {
  it('submits without a session and shows the tracking code and secret', async () => {
    server.on('POST', '/api/v1/public/petitions', () => json({ trackingCode: 'TRK-123', secret: 's3cret-456' }, 201));
    renderWithApp(<PublicSubmitPage />, { path: '/public/submit' });

    await fillAndSubmit();

    expect(await screen.findByText('TRK-123')).toBeInTheDocument();
    expect(screen.getByText('s3cret-456')).toBeInTheDocument();
    expect(screen.getByText(zhCN['public.keepThem'])).toBeInTheDocument();
    const sent = server.requestsTo('POST', '/api/v1/public/petitions')[0];
    expect(sent?.headers.get('Authorization')).toBeNull();
    expect(sent?.body).toEqual({
      name: '李公众',
      idNumber: null,
      phone: '13900139000',
      address: null,
      regionId: 'r-town',
      category: 'urban_rural_construction',
      request: '请求修复路灯',
      facts: '',
      reasons: '',
    });
  });

  it('puts the API field errors beside their fields', async () => {
    server.on('POST', '/api/v1/public/petitions', () => problem(400, { errors: { Phone: ['电话号码无效。'] } }));
    renderWithApp(<PublicSubmitPage />, { path: '/public/submit' });

    await fillAndSubmit();

    expect(await screen.findByText('电话号码无效。')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('TRK-123')).not.toBeInTheDocument());
  });
});
