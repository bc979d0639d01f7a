import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { RuleSetEditor } from './rule-set-editor';

const ruleSet = {
  name: 'national',
  title: '信访工作条例 (2022)',
  isActive: true,
  version: 2,
  updatedAt: '2026-11-24T00:00:00+00:00',
  document: {
    intake: { acceptanceDeadline: { days: 15, workingDays: false, source: 'Art 22, Art 23' }, collectiveThreshold: 5 },
    dispatch: { signDeadline: { days: 1, workingDays: true, source: 'local practice' }, checklists: { default: [] } },
  },
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
});

async function setAcceptanceDays(days: string) {
  const input = screen.getByLabelText(`${zhCN['ruleSets.step.acceptanceDeadline']} ${zhCN['ruleSets.days']}`);
  const actor = userEvent.setup();
  await actor.clear(input);
  await actor.type(input, days);
  await actor.click(screen.getByText(zhCN['common.save']).closest('button')!);
}

describe('rule set editor', () => {
  it('shows the periods with their sources and saves an edited value with If-Match', async () => {
    server.on('PUT', '/api/v1/settings/rule-sets/national', () => json({ name: 'national', version: 3 }));
    renderWithApp(<RuleSetEditor ruleSet={ruleSet} />);
    expect(screen.getByText('Art 22, Art 23')).toBeInTheDocument();
    expect(screen.getByText(zhCN['ruleSets.step.signDeadline'])).toBeInTheDocument();

    await setAcceptanceDays('20');

    await waitFor(() => expect(server.requestsTo('PUT', '/api/v1/settings/rule-sets/national')).toHaveLength(1));
    const [put] = server.requestsTo('PUT', '/api/v1/settings/rule-sets/national');
    expect(put?.headers.get('If-Match')).toBe('"2"');
    expect(put?.body).toEqual({
      title: ruleSet.title,
      document: {
        ...ruleSet.document,
        intake: { ...ruleSet.document.intake, acceptanceDeadline: { days: 20, workingDays: false, source: 'Art 22, Art 23' } },
      },
    });
  });

  it('lists the values the API refused', async () => {
    server.on('PUT', '/api/v1/settings/rule-sets/national', () =>
      problem(400, { errors: { 'document.intake.acceptanceDeadline.days': ['Between 1 and 365 days.'] } }),
    );
    renderWithApp(<RuleSetEditor ruleSet={ruleSet} />);

    await setAcceptanceDays('0');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('intake.acceptanceDeadline.days');
    expect(alert).toHaveTextContent('Between 1 and 365 days.');
  });

  it('refuses JSON that is not an object of sections', async () => {
    renderWithApp(<RuleSetEditor ruleSet={ruleSet} />);
    const actor = userEvent.setup();
    await actor.click(screen.getByText(zhCN['ruleSets.tabJson']));
    const editor = document.querySelector('textarea')!;
    await actor.clear(editor);
    await actor.click(editor);
    await actor.paste('{"intake": 5}');
    await actor.click(screen.getByText(zhCN['ruleSets.jsonApply']).closest('button')!);
    expect(await screen.findByText(zhCN['ruleSets.jsonNotObject'])).toBeInTheDocument();
  });
});
