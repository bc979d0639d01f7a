import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SuggestionListItem, UnitAssignmentDetail, UnitAssignmentItem } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { SuggestionWorklistPage } from './suggestion-worklist-page';
import { UnitAssignmentPage, UnitAssignmentsPage } from './unit-assignment-pages';

const reviewer = {
  id: 'u-reviewer',
  userName: 'district.suggestion_reviewer',
  displayName: '陈审核',
  roles: ['suggestion_reviewer'],
  capabilities: ['view_suggestions', 'manage_suggestion_topics', 'handle_suggestions'],
  unit: { id: 'n-district', name: '越城区信访局', kind: 'petition_bureau' },
  jurisdiction: { regionId: 'r-district', name: '越城区', level: 'district', path: '/r-district/' },
};

const departmentStaff = {
  ...reviewer,
  id: 'u-handler',
  userName: 'district.handler',
  roles: ['handler'],
  capabilities: ['answer_assigned_suggestions'],
  unit: { id: 'n-housing', name: '越城区住房和城乡建设局', kind: 'functional_department' },
};

const item = (id: string, extra: Partial<SuggestionListItem> = {}): SuggestionListItem => ({
  id,
  trackingCode: `JY${id.toUpperCase()}`,
  status: 'valid',
  channel: 'online',
  topicId: null,
  topicTitle: null,
  title: `建议${id}`,
  regionId: 'r-town',
  regionName: '北海街道',
  petitionNumber: null,
  submittedAt: '2026-12-01T02:00:00+00:00',
  version: 2,
  ...extra,
});

const assignmentItem = (id: string, extra: Partial<UnitAssignmentItem> = {}): UnitAssignmentItem => ({
  suggestionId: id,
  trackingCode: `JY${id.toUpperCase()}`,
  status: 'assigned',
  title: `建议${id}`,
  topicTitle: null,
  regionName: '府山街道',
  dueOn: '2027-01-05',
  assignedAt: '2026-12-06T02:00:00+00:00',
  outcome: null,
  answeredAt: null,
  overdue: false,
  version: 3,
  ...extra,
});

const assignmentDetail = (extra: Partial<UnitAssignmentDetail> = {}): UnitAssignmentDetail => ({
  suggestionId: 's-1',
  trackingCode: 'JYS-1',
  status: 'assigned',
  channel: 'online',
  topicTitle: null,
  title: '建议开放学校操场',
  content: '周末开放学校操场，方便居民锻炼。',
  regionName: '府山街道',
  submittedAt: '2026-12-01T02:00:00+00:00',
  unitId: 'n-housing',
  unitName: '越城区住房和城乡建设局',
  dueOn: '2027-01-05',
  assignedAt: '2026-12-06T02:00:00+00:00',
  outcome: null,
  reply: null,
  answeredAt: null,
  canAnswer: true,
  version: 3,
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(reviewer));
  server.on('GET', '/api/v1/regions', () => json({ items: [] }));
  server.on('GET', '/api/v1/units', () =>
    json({
      items: [{ id: 'n-housing', name: '越城区住房和城乡建设局', kind: 'functional_department', regionId: 'r-district', regionName: '越城区', isRetired: false }],
      nextCursor: null,
    }),
  );
});

describe('bulk assignment on the worklist', () => {
  it('assigns the picked valid suggestions, each at the version shown, to the departments chosen', async () => {
    server.on(
      'GET',
      '/api/v1/suggestions',
      () => json({ items: [item('s-1'), item('s-2'), item('s-3', { status: 'submitted', version: 1 })], nextCursor: null }),
      () => json({ items: [item('s-3', { status: 'submitted', version: 1 })], nextCursor: null }),
    );
    server.on('POST', '/api/v1/suggestions/bulk-assignment', () =>
      json({ assigned: [{ id: 's-1', version: 3 }, { id: 's-2', version: 3 }], dueOn: '2027-01-05' }),
    );
    renderWithApp(<SuggestionWorklistPage />, { path: '/suggestions' });
    const user = userEvent.setup();

    const bulk = await screen.findByRole('button', { name: zhCN['suggestions.bulkAssign'].replace('{count}', '0') }, { timeout: 5000 });
    expect(bulk).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: '选择建议：建议s-3' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: '选择建议：建议s-1' }));
    await user.click(screen.getByRole('checkbox', { name: '选择建议：建议s-2' }));
    await user.click(screen.getByRole('button', { name: zhCN['suggestions.bulkAssign'].replace('{count}', '2') }));

    const dialog = await screen.findByRole('dialog');
    expect(within(within(dialog).getByRole('list', { name: zhCN['suggestions.picked'] })).getAllByRole('listitem')).toHaveLength(2);
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
    expect(await within(dialog).findByText(zhCN['suggestions.required'])).toBeInTheDocument();
    await user.click(within(dialog).getByRole('combobox'));
    await user.click(await screen.findByText(/越城区住房和城乡建设局/, { selector: '.ant-select-item-option-content' }));
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));

    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/suggestions/bulk-assignment')).toHaveLength(1));
    expect(server.requestsTo('POST', '/api/v1/suggestions/bulk-assignment')[0]?.body).toEqual({
      suggestions: [
        { id: 's-1', version: 2 },
        { id: 's-2', version: 2 },
      ],
      unitIds: ['n-housing'],
    });
    await waitFor(() => expect(screen.queryByRole('link', { name: '建议s-1' })).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: zhCN['suggestions.bulkAssign'].replace('{count}', '0') })).toBeDisabled();
  });

  it('says the selection changed when one suggestion was handled meanwhile', async () => {
    server.on('GET', '/api/v1/suggestions', () => json({ items: [item('s-1')], nextCursor: null }));
    server.on('POST', '/api/v1/suggestions/bulk-assignment', () => problem(409, { code: 'stale', detail: 'Suggestion JYS-1 changed since the worklist showed it.' }));
    renderWithApp(<SuggestionWorklistPage />, { path: '/suggestions' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('checkbox', { name: '选择建议：建议s-1' }, { timeout: 5000 }));
    await user.click(screen.getByRole('button', { name: zhCN['suggestions.bulkAssign'].replace('{count}', '1') }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox'));
    await user.click(await screen.findByText(/越城区住房和城乡建设局/, { selector: '.ant-select-item-option-content' }));
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));

    expect(await within(dialog).findByText(zhCN['suggestions.stale'])).toBeInTheDocument();
  });

  it('offers no picking to a reader', async () => {
    server.on('GET', '/api/v1/me', () => json({ ...reviewer, roles: ['analyst'], capabilities: ['view_suggestions'] }));
    server.on('GET', '/api/v1/suggestions', () => json({ items: [item('s-1')], nextCursor: null }));
    renderWithApp(<SuggestionWorklistPage />, { path: '/suggestions' });

    expect(await screen.findByRole('link', { name: '建议s-1' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /批量交部门研究/ })).not.toBeInTheDocument();
  });
});

