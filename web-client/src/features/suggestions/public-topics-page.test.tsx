import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicSuggestionTopic, PublicSuggestionTopicListItem } from '../../shared/api/api-types';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { PublicTopicPage } from './public-topic-page';
import { PublicTopicsPage } from './public-topics-page';

const listed = (id: string, extra: Partial<PublicSuggestionTopicListItem> = {}): PublicSuggestionTopicListItem => ({
  id,
  status: 'published',
  title: '越城区2027年民生实事项目候选征集',
  regionId: 'r-district',
  regionName: '越城区',
  unitName: '越城区住房和城乡建设局',
  opensOn: '2026-11-20',
  closesOn: '2026-12-31',
  takesSuggestions: true,
  ...extra,
});

const topic = (extra: Partial<PublicSuggestionTopic> = {}): PublicSuggestionTopic => ({
  id: 't-1',
  status: 'concluded',
  title: '越城区养老服务设施布局规划征求意见',
  description: '现公开征求社会各界意见。',
  regionId: 'r-district',
  regionName: '越城区',
  unitName: '越城区民政局',
  opensOn: '2026-01-10',
  closesOn: '2026-02-10',
  summary: '共收到建议41条，采纳或部分采纳8条。',
  concludedAt: '2026-03-20T01:00:00+00:00',
  takesSuggestions: false,
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/public/regions', () => json({ items: [] }));
});

const renderTopic = (id: string) =>
  renderWithApp(
    <Routes>
      <Route path="/public/suggestion-topics/:id" element={<PublicTopicPage />} />
    </Routes>,
    { path: `/public/suggestion-topics/${id}` },
  );

describe('public topics', () => {
  it('lists the public topics linked to their pages, saying which take suggestions now, without signing in', async () => {
    server.on('GET', '/api/v1/public/suggestion-topics', () =>
      json({
        items: [
          listed('t-open'),
          listed('t-done', { status: 'concluded', title: '越城区养老服务设施布局规划征求意见', takesSuggestions: false }),
          listed('t-later', { title: '越城区停车设施规划建议征集', takesSuggestions: false }),
        ],
        nextCursor: null,
      }),
    );
    renderWithApp(<PublicTopicsPage />, { path: '/public/suggestion-topics' });

    expect(await screen.findByRole('link', { name: '越城区2027年民生实事项目候选征集' }, { timeout: 5000 })).toHaveAttribute(
      'href',
      '/public/suggestion-topics/t-open',
    );
    expect(screen.getByText(zhCN['publicTopics.open'])).toBeInTheDocument();
    expect(screen.getByText(zhCN['topicStatus.concluded'])).toBeInTheDocument();
    expect(screen.getByText(zhCN['publicTopics.notOpen'])).toBeInTheDocument();
    expect(screen.getAllByText('征集期：2026-11-20 至 2026-12-31')).toHaveLength(3);
    expect(server.requestsTo('GET', '/api/v1/public/suggestion-topics')[0]?.headers.get('Authorization')).toBeNull();
  });

  it('says when there is no topic, in English too', async () => {
    server.on('GET', '/api/v1/public/suggestion-topics', () => json({ items: [], nextCursor: null }));
    renderWithApp(<PublicTopicsPage />, { path: '/public/suggestion-topics', locale: 'en' });
    expect(await screen.findByText(en['publicTopics.empty'])).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: en['publicTopics.title'] })).toBeInTheDocument();
  });

  it('offers a retry when the list cannot be read, e.g. after too many requests', async () => {
    server.on(
      'GET',
      '/api/v1/public/suggestion-topics',
      () => problem(429),
      () => json({ items: [listed('t-open')], nextCursor: null }),
    );
    renderWithApp(<PublicTopicsPage />, { path: '/public/suggestion-topics' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['common.retry'] }));
    expect(await screen.findByRole('link', { name: '越城区2027年民生实事项目候选征集' })).toBeInTheDocument();
  });

  it("shows a concluded topic's summary of what was adopted", async () => {
    server.on('GET', '/api/v1/public/suggestion-topics/t-1', () => json(topic()));
    renderTopic('t-1');

    expect(await screen.findByRole('heading', { level: 1, name: '越城区养老服务设施布局规划征求意见' })).toBeInTheDocument();
    expect(screen.getByText('共收到建议41条，采纳或部分采纳8条。')).toBeInTheDocument();
    expect(screen.getByText('越城区民政局')).toBeInTheDocument();
  });

  it('says a topic not published is not found', async () => {
    server.on('GET', '/api/v1/public/suggestion-topics/t-draft', () => problem(404));
    renderTopic('t-draft');

    expect(await screen.findByText(zhCN['publicTopics.notFound'])).toBeInTheDocument();
    expect(screen.getByRole('link', { name: zhCN['publicTopics.backToList'] })).toHaveAttribute('href', '/public/suggestion-topics');
  });
});
