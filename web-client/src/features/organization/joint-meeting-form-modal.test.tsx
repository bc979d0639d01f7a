import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JointMeetingSystem } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { JointMeetingFormModal } from './joint-meeting-form-modal';

const system: JointMeetingSystem = {
  id: 's-1',
  name: '府山街道矛盾纠纷化解联席会议',
  regionId: 'r-town',
  regionName: '府山街道',
  regionLevel: 'town',
  convenerUserId: null,
  convenerName: '王强',
  convenerPost: '街道党工委书记',
  establishedOn: '2020-03-01',
  retiredOn: null,
  meetingCount: 3,
  lastMeetingOn: '2026-01-10',
  version: 1,
  members: [{ unitId: 'n-1', unitName: '府山街道办事处' }],
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
});

type Actor = ReturnType<typeof userEvent.setup>;

async function fillMeeting(actor: Actor, numbers: string[]) {
  const dialog = await screen.findByRole('dialog');
  const date = within(dialog).getByLabelText(zhCN['jointMeetings.heldOn']);
  await actor.click(date);
  await actor.paste('2025-06-10');
  await actor.keyboard('{Enter}');
  await actor.click(within(dialog).getByLabelText(zhCN['jointMeetings.matters']));
  await actor.paste('研究征迁补偿信访矛盾');
  await actor.click(within(dialog).getByLabelText(zhCN['jointMeetings.decisions']));
  await actor.paste('明确牵头单位，限期化解');
  const tags = within(dialog).getByLabelText(zhCN['jointMeetings.petitionNumbers']);
  for (const number of numbers) {
    await actor.click(tags);
    await actor.paste(number);
    await actor.keyboard('{Enter}');
  }
  await actor.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
  return dialog;
}

describe('joint meeting form', () => {
  it('records a meeting with the petition numbers typed', async () => {
    server.on('POST', '/api/v1/joint-meeting-systems/s-1/meetings', () => json({ id: 'm-1' }, 201));
    const onClose = vi.fn();
    renderWithApp(<JointMeetingFormModal system={system} onClose={onClose} />);

    await fillMeeting(userEvent.setup(), ['越城-2025-000123', '越城-2025-000456']);

    await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 5000 });
    const [post] = server.requestsTo('POST', '/api/v1/joint-meeting-systems/s-1/meetings');
    expect(post?.body).toEqual({
      heldOn: '2025-06-10',
      matters: '研究征迁补偿信访矛盾',
      decisions: '明确牵头单位，限期化解',
      petitionNumbers: ['越城-2025-000123', '越城-2025-000456'],
      caseIds: [],
    });
  });

  it('shows a petition the caller may not open on the numbers field', async () => {
    server.on('POST', '/api/v1/joint-meeting-systems/s-1/meetings', () =>
      problem(400, { errors: { PetitionNumbers: ['No petition you may open has the number 越城-2025-000999.'] } }),
    );
    const onClose = vi.fn();
    renderWithApp(<JointMeetingFormModal system={system} onClose={onClose} />);

    const dialog = await fillMeeting(userEvent.setup(), ['越城-2025-000999']);

    expect(await within(dialog).findByText('No petition you may open has the number 越城-2025-000999.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('asks for the date, matters and decisions before sending anything', async () => {
    renderWithApp(<JointMeetingFormModal system={system} onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.setup().click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));

    await waitFor(() => expect(within(dialog).getAllByText(zhCN['jointMeetings.required'])).toHaveLength(3), { timeout: 5000 });
    expect(server.requestsTo('POST', '/api/v1/joint-meeting-systems/s-1/meetings')).toHaveLength(0);
  });
});
