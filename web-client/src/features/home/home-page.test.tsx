import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { HomePage } from './home-page';

const officer = {
  id: 'u-officer',
  userName: 'town.petition_officer',
  displayName: '王登记',
  roles: ['petition_officer'],
  capabilities: [
    'register_petition',
    'classify_petitions',
    'case_tab_to_assign',
    'case_tab_returned',
    'case_tab_due_soon',
    'case_tab_overdue',
    'case_tab_replied',
    'case_tab_supervision_orders',
  ],
  unit: { id: 'n-bureau', name: '府山街道信访办', kind: 'petition_bureau' },
  jurisdiction: { regionId: 'r-town', name: '府山街道', level: 'town', path: '/r-city/r-district/r-town/' },
};

const handler = {
  ...officer,
  id: 'u-handler',
  userName: 'town.handler',
  displayName: '张承办',
  roles: ['handler'],
  capabilities: ['answer_assigned_suggestions', 'case_tab_to_sign', 'case_tab_in_progress', 'case_tab_to_reply', 'case_tab_due_soon', 'case_tab_overdue', 'case_tab_replied'],
  unit: { id: 'n-town', name: '府山街道办事处', kind: 'town_government' },
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
});

const countLink = (key: string) => screen.findByTestId(`count-${key}`);

describe('home page', () => {
  it("shows the petition officer's waiting work, each count opening its worklist filtered, and asks no other module", async () => {
    server.on('GET', '/api/v1/me', () => json(officer));
    server.on('GET', '/api/v1/petitions/counts', () => json({ toAccept: 7, acceptanceOverdue: 2 }));
    server.on('GET', '/api/v1/cases/counts', () =>
      json({ tabs: { to_assign: 5, returned: 1, due_soon: 3, overdue: 4, replied: 9, supervision_orders: 1 } }),
    );
    renderWithApp(<HomePage />);

    const toAccept = await countLink('to_accept');
    expect(toAccept).toHaveAttribute('href', '/petitions?status=registered');
    expect(toAccept).toHaveTextContent(`7${zhCN['home.toAccept']}`);
    expect(await countLink('acceptance_overdue')).toHaveAttribute('href', '/petitions?status=registered&flag=acceptance_overdue');
    expect(await countLink('to_assign')).toHaveAttribute('href', '/cases?tab=to_assign');
    expect(await countLink('overdue')).toHaveTextContent(`4${zhCN['caseTab.overdue']}`);
    expect(await countLink('supervision_orders')).toHaveAttribute('href', '/cases?tab=supervision_orders');
    const cases = screen.getByTestId('section-cases');
    expect(within(cases).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '/cases?tab=to_assign',
      '/cases?tab=returned',
      '/cases?tab=due_soon',
      '/cases?tab=overdue',
      '/cases?tab=supervision_orders',
    ]);
    expect(screen.queryByText(zhCN['home.nothingWaits'])).not.toBeInTheDocument();
    expect(within(screen.getByTestId('profile')).getByText('府山街道信访办')).toBeInTheDocument();
    for (const path of ['/api/v1/mediation/counts', '/api/v1/suggestions/counts', '/api/v1/suggestion-assignments/counts']) {
      expect(server.requestsTo('GET', path), path).toHaveLength(0);
    }
  });

  it('says that nothing waits when every count is zero', async () => {
    server.on('GET', '/api/v1/me', () => json(handler));
    server.on('GET', '/api/v1/cases/counts', () => json({ tabs: { to_sign: 0, in_progress: 2, to_reply: 0, due_soon: 0, overdue: 0, replied: 3 } }));
    server.on('GET', '/api/v1/suggestion-assignments/counts', () => json({ toAnswer: 0, overdue: 0 }));
    renderWithApp(<HomePage />);

    expect(await screen.findByText(zhCN['home.nothingWaits'])).toBeInTheDocument();
    expect(screen.queryByTestId('count-to_sign')).not.toBeInTheDocument();
    expect(server.requestsTo('GET', '/api/v1/petitions/counts')).toHaveLength(0);
  });

  it("shows a module's failure in its own section, keeps the others, and retries", async () => {
    server.on('GET', '/api/v1/me', () => json(handler));
    let failing = true;
    server.on('GET', '/api/v1/cases/counts', () =>
      failing ? problem(500, { title: 'Internal Server Error' }) : json({ tabs: { to_sign: 2, to_reply: 1, due_soon: 0, overdue: 0 } }),
    );
    server.on('GET', '/api/v1/suggestion-assignments/counts', () => json({ toAnswer: 3, overdue: 1 }));
    renderWithApp(<HomePage />);

    const cases = await screen.findByTestId('section-cases');
    const retry = await within(cases).findByRole('button', { name: zhCN['common.retry'] });
    expect(await countLink('to_answer')).toHaveAttribute('href', '/suggestions/assigned?filter=open');
    expect(screen.queryByText(zhCN['home.nothingWaits'])).not.toBeInTheDocument();

    failing = false;
    await userEvent.setup().click(retry);
    expect(await countLink('to_sign')).toHaveAttribute('href', '/cases?tab=to_sign');
    expect(screen.getByTestId('count-to_reply')).toHaveTextContent(`1${zhCN['caseTab.to_reply']}`);
  });

  it("shows a mediator's sessions today and disputes awaiting consent in English", async () => {
    server.on('GET', '/api/v1/me', () =>
      json({ ...handler, roles: ['mediator'], capabilities: ['view_mediation', 'view_disputes', 'mediate_disputes', 'case_tab_due_soon'] }),
    );
    server.on('GET', '/api/v1/cases/counts', () => json({ tabs: { due_soon: 0 } }));
    server.on('GET', '/api/v1/mediation/counts', () => json({ sessionsToday: 2, disputesToAccept: 4 }));
    renderWithApp(<HomePage />, { locale: 'en' });

    expect(await countLink('sessions_today')).toHaveTextContent('2My sessions today');
    expect(await countLink('disputes_to_accept')).toHaveAttribute('href', '/mediation/disputes?status=registered');
  });
});
