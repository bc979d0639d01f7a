import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SuggestionTopicDetail, SuggestionTopicListItem } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { TopicAdminPage } from './topic-admin-page';

const me = (capabilities: string[]) => ({
  id: 'u-reviewer',
  userName: 'district.suggestion_reviewer',
  displayName: '陈审核',
  roles: ['suggestion_reviewer'],
  capabilities,
  unit: { id: 'n-district', name: '越城区信访局', kind: 'petition_bureau' },
  jurisdiction: { regionId: 'r-district', name: '越城区', level: 'district', path: '/r-district/' },
});

const item = (id: string, extra: Partial<SuggestionTopicListItem> = {}): SuggestionTopicListItem => ({
  id,
  status: 'draft',
  title: '越城区停车设施规划建议征集',
  regionId: 'r-district',
  regionName: '越城区',
  unitId: 'n-housing',
  unitName: '越城区住房和城乡建设局',
  opensOn: '2026-12-10',
  closesOn: '2027-01-10',
  createdAt: '2026-12-01T01:00:00+00:00',
  version: 1,
  ...extra,
});

const detail = (extra: Partial<SuggestionTopicDetail> = {}): SuggestionTopicDetail => ({
  ...item('t-1'),
  description: '征集新建停车场选址建议。',
  takesSuggestions: false,
  summary: null,
  publishedAt: null,
  closedAt: null,
  concludedAt: null,
  allowedActions: ['change', 'publish'],
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(me(['view_suggestions', 'manage_suggestion_topics'])));
  server.on('GET', '/api/v1/regions', () => json({ items: [] }));
  server.on('GET', '/api/v1/units', () => json({ items: [], nextCursor: null }));
});

describe('topic admin', () => {
  it('lists the topics with their status and publishes a draft with the ETag read', async () => {
    server.on('GET', '/api/v1/suggestion-topics', () =>
      json({ items: [item('t-1'), item('t-2', { status: 'concluded', title: '养老服务设施布局规划征求意见' })], nextCursor: null }),
    );
    server.on(
      'GET',
      '/api/v1/suggestion-topics/t-1',
      () => json(detail(), 200, { ETag: '"1"' }),
      () => json(detail({ status: 'published', takesSuggestions: true, allowedActions: ['change', 'close'], version: 2 }), 200, { ETag: '"2"' }),
    );
    server.on('POST', '/api/v1/suggestion-topics/t-1/publication', () => json({ id: 't-1', version: 2 }, 200, { ETag: '"2"' }));
    renderWithApp(<TopicAdminPage />, { path: '/suggestions/topics' });
    const user = userEvent.setup();

    const row = (await screen.findByRole('button', { name: '越城区停车设施规划建议征集' })).closest('tr')!;
    expect(within(row).getByText(zhCN['topicStatus.draft'])).toBeInTheDocument();
    expect(screen.getByText(zhCN['topicStatus.concluded'])).toBeInTheDocument();
    expect(screen.getByRole('button', { name: zhCN['topics.new'] })).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: '越城区停车设施规划建议征集' }));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('征集新建停车场选址建议。')).toBeInTheDocument();
    expect(within(drawer).queryByRole('button', { name: zhCN['topicAction.close'] })).not.toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: zhCN['topicAction.publish'] }));
    await user.click(await screen.findByRole('button', { name: zhCN['common.confirm'] }));

    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/suggestion-topics/t-1/publication')).toHaveLength(1));
    expect(server.requestsTo('POST', '/api/v1/suggestion-topics/t-1/publication')[0]?.headers.get('If-Match')).toBe('"1"');
    expect(await within(drawer).findByRole('button', { name: zhCN['topicAction.close'] })).toBeInTheDocument();
  });

  it('says why a change was refused when someone else changed the topic first', async () => {
    server.on('GET', '/api/v1/suggestion-topics', () => json({ items: [item('t-1', { status: 'published' })], nextCursor: null }));
    server.on('GET', '/api/v1/suggestion-topics/t-1', () =>
      json(detail({ status: 'published', allowedActions: ['change', 'close'] }), 200, { ETag: '"1"' }),
    );
    server.on('POST', '/api/v1/suggestion-topics/t-1/closing', () => problem(412));
    renderWithApp(<TopicAdminPage />, { path: '/suggestions/topics' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: '越城区停车设施规划建议征集' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(await within(drawer).findByRole('button', { name: zhCN['topicAction.close'] }));
    await user.click(await screen.findByRole('button', { name: zhCN['common.confirm'] }));
    expect(await within(drawer).findByText(zhCN['topicError.stale'])).toBeInTheDocument();
  });

  it('filters by status through the API and shows the empty state', async () => {
    server.on('GET', '/api/v1/suggestion-topics', () => json({ items: [], nextCursor: null }));
    renderWithApp(<TopicAdminPage />, { path: '/suggestions/topics' });
    const user = userEvent.setup();

    expect(await screen.findByText(zhCN['topics.empty'])).toBeInTheDocument();
    await user.click(screen.getByLabelText(zhCN['topics.status']));
    await user.click(await screen.findByTitle(zhCN['topicStatus.closed']));
    await waitFor(() => expect(server.requestsTo('GET', '/api/v1/suggestion-topics').at(-1)?.path).toContain('status=closed'));
  });

  it('offers no new topic to a reader, and a retry when the list cannot be read', async () => {
    server.on('GET', '/api/v1/me', () => json(me(['view_suggestions'])));
    server.on(
      'GET',
      '/api/v1/suggestion-topics',
      () => problem(500),
      () => json({ items: [item('t-1')], nextCursor: null }),
    );
    renderWithApp(<TopicAdminPage />, { path: '/suggestions/topics' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['common.retry'] }));
    expect(await screen.findByRole('button', { name: '越城区停车设施规划建议征集' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zhCN['topics.new'] })).not.toBeInTheDocument();
  });

  it('drafts a topic and shows the field errors the API names beside their fields', async () => {
    server.on('GET', '/api/v1/suggestion-topics', () => json({ items: [], nextCursor: null }));
    renderWithApp(<TopicAdminPage />, { path: '/suggestions/topics' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['topics.new'] }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
    await waitFor(() => expect(within(dialog).getAllByText(zhCN['topics.required'])).toHaveLength(6), { timeout: 5000 });
    expect(server.requestsTo('POST', '/api/v1/suggestion-topics')).toHaveLength(0);
  });
});
