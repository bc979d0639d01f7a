import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SuggestionDetail, SuggestionListItem } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { SuggestionPage } from './suggestion-page';
import { SuggestionWorklistPage } from './suggestion-worklist-page';

const reviewer = {
  id: 'u-reviewer',
  userName: 'district.suggestion_reviewer',
  displayName: '陈审核',
  roles: ['suggestion_reviewer'],
  capabilities: ['view_suggestions', 'manage_suggestion_topics', 'handle_suggestions'],
  unit: { id: 'n-district', name: '越城区信访局', kind: 'petition_bureau' },
  jurisdiction: { regionId: 'r-district', name: '越城区', level: 'district', path: '/r-district/' },
};

const item = (id: string, extra: Partial<SuggestionListItem> = {}): SuggestionListItem => ({
  id,
  trackingCode: `JY${id.toUpperCase()}`,
  status: 'submitted',
  channel: 'online',
  topicId: null,
  topicTitle: null,
  title: '建议增设公共充电桩',
  regionId: 'r-town',
  regionName: '北海街道',
  petitionNumber: null,
  submittedAt: '2026-12-01T02:00:00+00:00',
  version: 1,
  ...extra,
});

const detail = (extra: Partial<SuggestionDetail> = {}): SuggestionDetail => ({
  ...item('s-1'),
  content: '小区停车场可增设充电桩。',
  submitterName: '张先生',
  phoneMasked: '139****1234',
  petitionId: null,
  screeningReason: null,
  duplicateOfId: null,
  screenedAt: null,
  assignments: [],
  similar: [],
  allowedActions: ['screen', 'reveal_submitter'],
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(reviewer));
  server.on('GET', '/api/v1/regions', () => json({ items: [] }));
});

const renderSuggestion = (id: string) =>
  renderWithApp(
    <Routes>
      <Route path="/suggestions/:id" element={<SuggestionPage />} />
    </Routes>,
    { path: `/suggestions/${id}` },
  );

describe('suggestion worklist', () => {
  it('opens on the suggestions awaiting screening, linked to their pages, and pages by cursor', async () => {
    server.on('GET', '/api/v1/suggestions', (request) =>
      request.path.includes('cursor=next')
        ? json({ items: [item('s-3', { title: '建议延长图书馆开放时间' })], nextCursor: null })
        : json({ items: [item('s-1'), item('s-2', { channel: 'petition', petitionNumber: '越城-2026-000012', title: '建议增加公交班次' })], nextCursor: 'next' }),
    );
    renderWithApp(<SuggestionWorklistPage />, { path: '/suggestions' });
    const user = userEvent.setup();

    expect(await screen.findByRole('link', { name: '建议增设公共充电桩' }, { timeout: 5000 })).toHaveAttribute('href', '/suggestions/s-1');
    expect(screen.getByText(zhCN['suggestionChannel.petition'])).toBeInTheDocument();
    expect(server.requestsTo('GET', '/api/v1/suggestions')[0]?.path).toContain('status=submitted');
    await user.click(screen.getByRole('button', { name: /下一页/ }));
    expect(await screen.findByRole('link', { name: '建议延长图书馆开放时间' })).toBeInTheDocument();
    expect(server.requestsTo('GET', '/api/v1/suggestions').at(-1)?.path).toContain('cursor=next');
  });

  it('opens on the status the address asks for, and on every status for `all`', async () => {
    server.on('GET', '/api/v1/suggestions', () => json({ items: [item('s-1', { status: 'valid' })], nextCursor: null }));
    const { unmount } = renderWithApp(<SuggestionWorklistPage />, { path: '/suggestions?status=valid' });

    expect(await screen.findByRole('link', { name: '建议增设公共充电桩' }, { timeout: 5000 })).toBeInTheDocument();
    expect(server.requestsTo('GET', '/api/v1/suggestions')[0]?.path).toContain('status=valid');
    unmount();

    renderWithApp(<SuggestionWorklistPage />, { path: '/suggestions?status=all' });
    expect(await screen.findByRole('link', { name: '建议增设公共充电桩' }, { timeout: 5000 })).toBeInTheDocument();
    expect(server.requestsTo('GET', '/api/v1/suggestions').at(-1)?.path).not.toContain('status=');
  });

  it('says when nothing awaits, and offers a retry when the list cannot be read', async () => {
    server.on(
      'GET',
      '/api/v1/suggestions',
      () => problem(500),
      () => json({ items: [], nextCursor: null }),
    );
    renderWithApp(<SuggestionWorklistPage />, { path: '/suggestions' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['common.retry'] }, { timeout: 5000 }));
    expect(await screen.findByText(zhCN['suggestions.empty'])).toBeInTheDocument();
  });
});

