import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { RegisterSuggestionPage } from './register-suggestion-page';

const reviewer = {
  id: 'u-reviewer',
  userName: 'district.suggestion_reviewer',
  displayName: '陈审核',
  roles: ['suggestion_reviewer'],
  capabilities: ['view_suggestions', 'manage_suggestion_topics', 'handle_suggestions'],
  unit: { id: 'n-district', name: '越城区信访局', kind: 'petition_bureau' },
  jurisdiction: { regionId: 'r-district', name: '越城区', level: 'district', path: '/r-district/' },
};

const publishedTopic = {
  id: 't-1',
  status: 'published',
  title: '老旧小区改造征求意见',
  regionId: 'r-district',
  regionName: '越城区',
  unitId: 'n-district',
  unitName: '越城区住建局',
  opensOn: '2026-12-01',
  closesOn: '2026-12-31',
  suggestionCount: 0,
  createdAt: '2026-11-30T02:00:00+00:00',
  version: 2,
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(reviewer));
  server.on('GET', '/api/v1/regions', () => json({ items: [] }));
  server.on('GET', '/api/v1/suggestion-topics', () => json({ items: [publishedTopic], nextCursor: null }));
});

describe('register suggestion page', () => {
  it('asks for the region only when no topic is picked, and sends nothing while a field is missing', async () => {
    renderWithApp(<RegisterSuggestionPage />, { path: '/suggestions/new' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['registerSuggestion.submit'] }, { timeout: 5000 }));
    await waitFor(() => expect(screen.getAllByText(zhCN['suggestions.required'])).toHaveLength(3));
    await user.type(screen.getByLabelText(zhCN['suggestions.phone']), '12345');
    expect(await screen.findByText(zhCN['registerSuggestion.phoneInvalid'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/suggestions')).toHaveLength(0);
    expect(server.requestsTo('GET', '/api/v1/suggestion-topics')[0]?.path).toContain('status=published');
  });

  it('registers a letter on a topic with an idempotency key and shows the credentials to pass on', async () => {
    server.on('POST', '/api/v1/suggestions', () => json({ id: 's-9', version: 1, trackingCode: 'JYABCDEFGH23', secret: 'SECRET-1234' }, 201));
    renderWithApp(<RegisterSuggestionPage />, { path: '/suggestions/new' });
    const user = userEvent.setup();

    await user.click(await screen.findByLabelText(zhCN['suggestions.topic'], {}, { timeout: 5000 }));
    await user.click(await screen.findByTitle('老旧小区改造征求意见'));
    await user.type(screen.getByLabelText(zhCN['suggestions.title']), '建议加装电梯');
    await user.type(screen.getByLabelText(zhCN['suggestions.content']), '多层住宅可加装电梯。');
    await user.type(screen.getByLabelText(zhCN['suggestions.phone']), '13900001234');
    await user.click(screen.getByRole('button', { name: zhCN['registerSuggestion.submit'] }));

    expect(await screen.findByTestId('registered-secret')).toHaveTextContent('SECRET-1234');
    expect(screen.getByRole('link', { name: zhCN['registerSuggestion.open'] })).toHaveAttribute('href', '/suggestions/s-9');
    const [request] = server.requestsTo('POST', '/api/v1/suggestions');
    expect(request?.body).toEqual({
      channel: 'letter',
      topicId: 't-1',
      regionId: null,
      title: '建议加装电梯',
      content: '多层住宅可加装电梯。',
      name: null,
      phone: '13900001234',
      receivedOn: null,
    });
    expect(request?.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('puts the API field errors on the fields they name', async () => {
    server.on('POST', '/api/v1/suggestions', () => problem(400, { errors: { RegionId: ['No such region in your jurisdiction.'] } }));
    renderWithApp(<RegisterSuggestionPage />, { path: '/suggestions/new' });
    const user = userEvent.setup();

    await user.click(await screen.findByLabelText(zhCN['suggestions.topic'], {}, { timeout: 5000 }));
    await user.click(await screen.findByTitle('老旧小区改造征求意见'));
    await user.type(screen.getByLabelText(zhCN['suggestions.title']), '标题');
    await user.type(screen.getByLabelText(zhCN['suggestions.content']), '内容');
    await user.click(screen.getByRole('button', { name: zhCN['registerSuggestion.submit'] }));
    await waitFor(() => expect(screen.getByText('No such region in your jurisdiction.')).toBeInTheDocument());
  });
});
