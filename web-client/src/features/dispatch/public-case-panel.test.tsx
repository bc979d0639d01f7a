import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicCaseView } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { PublicCasePanel } from './public-case-panel';

const credentials = { trackingCode: 'TRK-1', secret: 's3cret' };
const casePath = '/api/v1/public/petitions/TRK-1/case';

const replied: PublicCaseView = {
  number: '越城-2026-000001',
  kind: 'handling',
  status: 'replied',
  handlingUnitName: '府山街道办事处',
  replyDue: '2026-05-01',
  repliedAt: '2026-04-01T02:00:00Z',
  opinion: 'support',
  replyText: '路灯已修复。',
  replyAttachments: [],
  rating: null,
  canRate: true,
  canRequestReview: true,
  reviewRequestableUntil: '2026-05-01',
  isFinal: false,
  timeline: [{ occurredAt: '2026-04-01T02:00:00Z', kind: 'replied', text: '路灯已修复。', unitName: '府山街道办事处' }],
  version: 7,
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
});

const ratingButtons = () => [zhCN['rating.satisfied'], zhCN['rating.basically_satisfied'], zhCN['rating.dissatisfied']].map((name) => screen.queryByRole('button', { name }));

describe('handling on the tracking page', () => {
  it('shows the handling unit, the opinion and the reply, and rates in one step with If-Match', async () => {
    server.on('GET', casePath, () => json(replied, 200, { ETag: '"7"' }));
    server.on('POST', `${casePath}/rating`, () => json({ id: 'c-1', version: 8 }));
    renderWithApp(<PublicCasePanel credentials={credentials} />, { path: '/public/track' });

    expect(await screen.findByTestId('public-case-unit')).toHaveTextContent('府山街道办事处');
    expect(screen.getByTestId('public-case-opinion')).toHaveTextContent(zhCN['opinion.support']);
    expect(screen.getByTestId('public-case-reply')).toHaveTextContent('路灯已修复。');
    expect(ratingButtons().every((button) => button !== null)).toBe(true);

    await userEvent.setup().click(screen.getByRole('button', { name: zhCN['rating.basically_satisfied'] }));

    await waitFor(() => expect(server.requestsTo('POST', `${casePath}/rating`)).toHaveLength(1));
    const sent = server.requestsTo('POST', `${casePath}/rating`)[0];
    expect(sent?.headers.get('If-Match')).toBe('"7"');
    expect(sent?.headers.get('X-Tracking-Secret')).toBe('s3cret');
    expect(sent?.body).toEqual({ rating: 'basically_satisfied', comment: null });
    await waitFor(() => expect(server.requestsTo('GET', casePath)).toHaveLength(2));
  });

  it('offers no rating once rated, and shows the rating given', async () => {
    server.on('GET', casePath, () => json({ ...replied, rating: 'satisfied', canRate: false, canRequestReview: false }));
    renderWithApp(<PublicCasePanel credentials={credentials} />, { path: '/public/track' });

    expect(await screen.findByTestId('public-case-rating')).toHaveTextContent(zhCN['rating.satisfied']);
    expect(ratingButtons().every((button) => button === null)).toBe(true);
    expect(screen.queryByTestId('public-case-review')).not.toBeInTheDocument();
  });

  it('offers a review request until its deadline', async () => {
    server.on('GET', casePath, () => json({ ...replied, canRate: false }));
    server.on('POST', `${casePath}/review-request`, () => json({ id: 'c-1', version: 8 }));
    renderWithApp(<PublicCasePanel credentials={credentials} />, { path: '/public/track' });

    expect(await screen.findByText('如对处理意见不服，可在 2026-05-01 前申请。')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(zhCN['publicCase.reviewReason']), '路灯仍不亮。');
    await user.click(screen.getByRole('button', { name: zhCN['publicCase.reviewSubmit'] }));

    await waitFor(() => expect(server.requestsTo('POST', `${casePath}/review-request`)).toHaveLength(1));
    expect(server.requestsTo('POST', `${casePath}/review-request`)[0]?.body).toEqual({ reason: '路灯仍不亮。' });
    expect(server.requestsTo('POST', `${casePath}/review-request`)[0]?.headers.get('If-Match')).toBe('"7"');
  });

  it('lists the files sent with the reply and downloads one with the tracking secret', async () => {
    const pdf = '%PDF-1.4';
    server.on('GET', casePath, () =>
      json({ ...replied, replyAttachments: [{ id: 'a-1', fileName: '信访处理意见书.pdf', contentType: 'application/pdf', sizeBytes: 2048 }] }),
    );
    server.on('GET', `${casePath}/attachments/a-1`, () => new Response(pdf, { status: 200, headers: { 'Content-Type': 'application/pdf' } }));
    const saved = vi.fn<(blob: Blob) => string>(() => 'blob:saved');
    // jsdom has no object URLs; the saved blob is what the browser would have offered as the file.
    vi.stubGlobal('URL', class extends URL { static override createObjectURL = saved; static override revokeObjectURL = vi.fn(); });
    renderWithApp(<PublicCasePanel credentials={credentials} />, { path: '/public/track' });

    const list = await screen.findByTestId('public-case-attachments');
    expect(list).toHaveTextContent('信访处理意见书.pdf');
    expect(list).toHaveTextContent('2.0 KB');
    await userEvent.setup().click(screen.getByRole('button', { name: '下载 信访处理意见书.pdf' }));

    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(server.requestsTo('GET', `${casePath}/attachments/a-1`)[0]?.headers.get('X-Tracking-Secret')).toBe('s3cret');
    expect(await saved.mock.calls[0]?.[0].text()).toBe(pdf);
  });

  it('says when the matter is final', async () => {
    server.on('GET', casePath, () => json({ ...replied, kind: 're_review', status: 'closed', rating: 'dissatisfied', canRate: false, canRequestReview: false, isFinal: true }));
    renderWithApp(<PublicCasePanel credentials={credentials} />, { path: '/public/track' });

    expect(await screen.findByTestId('public-case-final')).toHaveTextContent(zhCN['publicCase.final']);
  });

  it('shows nothing before a case is opened (404)', async () => {
    server.on('GET', casePath, () => problem(404));
    const { container } = renderWithApp(<PublicCasePanel credentials={credentials} />, { path: '/public/track' });

    await waitFor(() => expect(server.requestsTo('GET', casePath)).toHaveLength(1));
    // Let the answer settle: an error would render an alert, a case a card.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(container.querySelector('.ant-app')).toBeEmptyDOMElement();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