describe('suggestion page', () => {
  it('shows the phone masked until revealed, and screens out of scope with the reason and the ETag read', async () => {
    server.on(
      'GET',
      '/api/v1/suggestions/s-1',
      () => json(detail(), 200, { ETag: '"1"' }),
      () => json(detail({ status: 'out_of_scope', screeningReason: '属于个人诉求。', screenedAt: '2026-12-02T02:00:00+00:00', allowedActions: ['reveal_submitter'], version: 2 })),
    );
    server.on('POST', '/api/v1/suggestions/s-1/submitter/reveal', () => json({ name: '张先生', phone: '13905751234' }));
    server.on('POST', '/api/v1/suggestions/s-1/screening', () => json({ id: 's-1', version: 2 }));
    renderSuggestion('s-1');
    const user = userEvent.setup();

    expect(await screen.findByText('139****1234', {}, { timeout: 5000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: zhCN['suggestions.reveal'] }));
    expect(await screen.findByText('13905751234')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: zhCN['suggestions.screen'] }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: zhCN['screening.out_of_scope'] }));
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
    expect(await within(dialog).findByText(zhCN['suggestions.required'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/suggestions/s-1/screening')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(zhCN['suggestions.reason']), '属于个人诉求。');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/suggestions/s-1/screening')).toHaveLength(1));
    const request = server.requestsTo('POST', '/api/v1/suggestions/s-1/screening')[0]!;
    expect(request.headers.get('If-Match')).toBe('"1"');
    expect(request.body).toEqual({ outcome: 'out_of_scope', reason: '属于个人诉求。', duplicateOfId: null });
    expect(await screen.findByText(`${zhCN['suggestionStatus.out_of_scope']}：属于个人诉求。`)).toBeInTheDocument();
  });

  it('shows the earlier suggestions alike while screening, and merges into one with a click', async () => {
    const similar = { id: 's-0', trackingCode: 'JYS0', title: '建议在停车场增设充电桩', status: 'valid' as const, submittedAt: '2026-11-20T02:00:00+00:00', similarity: 0.72 };
    server.on('GET', '/api/v1/suggestions/s-1', () => json(detail({ similar: [similar] }), 200, { ETag: '"1"' }));
    server.on('GET', '/api/v1/suggestions', () => json({ items: [], nextCursor: null }));
    server.on('POST', '/api/v1/suggestions/s-1/screening', () => json({ id: 's-1', version: 2 }));
    renderSuggestion('s-1');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['suggestions.screen'] }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('similar-suggestions')).toHaveTextContent('JYS0 · 建议在停车场增设充电桩');
    await user.click(within(dialog).getByRole('button', { name: zhCN['suggestions.mergeInto'] }));
    await user.type(within(dialog).getByLabelText(zhCN['suggestions.reason']), '与在先建议相同。');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/suggestions/s-1/screening')).toHaveLength(1));
    expect(server.requestsTo('POST', '/api/v1/suggestions/s-1/screening')[0]?.body).toEqual({ outcome: 'duplicate', reason: '与在先建议相同。', duplicateOfId: 's-0' });
  });

  it('assigns a valid suggestion to departments with the ETag read and lists them with their deadline', async () => {
    server.on('GET', '/api/v1/units', () =>
      json({
        items: [{ id: 'n-housing', name: '越城区住房和城乡建设局', kind: 'functional_department', regionId: 'r-district', regionName: '越城区', isRetired: false }],
        nextCursor: null,
      }),
    );
    server.on(
      'GET',
      '/api/v1/suggestions/s-1',
      () => json(detail({ status: 'valid', allowedActions: ['assign', 'reveal_submitter'], version: 2 }), 200, { ETag: '"2"' }),
      () =>
        json(
          detail({
            status: 'assigned',
            allowedActions: ['reveal_submitter'],
            assignments: [{ unitId: 'n-housing', unitName: '越城区住房和城乡建设局', dueOn: '2027-01-05', assignedAt: '2026-12-06T02:00:00+00:00' }],
            version: 3,
          }),
        ),
    );
    server.on('POST', '/api/v1/suggestions/s-1/assignment', () => json({ id: 's-1', version: 3 }));
    renderSuggestion('s-1');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['suggestions.assign'] }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox'));
    await user.click(await screen.findByText(/越城区住房和城乡建设局/, { selector: '.ant-select-item-option-content' }));
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));

    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/suggestions/s-1/assignment')).toHaveLength(1));
    const request = server.requestsTo('POST', '/api/v1/suggestions/s-1/assignment')[0]!;
    expect(request.headers.get('If-Match')).toBe('"2"');
    expect(request.body).toEqual({ unitIds: ['n-housing'] });
    expect(await screen.findByText('越城区住房和城乡建设局，2027-01-05 前答复')).toBeInTheDocument();
  });

  it('links a suggestion from a petition to it and offers a reader no screening', async () => {
    server.on('GET', '/api/v1/me', () => json({ ...reviewer, roles: ['analyst'], capabilities: ['view_suggestions'] }));
    server.on('GET', '/api/v1/suggestions/s-9', () =>
      json(detail({ id: 's-9', channel: 'petition', petitionId: 'p-1', petitionNumber: '越城-2026-000012', submitterName: null, phoneMasked: null, allowedActions: [] })),
    );
    renderSuggestion('s-9');

    expect(await screen.findByRole('link', { name: '越城-2026-000012' }, { timeout: 5000 })).toHaveAttribute('href', '/petitions/p-1');
    expect(screen.getByText(zhCN['suggestions.noPhone'])).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zhCN['suggestions.screen'] })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zhCN['suggestions.reveal'] })).not.toBeInTheDocument();
  });

  it('records a department\'s answer from its template with the ETag read, and shows the replies', async () => {
    const assignment = { unitId: 'n-housing', unitName: '越城区住房和城乡建设局', dueOn: '2027-01-05', assignedAt: '2026-12-06T02:00:00+00:00' };
    server.on(
      'GET',
      '/api/v1/suggestions/s-1',
      () => json(detail({ status: 'assigned', allowedActions: ['reveal_submitter', 'answer'], assignments: [assignment], version: 3 }), 200, { ETag: '"3"' }),
      () =>
        json(
          detail({
            status: 'answered',
            outcome: 'not_adopted',
            allowedActions: ['reveal_submitter'],
            assignments: [{ ...assignment, outcome: 'not_adopted', reply: '经调查论证，暂不予采纳。', answeredAt: '2026-12-07T02:00:00+00:00' }],
            version: 4,
          }),
        ),
    );
    server.on('POST', '/api/v1/suggestions/s-1/answers', () => json({ id: 's-1', version: 4 }));
    renderSuggestion('s-1');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['suggestions.answer'] }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: zhCN['suggestionOutcome.not_adopted'] }));
    expect(within(dialog).getByLabelText(zhCN['suggestions.reply'])).toHaveValue(zhCN['answerTemplate.not_adopted']);
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));

    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/suggestions/s-1/answers')).toHaveLength(1));
    const request = server.requestsTo('POST', '/api/v1/suggestions/s-1/answers')[0]!;
    expect(request.headers.get('If-Match')).toBe('"3"');
    expect(request.body).toEqual({ unitId: 'n-housing', outcome: 'not_adopted', reply: zhCN['answerTemplate.not_adopted'] });
    expect(await screen.findByText('经调查论证，暂不予采纳。')).toBeInTheDocument();
  });

  it('records an adopted suggestion as implemented with the text the public reads', async () => {
    server.on(
      'GET',
      '/api/v1/suggestions/s-1',
      () => json(detail({ status: 'answered', outcome: 'adopted', allowedActions: ['reveal_submitter', 'implement', 'award'], version: 5 }), 200, { ETag: '"5"' }),
      () => json(detail({ status: 'implemented', outcome: 'adopted', implementation: '食堂已开业。', allowedActions: ['reveal_submitter', 'award'], version: 6 })),
    );
    server.on('POST', '/api/v1/suggestions/s-1/implementation', () => json({ id: 's-1', version: 6 }));
    renderSuggestion('s-1');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['suggestions.implement'] }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
    expect(await within(dialog).findByText(zhCN['suggestions.required'])).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(zhCN['suggestions.implementation']), '食堂已开业。');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));

    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/suggestions/s-1/implementation')).toHaveLength(1));
    const request = server.requestsTo('POST', '/api/v1/suggestions/s-1/implementation')[0]!;
    expect(request.headers.get('If-Match')).toBe('"5"');
    expect(request.body).toEqual({ outcome: '食堂已开业。' });
    expect(await screen.findByText('食堂已开业。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zhCN['suggestions.implement'] })).not.toBeInTheDocument();
  });
});
