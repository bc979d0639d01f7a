import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { JointMeetingSystemRetireModal } from './joint-meeting-system-retire-modal';

const system = {
  id: 's-1',
  name: '府山街道联席会议',
  regionId: 'r-town',
  regionName: '府山街道',
  regionLevel: 'town',
  convenerUserId: null,
  convenerName: '王强',
  convenerPost: '街道党工委书记',
  establishedOn: '2020-03-01',
  retiredOn: null,
  meetingCount: 2,
  lastMeetingOn: '2026-01-10',
  version: 4,
  members: [{ unitId: 'n-1', unitName: '府山街道办事处' }],
};
const retirePath = '/api/v1/joint-meeting-systems/s-1/retire';

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/joint-meeting-systems/s-1', () => json(system, 200, { ETag: '"4"' }));
});

async function confirmRetire() {
  const dialog = await screen.findByRole('dialog', { name: zhCN['jointMeetings.retireTitle'].replace('{name}', system.name) });
  const confirm = within(dialog).getByRole('button', { name: zhCN['jointMeetings.retire'] });
  await waitFor(() => expect(confirm).toBeEnabled());
  await userEvent.setup().click(confirm);
  return dialog;
}

describe('retiring a joint-meeting system', () => {
  it('retires the system as of today with the ETag it loaded', async () => {
    server.on('POST', retirePath, () => json({ id: 's-1', version: 5 }));
    const onClose = vi.fn();
    renderWithApp(<JointMeetingSystemRetireModal systemId="s-1" onClose={onClose} />);

    await confirmRetire();

    await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 5000 });
    const [post] = server.requestsTo('POST', retirePath);
    expect(post?.headers.get('If-Match')).toBe('"4"');
    expect(post?.body).toEqual({ retiredOn: dayjs().format('YYYY-MM-DD') });
  });

  it('shows a day the API refused under the day', async () => {
    server.on('POST', retirePath, () =>
      problem(400, { title: 'One or more fields are invalid.', errors: { retiredOn: ['Before the last meeting.'] } }),
    );
    const onClose = vi.fn();
    renderWithApp(<JointMeetingSystemRetireModal systemId="s-1" onClose={onClose} />);

    const dialog = await confirmRetire();

    expect(await within(dialog).findByText('Before the last meeting.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('says so when the system was retired already', async () => {
    server.on('POST', retirePath, () => problem(409, { code: 'joint_meeting_system_retired', detail: 'retired' }));
    const onClose = vi.fn();
    renderWithApp(<JointMeetingSystemRetireModal systemId="s-1" onClose={onClose} />);

    const dialog = await confirmRetire();

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(zhCN['error.jointMeetingSystemRetired']);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('asks to try again after a stale retire and reloads the system', async () => {
    server.on('POST', retirePath, () => problem(412, { detail: 'stale' }));
    const onClose = vi.fn();
    renderWithApp(<JointMeetingSystemRetireModal systemId="s-1" onClose={onClose} />);

    const dialog = await confirmRetire();

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(zhCN['error.stale']);
    await waitFor(() => expect(server.requestsTo('GET', '/api/v1/joint-meeting-systems/s-1')).toHaveLength(2));
    expect(onClose).not.toHaveBeenCalled();
  });
});
