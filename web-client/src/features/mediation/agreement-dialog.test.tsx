import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DisputeDetail } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { AgreementDialog } from './agreement-dialog';
import { confirmationLight } from './outcome-card';
import dayjs from 'dayjs';

const dispute = {
  id: 'd-1',
  number: '越城调-2026-000001',
  status: 'accepted',
  version: 5,
  allowedActions: ['withdraw', 'record_agreement', 'record_failure'],
} as unknown as DisputeDetail;

const agreementPath = '/api/v1/mediation/disputes/d-1/agreement';
let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json({ id: 'u-1', userName: 'town.mediator', displayName: '王调解', roles: ['mediator'], capabilities: ['view_disputes', 'mediate_disputes'] }));
});

describe('agreement dialog', () => {
  it('asks for the terms, the deadline and both signatures of a written agreement before sending anything', async () => {
    const onClose = vi.fn();
    renderWithApp(<AgreementDialog dispute={dispute} onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = within(await screen.findByRole('dialog'));

    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));
    expect(await dialog.findByText(zhCN['agreement.termsRequired'])).toBeInTheDocument();
    expect(await dialog.findByText(zhCN['agreement.applicantMustSign'])).toBeInTheDocument();
    expect(await dialog.findByText(zhCN['agreement.respondentMustSign'])).toBeInTheDocument();
    expect(await dialog.findByText(zhCN['agreement.performanceDeadlineRequired'])).toBeInTheDocument();

    await user.click(dialog.getByLabelText(zhCN['agreementForm.oral']));
    await waitFor(() => expect(dialog.queryByText(zhCN['agreement.applicantMustSign'])).not.toBeInTheDocument());
    expect(server.requestsTo('POST', agreementPath)).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('sends an oral agreement with the version read, and shows a stale version as such', async () => {
    server.on('POST', agreementPath, () => problem(412), () => json({ id: 'd-1', version: 6 }));
    server.on('GET', '/api/v1/mediation/disputes/d-1', () => json(dispute));
    const onClose = vi.fn();
    renderWithApp(<AgreementDialog dispute={dispute} onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = within(await screen.findByRole('dialog'));

    await user.click(dialog.getByLabelText(zhCN['agreementForm.oral']));
    await user.type(dialog.getByLabelText(zhCN['agreement.terms']), '双方互不追究。');
    await user.type(dialog.getByLabelText(zhCN['agreement.amount']), '1500');
    const deadline = dayjs().add(10, 'day').format('YYYY-MM-DD');
    await user.type(dialog.getByLabelText(zhCN['agreement.performanceDeadline']), `${deadline}{enter}`);
    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));

    expect(await dialog.findByText(zhCN['dispute.stale'])).toBeInTheDocument();
    const sent = server.requestsTo('POST', agreementPath).at(-1)!;
    expect(sent.headers.get('If-Match')).toBe('"5"');
    expect(sent.body).toEqual({
      terms: '双方互不追究。',
      amountAgreed: 1500,
      form: 'oral',
      applicantSigned: false,
      respondentSigned: false,
      effectiveOn: dayjs().format('YYYY-MM-DD'),
      performanceDeadline: deadline,
    });
    expect(onClose).not.toHaveBeenCalled();

    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('turns the judicial-confirmation light yellow within the reminder days and red once the window closed', () => {
    const today = dayjs('2026-03-10');
    expect(confirmationLight('2026-03-20', 7, today)).toBe('green');
    expect(confirmationLight('2026-03-17', 7, today)).toBe('yellow');
    expect(confirmationLight('2026-03-10', 7, today)).toBe('yellow');
    expect(confirmationLight('2026-03-09', 7, today)).toBe('red');
  });

  it('takes the reminder days from the rule set, not a fixed week', () => {
    const today = dayjs('2026-03-10');
    expect(confirmationLight('2026-03-17', 3, today)).toBe('green');
    expect(confirmationLight('2026-03-13', 3, today)).toBe('yellow');
    expect(confirmationLight('2026-03-20', 10, today)).toBe('yellow');
    expect(confirmationLight('2026-03-10', 0, today)).toBe('yellow');
  });
});
