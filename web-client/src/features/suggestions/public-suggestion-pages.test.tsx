import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { PublicSuggestionTrackPage } from './public-suggestion-pages';
import { PublicTopicPage } from './public-topic-page';

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/public/regions', () => json({ items: [] }));
});

const openTopic = {
  id: 't-1',
  status: 'published',
  title: '迪荡街道口袋公园建设意见征集',
  description: '欢迎提出建议。',
  regionId: 'r-town',
  regionName: '迪荡街道',
  unitName: '越城区住房和城乡建设局',
  opensOn: '2026-11-20',
  closesOn: '2026-12-31',
  summary: null,
  concludedAt: null,
  takesSuggestions: true,
};

describe('public suggestions', () => {
  it('takes a suggestion on an open topic without a name or phone and shows the credentials once', async () => {
    server.on('GET', '/api/v1/public/suggestion-topics/t-1', () => json(openTopic));
    server.on('POST', '/api/v1/public/suggestions', () => json({ trackingCode: 'JYABCDEFGH23', secret: 'SECRET23' }, 201));
    renderWithApp(
      <Routes>
        <Route path="/public/suggestion-topics/:id" element={<PublicTopicPage />} />
      </Routes>,
      { path: '/public/suggestion-topics/t-1' },
    );
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText(zhCN['publicSuggestion.title'], {}, { timeout: 5000 }), '建议增设儿童游乐设施');
    await user.type(screen.getByLabelText(zhCN['publicSuggestion.content']), '可增设滑梯和沙池。');
    expect(screen.queryByLabelText(zhCN['publicSuggestion.region'])).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: zhCN['publicSuggestion.submit'] }));

    expect(await screen.findByTestId('suggestion-tracking-code')).toHaveTextContent('JYABCDEFGH23');
    expect(screen.getByTestId('suggestion-secret')).toHaveTextContent('SECRET23');
    const request = server.requestsTo('POST', '/api/v1/public/suggestions')[0]!;
    expect(request.body).toEqual({ topicId: 't-1', regionId: null, title: '建议增设儿童游乐设施', content: '可增设滑梯和沙池。', name: null, phone: null });
    expect(request.headers.get('Authorization')).toBeNull();
  });

  it('shows the field errors the API names, e.g. a phone it does not accept', async () => {
    server.on('GET', '/api/v1/public/suggestion-topics/t-1', () => json(openTopic));
    server.on('POST', '/api/v1/public/suggestions', () => problem(400, { errors: { Phone: ['Not a mainland mobile.'] } }));
    renderWithApp(
      <Routes>
        <Route path="/public/suggestion-topics/:id" element={<PublicTopicPage />} />
      </Routes>,
      { path: '/public/suggestion-topics/t-1' },
    );
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText(zhCN['publicSuggestion.title'], {}, { timeout: 5000 }), '标题');
    await user.type(screen.getByLabelText(zhCN['publicSuggestion.content']), '内容');
    await user.type(screen.getByLabelText(zhCN['publicSuggestion.phone']), '12345');
    await user.click(screen.getByRole('button', { name: zhCN['publicSuggestion.submit'] }));
    expect(await screen.findByText('Not a mainland mobile.')).toBeInTheDocument();
  });

  it('tracks a suggestion with its code and secret, and says so when either is wrong', async () => {
    server.on(
      'GET',
      '/api/v1/public/suggestions/JYABCDEFGH23',
      () => problem(404),
      () =>
        json({
          trackingCode: 'JYABCDEFGH23',
          status: 'out_of_scope',
          title: '要求退还物业费',
          topicTitle: null,
          submittedAt: '2026-12-01T02:00:00+00:00',
          screenedAt: '2026-12-02T02:00:00+00:00',
          reason: '属于个人权益诉求，请通过信访渠道反映。',
          outcome: null,
          answeredAt: null,
          answers: [],
          rating: null,
          canRate: false,
        }),
    );
    renderWithApp(<PublicSuggestionTrackPage />, { path: '/public/suggestions/track', locale: 'en' });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText(en['publicSuggestion.trackingCode'], {}, { timeout: 5000 }), 'JYABCDEFGH23');
    await user.type(screen.getByLabelText(en['publicSuggestion.secret']), 'WRONG');
    await user.click(screen.getByRole('button', { name: en['publicSuggestion.track'] }));
    expect(await screen.findByText(en['publicSuggestion.notFound'])).toBeInTheDocument();

    await user.clear(screen.getByLabelText(en['publicSuggestion.secret']));
    await user.type(screen.getByLabelText(en['publicSuggestion.secret']), 'SECRET23');
    await user.click(screen.getByRole('button', { name: en['publicSuggestion.track'] }));
    expect(await screen.findByText('属于个人权益诉求，请通过信访渠道反映。')).toBeInTheDocument();
    expect(screen.getByText(en['suggestionStatus.out_of_scope'])).toBeInTheDocument();
    await waitFor(() => expect(server.requestsTo('GET', '/api/v1/public/suggestions/JYABCDEFGH23').at(-1)?.headers.get('X-Tracking-Secret')).toBe('SECRET23'));
  });

  it('shows the departments\' replies once answered and lets the submitter rate them once', async () => {
    const answered = {
      trackingCode: 'JYABCDEFGH23',
      status: 'answered',
      title: '建议增设社区食堂',
      topicTitle: null,
      submittedAt: '2026-12-01T02:00:00+00:00',
      screenedAt: '2026-12-02T02:00:00+00:00',
      reason: null,
      outcome: 'adopted',
      answeredAt: '2026-12-20T02:00:00+00:00',
      answers: [{ unitName: '越城区民政局', outcome: 'adopted', reply: '予以采纳，年内开设老年食堂。', answeredAt: '2026-12-20T02:00:00+00:00' }],
      rating: null,
      canRate: true,
    };
    server.on(
      'GET',
      '/api/v1/public/suggestions/JYABCDEFGH23',
      () => json(answered),
      () => json({ ...answered, rating: 'basically_satisfied', canRate: false }),
    );
    server.on('POST', '/api/v1/public/suggestions/JYABCDEFGH23/rating', () => json({ rating: 'basically_satisfied', ratedAt: '2026-12-21T02:00:00+00:00' }));
    renderWithApp(<PublicSuggestionTrackPage />, { path: '/public/suggestions/track' });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText(zhCN['publicSuggestion.trackingCode'], {}, { timeout: 5000 }), 'JYABCDEFGH23');
    await user.type(screen.getByLabelText(zhCN['publicSuggestion.secret']), 'SECRET23');
    await user.click(screen.getByRole('button', { name: zhCN['publicSuggestion.track'] }));
    expect(await screen.findByText('予以采纳，年内开设老年食堂。')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: zhCN['publicSuggestion.rate'] }));
    expect(await screen.findByText(zhCN['publicSuggestion.required'])).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: zhCN['suggestionRating.basically_satisfied'] }));
    await user.click(screen.getByRole('button', { name: zhCN['publicSuggestion.rate'] }));
    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/public/suggestions/JYABCDEFGH23/rating')).toHaveLength(1));
    const request = server.requestsTo('POST', '/api/v1/public/suggestions/JYABCDEFGH23/rating')[0]!;
    expect(request.body).toEqual({ rating: 'basically_satisfied', comment: null });
    expect(request.headers.get('X-Tracking-Secret')).toBe('SECRET23');
    expect(await screen.findByText(zhCN['suggestionRating.basically_satisfied'], { selector: '.ant-descriptions-item-content' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zhCN['publicSuggestion.rate'] })).not.toBeInTheDocument();
  });
});
