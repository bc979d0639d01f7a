import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { AuditPage } from './audit-page';

const entriesPath = '/api/v1/audit-entries';
const verificationPath = '/api/v1/audit/verification';

const entry = (n: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `e-${n}`,
  sequence: n,
  occurredAt: '2026-03-04T02:00:00+00:00',
  actorUserId: 'u-admin',
  actorName: '王管理',
  actorUnitId: 'n-city',
  actorUnitName: '绍兴市信访局',
  action: 'user.roles_granted',
  objectType: 'user',
  objectId: `00000000-0000-0000-0000-00000000000${n}`,
  before: '{"roles":["handler"]}',
  after: '{"roles":["handler","analyst"]}',
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;

// Role queries are slow in jsdom over a page this size (filters with date pickers and selects): find by text within the table.
const entriesTable = () => within(screen.getByTestId('audit-entries'));

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
});

describe('audit page', () => {
  it('lists entries with actor, unit and action in words, and pages by cursor', async () => {
    server.on('GET', entriesPath, (request) =>
      request.path.includes('cursor=next-1')
        ? json({ items: [entry(2, { action: 'personal_data.revealed', objectType: 'petitioner', before: null })], nextCursor: null })
        : json({ items: [entry(1)], nextCursor: 'next-1' }),
    );
    renderWithApp(<AuditPage />, { path: '/audit' });
    const user = userEvent.setup();

    expect(await screen.findByText(zhCN['audit.action.user.roles_granted'])).toBeInTheDocument();
    expect(entriesTable().getByText('王管理').closest('button')).toBeInTheDocument();
    expect(entriesTable().getByText('绍兴市信访局')).toBeInTheDocument();
    expect(server.requestsTo('GET', entriesPath)[0]?.path).toBe(`${entriesPath}?limit=20`);

    await user.click(entriesTable().getByText(zhCN['common.nextPage']));
    expect(await screen.findByText(zhCN['audit.action.personal_data.revealed'])).toBeInTheDocument();
    expect(server.requestsTo('GET', entriesPath).at(-1)?.path).toBe(`${entriesPath}?cursor=next-1&limit=20`);
  });

  it('asks for the chosen filters from the first page, and narrows to an actor from a row', async () => {
    server.on('GET', entriesPath, () => json({ items: [entry(1)], nextCursor: null }));
    renderWithApp(<AuditPage />, { path: '/audit' });
    const user = userEvent.setup();
    await screen.findByText('绍兴市信访局');

    await user.type(screen.getByLabelText(zhCN['audit.objectId']), '  abc  ');
    await user.click(screen.getByText(zhCN['audit.apply']));
    await waitFor(() => expect(server.requestsTo('GET', entriesPath).at(-1)?.path).toBe(`${entriesPath}?objectId=abc&limit=20`));

    await user.click(entriesTable().getByText('王管理'));
    await waitFor(() => expect(server.requestsTo('GET', entriesPath).at(-1)?.path).toBe(`${entriesPath}?actorUserId=u-admin&objectId=abc&limit=20`));
  });

  it('shows the recorded state before and after in the details drawer', async () => {
    server.on('GET', entriesPath, () => json({ items: [entry(1)], nextCursor: null }));
    renderWithApp(<AuditPage />, { path: '/audit' });
    const user = userEvent.setup();

    await screen.findByText('绍兴市信访局');
    await user.click(entriesTable().getByText(zhCN['audit.details']));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByTestId('audit-before').textContent).toBe('{\n  "roles": [\n    "handler"\n  ]\n}');
    expect(within(drawer).getByTestId('audit-after').textContent).toContain('"analyst"');
    expect(within(drawer).getByText('user.roles_granted')).toBeInTheDocument();
  });

  it('says so when nothing matches, and offers a retry when loading fails', async () => {
    server.on('GET', entriesPath, () => json({ items: [], nextCursor: null }), () => problem(500), () => json({ items: [entry(3)], nextCursor: null }));
    const view = renderWithApp(<AuditPage />, { path: '/audit' });
    const user = userEvent.setup();

    expect(await screen.findByText(zhCN['audit.empty'])).toBeInTheDocument();
    view.unmount();
    renderWithApp(<AuditPage />, { path: '/audit' });
    await user.click(await screen.findByText(zhCN['common.retry']));
    expect(await screen.findByText('绍兴市信访局')).toBeInTheDocument();
  });

  it('verifies the chain on request and shows intact or the first broken link', async () => {
    server.on('GET', entriesPath, () => json({ items: [], nextCursor: null }));
    server.on(
      'GET',
      verificationPath,
      () => json({ intact: true, entries: 42, unchainedEntries: 0, firstBreak: null }),
      () =>
        json({
          intact: false,
          entries: 6,
          unchainedEntries: 0,
          firstBreak: { sequence: 7, entryId: 'e-7', problem: 'entry_changed', expected: 'aa', found: 'bb' },
        }),
    );
    renderWithApp(<AuditPage />, { path: '/audit' });
    const user = userEvent.setup();
    expect(server.requestsTo('GET', verificationPath)).toHaveLength(0);

    await user.click(screen.getByText(zhCN['audit.verify']));
    expect(await screen.findByText('哈希链完整：已校验 42 条记录。')).toBeInTheDocument();

    await user.click(screen.getByText(zhCN['audit.verify']));
    expect(await screen.findByText(`哈希链在序号 7 处断开：${zhCN['audit.problem.entry_changed']}`)).toBeInTheDocument();
    expect(screen.getByText('记录 ID：e-7')).toBeInTheDocument();
    expect(screen.getByText('应为：aa')).toBeInTheDocument();
    expect(screen.getByText('实为：bb')).toBeInTheDocument();
  });

  it('explains a refused verification', async () => {
    server.on('GET', entriesPath, () => json({ items: [], nextCursor: null }));
    server.on('GET', verificationPath, () => problem(403));
    renderWithApp(<AuditPage />, { path: '/audit' });
    const user = userEvent.setup();

    await user.click(screen.getByText(zhCN['audit.verify']));
    expect(await screen.findByText(zhCN['error.forbidden'])).toBeInTheDocument();
  });
});
