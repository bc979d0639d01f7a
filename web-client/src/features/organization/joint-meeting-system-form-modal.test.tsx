import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { JointMeetingSystemFormModal } from './joint-meeting-system-form-modal';

const regions = [
  { id: 'r-district', code: '330602', name: '越城区', level: 'district', parentId: null, path: '/330602/', retiredAt: null, version: 1 },
  { id: 'r-town', code: '330602001', name: '府山街道', level: 'town', parentId: 'r-district', path: '/330602/330602001/', retiredAt: null, version: 1 },
];
const unit = {
  id: 'n-1',
  name: '府山街道办事处',
  kind: 'town_government',
  regionId: 'r-town',
  regionName: '府山街道',
  parentUnitId: null,
  parentUnitName: null,
  contactPhone: null,
  contactAddress: null,
  retiredAt: null,
  version: 1,
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/regions', () => json({ items: regions }));
  server.on('GET', '/api/v1/units', () => json({ items: [unit], nextCursor: null }));
});

type Actor = ReturnType<typeof userEvent.setup>;

/** Opening a picker lists its options; clicking one by its title chooses it. */
async function pick(actor: Actor, dialog: HTMLElement, label: string, title: string) {
  const box = within(dialog).getByLabelText(label);
  await actor.click(box);
  const options = await screen.findAllByTitle(title);
  await actor.click(options[options.length - 1]!);
}

async function fillSystem(actor: Actor) {
  const dialog = await screen.findByRole('dialog');
  await actor.click(within(dialog).getByLabelText(zhCN['jointMeetings.systemName']));
  await actor.paste('府山街道矛盾纠纷化解联席会议');
  await pick(actor, dialog, zhCN['jointMeetings.region'], '府山街道');
  await actor.click(within(dialog).getByLabelText(zhCN['jointMeetings.convenerName']));
  await actor.paste('王强');
  await actor.click(within(dialog).getByLabelText(zhCN['jointMeetings.convenerPost']));
  await actor.paste('街道党工委书记');
  await pick(actor, dialog, zhCN['jointMeetings.members'], `府山街道办事处 · 府山街道 · ${zhCN['unitKind.town_government']}`);
  const date = within(dialog).getByLabelText(zhCN['jointMeetings.establishedOn']);
  await actor.click(date);
  await actor.paste('2020-03-01');
  await actor.keyboard('{Enter}');
  await actor.click(within(dialog).getByRole('button', { name: zhCN['common.create'] }));
  return dialog;
}

describe('joint-meeting system form', () => {
  it('sets up a system with its convener and member units', async () => {
    server.on('POST', '/api/v1/joint-meeting-systems', () => json({ id: 's-1', version: 1 }, 201, { ETag: '"1"' }));
    const onClose = vi.fn();
    renderWithApp(<JointMeetingSystemFormModal open onClose={onClose} />);

    await fillSystem(userEvent.setup());

    await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 5000 });
    const [post] = server.requestsTo('POST', '/api/v1/joint-meeting-systems');
    expect(post?.body).toEqual({
      name: '府山街道矛盾纠纷化解联席会议',
      regionId: 'r-town',
      convenerUserId: null,
      convenerName: '王强',
      convenerPost: '街道党工委书记',
      memberUnitIds: ['n-1'],
      establishedOn: '2020-03-01',
    });
  });

  it('puts a region that already has a system on the region field', async () => {
    server.on('POST', '/api/v1/joint-meeting-systems', () => problem(409, { code: 'joint_meeting_system_exists', detail: 'exists' }));
    const onClose = vi.fn();
    renderWithApp(<JointMeetingSystemFormModal open onClose={onClose} />);

    const dialog = await fillSystem(userEvent.setup());

    expect(await within(dialog).findByText(zhCN['error.jointMeetingSystemExists'])).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  describe('editing', () => {
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

    async function rename(actor: Actor, name: string) {
      const dialog = await screen.findByRole('dialog');
      const field = await within(dialog).findByDisplayValue(system.name);
      await actor.clear(field);
      await actor.paste(name);
      await actor.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
      return dialog;
    }

    it('loads the system and saves the change with its ETag, leaving the region as it is', async () => {
      server.on('GET', '/api/v1/joint-meeting-systems/s-1', () => json(system, 200, { ETag: '"4"' }));
      server.on('PUT', '/api/v1/joint-meeting-systems/s-1', () => json({ id: 's-1', version: 5 }));
      const onClose = vi.fn();
      renderWithApp(<JointMeetingSystemFormModal open systemId="s-1" onClose={onClose} />);

      const dialog = await rename(userEvent.setup(), '府山街道矛盾纠纷联席会议');

      await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 5000 });
      expect(within(dialog).getByLabelText(zhCN['jointMeetings.region'])).toBeDisabled();
      const [put] = server.requestsTo('PUT', '/api/v1/joint-meeting-systems/s-1');
      expect(put?.headers.get('If-Match')).toBe('"4"');
      expect(put?.body).toEqual({
        name: '府山街道矛盾纠纷联席会议',
        convenerUserId: null,
        convenerName: '王强',
        convenerPost: '街道党工委书记',
        memberUnitIds: ['n-1'],
        establishedOn: '2020-03-01',
      });
    });

    it('asks to try again after a stale save and saves the next time with the reloaded ETag', async () => {
      server.on(
        'GET',
        '/api/v1/joint-meeting-systems/s-1',
        () => json(system, 200, { ETag: '"4"' }),
        () => json({ ...system, version: 5 }, 200, { ETag: '"5"' }),
      );
      server.on(
        'PUT',
        '/api/v1/joint-meeting-systems/s-1',
        () => problem(412, { detail: 'stale' }),
        () => json({ id: 's-1', version: 6 }),
      );
      const onClose = vi.fn();
      renderWithApp(<JointMeetingSystemFormModal open systemId="s-1" onClose={onClose} />);
      const actor = userEvent.setup();

      const dialog = await rename(actor, '府山街道矛盾纠纷联席会议');

      expect(await within(dialog).findByRole('alert')).toHaveTextContent(zhCN['error.stale']);
      expect(onClose).not.toHaveBeenCalled();
      await waitFor(() => expect(server.requestsTo('GET', '/api/v1/joint-meeting-systems/s-1')).toHaveLength(2));
      await rename(actor, '府山街道矛盾纠纷联席会议');
      await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 5000 });
      const puts = server.requestsTo('PUT', '/api/v1/joint-meeting-systems/s-1');
      expect(puts.map((put) => put.headers.get('If-Match'))).toEqual(['"4"', '"5"']);
    });

    it('shows a field the API refused under that field', async () => {
      server.on('GET', '/api/v1/joint-meeting-systems/s-1', () => json(system, 200, { ETag: '"4"' }));
      server.on('PUT', '/api/v1/joint-meeting-systems/s-1', () =>
        problem(400, { title: 'One or more fields are invalid.', errors: { establishedOn: ['After the first meeting.'] } }),
      );
      const onClose = vi.fn();
      renderWithApp(<JointMeetingSystemFormModal open systemId="s-1" onClose={onClose} />);

      const dialog = await rename(userEvent.setup(), '府山街道矛盾纠纷联席会议');

      expect(await within(dialog).findByText('After the first meeting.')).toBeInTheDocument();
      expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
      expect(onClose).not.toHaveBeenCalled();
    });
  });
});
