import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseDetail } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { CaseActionDialog } from './case-action-dialog';

const me = {
  id: 'u-handler',
  userName: 'town.handler',
  displayName: '张承办',
  roles: ['handler'],
  capabilities: ['case_tab_to_sign', 'case_tab_in_progress', 'case_tab_to_reply', 'case_tab_due_soon', 'case_tab_overdue', 'case_tab_replied'],
  unit: { id: 'n-town', name: '府山街道办事处', kind: 'town_government' },
  jurisdiction: { regionId: 'r-town', name: '府山街道', level: 'town', path: '/r-city/r-district/r-town/' },
};

const inProgress: CaseDetail = {
  id: 'c-1',
  petitionId: 'p-1',
  number: '越城-2026-000001',
  kind: 'handling',
  parentCaseId: null,
  status: 'in_progress',
  category: 'urban_rural_construction',
  regionId: 'r-town',
  regionName: '府山街道',
  summary: '请求修复路灯',
  receivedAt: '2026-03-02T01:00:00Z',
  acceptedAt: '2026-03-02T02:00:00Z',
  isFirstTime: true,
  isRepeat: false,
  isSkipLevel: false,
  suggestedUnitId: null,
  leadUnitId: 'n-town',
  leadUnitName: '府山街道办事处',
  assignmentMode: 'assign',
  reportRequired: true,
  assignedAt: '2026-03-03T02:00:00Z',
  signedAt: '2026-03-03T03:00:00Z',
  deadlines: { assignmentDue: '2026-03-17', signDue: '2026-03-04', returnDue: '2026-03-10', replyDue: '2026-05-01', extensionDays: 0, pausedDays: 0, ruleSet: 'national', ruleSetTitle: '信访工作条例 (2022)' },
  currentStep: 'reply',
  currentDueOn: '2026-05-01',
  light: 'green',
  pausedAt: null,
  pauseReason: null,
  repliedAt: null,
  opinion: null,
  replyText: null,
  attachments: [],
  rating: null,
  ratingSource: null,
  ratingNote: null,
  ratingState: 'not_replied',
  closedAt: null,
  finalAt: null,
  reviewRequestedAt: null,
  agentUserId: null,
  agentName: null,
  leaderName: null,
  isListed: false,
  listedReason: null,
  coUnits: [],
  checklist: [],
  extensions: [],
  pauses: [],
  supervisionOrders: [],
  reminders: [],
  breaches: [],
  timeline: [],
  allowedActions: ['add_note', 'reply', 'sign'],
  version: 3,
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(me));
});

