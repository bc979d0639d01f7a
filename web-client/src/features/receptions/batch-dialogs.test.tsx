import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReceptionBatch } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { CorrectBatchDialog, correctableOutcomes } from './batch-dialogs';

const correctionPath = '/api/v1/receptions/rc-1/batches/b-2/correction';

const batch = (extra: Partial<ReceptionBatch> = {}): ReceptionBatch => ({
  id: 'b-2',
  ordinal: 2,
  persons: 3,
  matter: '反映小区电梯长期故障。',
  petitionId: null,
  petitionNumber: null,
  petitionRegistered: false,
  outcome: 'explained',
  instruction: null,
  isMustVisit: false,
  inChargeName: null,
  caseId: null,
  caseNumber: null,
  inChargeAt: null,
  recordedAt: '2026-03-03T01:00:00Z',
  petitioners: [
    { id: 'bp-1', batchId: 'b-2', ordinal: 1, name: '张*', idNumberMasked: '3306**********0011', phoneMasked: '138****0001' },
    { id: 'bp-2', batchId: 'b-2', ordinal: 2, name: '李*', idNumberMasked: '3306**********0022', phoneMasked: '138****0002' },
  ],
  version: 5,
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
});

describe('batch correction dialog', () => {
  it('corrects persons and outcome with a reason and If-Match, never below the named petitioners', async () => {
    server.on('POST', correctionPath, () => json({ id: 'b-2', version: 6 }));
    const onClose = vi.fn();
    renderWithApp(<CorrectBatchDialog receptionId="rc-1" batch={batch()} onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = within(await screen.findByRole('dialog', { name: '更正第 2 批' }));

    const persons = dialog.getByLabelText(zhCN['batchForm.persons']);
    expect(persons).toHaveValue('3');
    expect(dialog.getByRole('radio', { name: zhCN['batchOutcome.explained'] })).toBeChecked();
    expect(dialog.queryByRole('radio', { name: zhCN['batchOutcome.assigned'] })).not.toBeInTheDocument();

    await user.clear(persons);
    await user.type(persons, '1');
    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));
    expect(await dialog.findByText(zhCN['batchForm.personsTooFew'])).toBeInTheDocument();
    expect(await dialog.findByText(zhCN['batchForm.required'])).toBeInTheDocument();
    expect(server.requestsTo('POST', correctionPath)).toHaveLength(0);

    await user.clear(persons);
    await user.type(persons, '4');
    await user.click(dialog.getByRole('radio', { name: zhCN['batchOutcome.solved_on_the_spot'] }));
    await user.type(dialog.getByLabelText(zhCN['batchCorrection.reason']), ' 漏记两名随同人员，且问题已当场解决。 ');
    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [sent] = server.requestsTo('POST', correctionPath);
    expect(sent?.headers.get('If-Match')).toBe('"5"');
    expect(sent?.body).toEqual({ persons: 4, outcome: 'solved_on_the_spot', reason: '漏记两名随同人员，且问题已当场解决。' });
    expect(await screen.findByText('第 2 批已更正。')).toBeInTheDocument();
  });

  it('keeps an assigned batch assigned, and stays open saying why when the batch changed meanwhile', async () => {
    server.on('POST', correctionPath, () => problem(412), () => problem(409, { code: 'assignment_not_correctable' }));
    const onClose = vi.fn();
    renderWithApp(<CorrectBatchDialog receptionId="rc-1" batch={batch({ outcome: 'assigned', petitioners: [] })} onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = within(await screen.findByRole('dialog'));

    expect(dialog.getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual([zhCN['batchOutcome.assigned']]);
    expect(dialog.getByText(zhCN['batchCorrection.assignedStays'])).toBeInTheDocument();
    await user.type(dialog.getByLabelText(zhCN['batchCorrection.reason']), '人数登记有误。');
    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));
    expect(await dialog.findByRole('alert')).toHaveTextContent(zhCN['receptionError.stale']);

    await user.click(dialog.getByRole('button', { name: zhCN['common.confirm'] }));
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent(zhCN['receptionError.assignment_not_correctable']));
    expect(onClose).not.toHaveBeenCalled();
    expect(server.requestsTo('POST', correctionPath).map((request) => (request.body as { outcome: string }).outcome)).toEqual(['assigned', 'assigned']);
  });

  it('offers between solved and explained, and nothing but assigned for an assigned batch', () => {
    expect(correctableOutcomes('explained')).toEqual(['solved_on_the_spot', 'explained']);
    expect(correctableOutcomes('solved_on_the_spot')).toEqual(['solved_on_the_spot', 'explained']);
    expect(correctableOutcomes('assigned')).toEqual(['assigned']);
  });
});