describe('department pages', () => {
  beforeEach(() => server.on('GET', '/api/v1/me', () => json(departmentStaff)));

  it("lists the unit's suggestions awaiting its answer, marks the overdue ones, and filters the answered", async () => {
    server.on('GET', '/api/v1/suggestion-assignments', (request) =>
      request.path.includes('answered=true')
        ? json({ items: [assignmentItem('s-9', { outcome: 'adopted', answeredAt: '2026-12-07T02:00:00+00:00' })], nextCursor: null })
        : json({ items: [assignmentItem('s-1', { overdue: true, dueOn: '2026-11-30' }), assignmentItem('s-2')], nextCursor: null }),
    );
    renderWithApp(<UnitAssignmentsPage />, { path: '/suggestions/assigned' });
    const user = userEvent.setup();

    expect(await screen.findByRole('link', { name: '建议s-1' }, { timeout: 5000 })).toHaveAttribute('href', '/suggestions/assigned/s-1');
    expect(server.requestsTo('GET', '/api/v1/suggestion-assignments')[0]?.path).toContain('answered=false');
    expect(screen.getAllByText(zhCN['unitSuggestions.overdue'])).toHaveLength(1);
    await user.click(screen.getByText(zhCN['unitSuggestions.answered']));
    expect(await screen.findByRole('link', { name: '建议s-9' })).toBeInTheDocument();
    expect(screen.getByText(zhCN['suggestionOutcome.adopted'])).toBeInTheDocument();
  });

  it('opens on the filter the address asks for', async () => {
    server.on('GET', '/api/v1/suggestion-assignments', () =>
      json({ items: [assignmentItem('s-9', { outcome: 'adopted', answeredAt: '2026-12-07T02:00:00+00:00' })], nextCursor: null }),
    );
    renderWithApp(<UnitAssignmentsPage />, { path: '/suggestions/assigned?filter=answered' });

    expect(await screen.findByRole('link', { name: '建议s-9' }, { timeout: 5000 })).toBeInTheDocument();
    expect(server.requestsTo('GET', '/api/v1/suggestion-assignments')[0]?.path).toContain('answered=true');
  });

  it('answers from the template with the ETag read, and then shows the answer', async () => {
    server.on(
      'GET',
      '/api/v1/suggestion-assignments/s-1',
      () => json(assignmentDetail(), 200, { ETag: '"3"' }),
      () => json(assignmentDetail({ outcome: 'partly_adopted', reply: '部分采纳。', answeredAt: '2026-12-07T02:00:00+00:00', canAnswer: false, version: 4 })),
    );
    server.on('POST', '/api/v1/suggestion-assignments/s-1/answer', () => json({ id: 's-1', version: 4 }));
    renderWithApp(
      <Routes>
        <Route path="/suggestions/assigned/:id" element={<UnitAssignmentPage />} />
      </Routes>,
      { path: '/suggestions/assigned/s-1' },
    );
    const user = userEvent.setup();

    expect(await screen.findByText('周末开放学校操场，方便居民锻炼。', undefined, { timeout: 5000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: zhCN['unitSuggestions.giveAnswer'] }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
    await waitFor(() => expect(within(dialog).getAllByText(zhCN['suggestions.required'])).toHaveLength(2));
    await user.click(within(dialog).getByRole('radio', { name: zhCN['suggestionOutcome.partly_adopted'] }));
    expect(within(dialog).getByLabelText(zhCN['suggestions.reply'])).toHaveValue(zhCN['answerTemplate.partly_adopted']);
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));

    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/suggestion-assignments/s-1/answer')).toHaveLength(1));
    const request = server.requestsTo('POST', '/api/v1/suggestion-assignments/s-1/answer')[0]!;
    expect(request.headers.get('If-Match')).toBe('"3"');
    expect(request.body).toEqual({ outcome: 'partly_adopted', reply: zhCN['answerTemplate.partly_adopted'].trim() });
    expect(await screen.findByText('部分采纳。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zhCN['unitSuggestions.giveAnswer'] })).not.toBeInTheDocument();
  });

  it("says so when the suggestion is not the unit's", async () => {
    server.on('GET', '/api/v1/suggestion-assignments/s-7', () => problem(404));
    renderWithApp(
      <Routes>
        <Route path="/suggestions/assigned/:id" element={<UnitAssignmentPage />} />
      </Routes>,
      { path: '/suggestions/assigned/s-7' },
    );

    expect(await screen.findByRole('button', { name: zhCN['common.retry'] }, { timeout: 5000 })).toBeInTheDocument();
  });
});