describe('case action dialog', () => {
  it('replies with the opinion and text, sending If-Match with the version read', async () => {
    server.on('POST', '/api/v1/cases/c-1/reply', () => json({ id: 'c-1', version: 4 }));
    const onClose = vi.fn();
    renderWithApp(<CaseActionDialog caseDetail={inProgress} etag={'"3"'} action="reply" onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: zhCN['caseAction.reply'] });

    await user.click(within(dialog).getByLabelText(zhCN['opinion.explain']));
    await user.type(within(dialog).getByLabelText(zhCN['caseForm.replyText']), '经核实，路灯已于三月修复。');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const sent = server.requestsTo('POST', '/api/v1/cases/c-1/reply')[0];
    expect(sent?.headers.get('If-Match')).toBe('"3"');
    expect(sent?.body).toEqual({ opinion: 'explain', text: '经核实，路灯已于三月修复。', attachmentIds: null });
  });

  it('uploads the chosen file at once and sends it with the reply, together with a file uploaded earlier', async () => {
    server.on('POST', '/api/v1/cases/c-1/attachments', () =>
      json({ id: 'a-new', contentType: 'application/pdf', sizeBytes: 12, sha256: 'ab' }, 201),
    );
    server.on('POST', '/api/v1/cases/c-1/reply', () => json({ id: 'c-1', version: 4 }));
    const earlier = {
      id: 'a-old',
      fileName: '现场照片.png',
      contentType: 'image/png',
      sizeBytes: 2048,
      sha256: 'cd',
      uploadedAt: '2026-03-05T02:00:00Z',
      uploadedByName: '张承办',
      repliedAt: null,
    };
    const onClose = vi.fn();
    renderWithApp(<CaseActionDialog caseDetail={{ ...inProgress, attachments: [earlier] }} etag={'"3"'} action="reply" onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: zhCN['caseAction.reply'] });
    expect(within(dialog).getByText('现场照片.png')).toBeInTheDocument();

    await user.upload(within(dialog).getByLabelText(zhCN['caseForm.attachments']), new File(['%PDF-1.4'], '意见书.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/cases/c-1/attachments')).toHaveLength(1));
    expect(server.requestsTo('POST', '/api/v1/cases/c-1/attachments')[0]?.body).toMatch(/name="file"[\s\S]*%PDF-1\.4/);
    await user.click(within(dialog).getByLabelText(zhCN['opinion.support']));
    await user.type(within(dialog).getByLabelText(zhCN['caseForm.replyText']), '已修复，详见意见书。');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(server.requestsTo('POST', '/api/v1/cases/c-1/reply')[0]?.body).toEqual({
      opinion: 'support',
      text: '已修复，详见意见书。',
      attachmentIds: ['a-old', 'a-new'],
    });
  });

  it('says why a file was refused and does not send it with the reply', async () => {
    server.on('POST', '/api/v1/cases/c-1/attachments', () =>
      problem(400, { title: 'One or more fields are invalid.', errors: { file: ['Only PDF, JPEG, PNG, MP3 and Office documents are accepted.'] } }),
    );
    server.on('POST', '/api/v1/cases/c-1/reply', () => json({ id: 'c-1', version: 4 }));
    const onClose = vi.fn();
    renderWithApp(<CaseActionDialog caseDetail={inProgress} etag={'"3"'} action="reply" onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog');

    await user.upload(within(dialog).getByLabelText(zhCN['caseForm.attachments']), new File(['MZ'], '合同.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText(/合同\.pdf 上传失败/)).toBeInTheDocument();
    await user.click(within(dialog).getByLabelText(zhCN['opinion.explain']));
    await user.type(within(dialog).getByLabelText(zhCN['caseForm.replyText']), '答复');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(server.requestsTo('POST', '/api/v1/cases/c-1/reply')[0]?.body).toEqual({ opinion: 'explain', text: '答复', attachmentIds: null });
  });

  it('picks the agent from the agents of the jurisdiction, searching by name', async () => {
    server.on('GET', '/api/v1/users/agents', (request) =>
      json({
        items: request.path.includes('q=')
          ? [{ id: 'u-agent-2', displayName: '王代办', unitName: '府山街道办事处' }]
          : [
              { id: 'u-agent-1', displayName: '李代办', unitName: '府山街道办事处' },
              { id: 'u-agent-2', displayName: '王代办', unitName: '府山街道办事处' },
            ],
      }),
    );
    server.on('POST', '/api/v1/cases/c-1/agent', () => json({ id: 'c-1', version: 4 }));
    const onClose = vi.fn();
    renderWithApp(<CaseActionDialog caseDetail={inProgress} etag={'"3"'} action="assign_agent" onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: zhCN['caseAction.assign_agent'] });

    await user.type(within(dialog).getByLabelText(zhCN['caseForm.agent']), '王');
    await waitFor(() => expect(server.requestsTo('GET', '/api/v1/users/agents').some((request) => request.path.includes('q=%E7%8E%8B'))).toBe(true));
    await user.click(await screen.findByText('王代办 · 府山街道办事处'));
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(server.requestsTo('POST', '/api/v1/cases/c-1/agent')[0]?.body).toEqual({ agentUserId: 'u-agent-2' });
  });

  it('says when the jurisdiction has no matching agent and requires a choice', async () => {
    server.on('GET', '/api/v1/users/agents', () => json({ items: [] }));
    renderWithApp(<CaseActionDialog caseDetail={inProgress} etag={'"3"'} action="assign_agent" onClose={vi.fn()} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText(zhCN['caseForm.agent']));
    expect(await screen.findByText(zhCN['caseForm.agentsEmpty'])).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));
    expect(await within(dialog).findByText(zhCN['caseForm.agentRequired'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/cases/c-1/agent')).toHaveLength(0);
  });

  it('shows the error state when the agents cannot be loaded', async () => {
    server.on('GET', '/api/v1/users/agents', () => problem(500));
    renderWithApp(<CaseActionDialog caseDetail={inProgress} etag={'"3"'} action="assign_agent" onClose={vi.fn()} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText(zhCN['caseForm.agent']));
    expect((await screen.findAllByText(zhCN['caseForm.agentsFailed'])).length).toBeGreaterThan(0);
  });

  it('requires the opinion before sending anything', async () => {
    renderWithApp(<CaseActionDialog caseDetail={inProgress} etag={'"3"'} action="reply" onClose={vi.fn()} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(zhCN['caseForm.replyText']), '答复');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));

    expect(await within(dialog).findByText(zhCN['caseForm.opinionRequired'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/cases/c-1/reply')).toHaveLength(0);
  });

  it('adds a note visible to the petitioner only when chosen', async () => {
    server.on('POST', '/api/v1/cases/c-1/notes', () => json({ id: 'c-1', version: 4 }));
    const onClose = vi.fn();
    renderWithApp(<CaseActionDialog caseDetail={inProgress} etag={'"3"'} action="add_note" onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText(zhCN['case.public']));
    await user.type(within(dialog).getByLabelText(zhCN['caseForm.noteText']), '已现场勘查。');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(server.requestsTo('POST', '/api/v1/cases/c-1/notes')[0]?.body).toEqual({ text: '已现场勘查。', isPublic: true });
  });

  it('says that someone else changed the case when the version is stale (412)', async () => {
    server.on('POST', '/api/v1/cases/c-1/signature', () => problem(412, { title: 'Stale version.' }));
    const onClose = vi.fn();
    renderWithApp(<CaseActionDialog caseDetail={inProgress} etag={'"2"'} action="sign" onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(zhCN['caseError.stale']);
    expect(server.requestsTo('POST', '/api/v1/cases/c-1/signature')[0]?.body).toEqual({ note: null });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('names the state that stands in the way (409)', async () => {
    server.on('POST', '/api/v1/cases/c-1/signature', () =>
      problem(409, { code: 'invalid_transition', detail: 'The case is in_progress; sign is not possible in that state.' }),
    );
    renderWithApp(<CaseActionDialog caseDetail={inProgress} etag={'"3"'} action="sign" onClose={vi.fn()} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.confirm'] }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('案件当前状态为“办理中”，不能执行此操作。');
  });
});
