import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { UserCreateModal } from './user-create-modal';

const regions = [
  { id: 'r-district', code: '330602', name: '越城区', level: 'district', parentId: 'r-city', path: '/r-city/r-district/' },
  { id: 'r-town', code: '330602001', name: '府山街道', level: 'town', parentId: 'r-district', path: '/r-city/r-district/r-town/' },
];
const units = [
  { id: 'n-town', name: '府山街道办事处', kind: 'town_government', regionId: 'r-town', regionName: '府山街道' },
];

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  // The modal talks through the app's shared client, which calls the global fetch.
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/regions', () => json({ items: regions }));
  server.on('GET', '/api/v1/units', () => json({ items: units, nextCursor: null }));
  server.on('GET', '/api/v1/users/grantable-roles', () => json({ roles: ['handler', 'agent'] }));
});

async function fillAndSubmit() {
  const user = userEvent.setup();
  const dialog = await screen.findByRole('dialog');
  // Pasting each value is one input event instead of one per character, which keeps the form test quick on a busy machine.
  const fill = async (label: string, value: string) => {
    await user.click(within(dialog).getByLabelText(label));
    await user.paste(value);
  };
  await fill(zhCN['users.userName'], 'fushan.handler');
  await fill(zhCN['users.displayName'], '王承办');
  await fill(zhCN['users.password'], 'Handler-2026-ok');
  await user.click(within(dialog).getByLabelText(zhCN['users.unit']));
  await user.click(await screen.findByTitle('府山街道办事处 · 府山街道 · 乡镇（街道）'));
  await waitFor(() => expect(within(dialog).getByLabelText(zhCN['users.roles'])).toBeEnabled());
  await user.click(within(dialog).getByLabelText(zhCN['users.roles']));
  await user.click(await screen.findByTitle(zhCN['role.handler']));
  await user.click(within(dialog).getByRole('button', { name: zhCN['common.create'] }));
}

describe('create user form', () => {
  it('sends the new user and closes', async () => {
    server.on('POST', '/api/v1/users', () => json({ id: 'u-new', version: 1 }, 201));
    const onClose = vi.fn();
    renderWithApp(<UserCreateModal open onClose={onClose} />);

    await fillAndSubmit();

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(server.requestsTo('POST', '/api/v1/users')[0]?.body).toEqual({
      userName: 'fushan.handler',
      displayName: '王承办',
      password: 'Handler-2026-ok',
      unitId: 'n-town',
      roles: ['handler'],
    });
  });

  it('offers the roles the administrator may grant in the chosen unit, and none before', async () => {
    renderWithApp(<UserCreateModal open onClose={vi.fn()} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText(zhCN['users.roles'])).toBeDisabled();
    expect(within(dialog).getByText(zhCN['users.rolesAfterUnit'])).toBeInTheDocument();

    await user.click(within(dialog).getByLabelText(zhCN['users.unit']));
    await user.click(await screen.findByTitle('府山街道办事处 · 府山街道 · 乡镇（街道）'));
    await waitFor(() => expect(within(dialog).getByLabelText(zhCN['users.roles'])).toBeEnabled());
    await user.click(within(dialog).getByLabelText(zhCN['users.roles']));

    const option = async (role: 'agent' | 'discipline_inspector') =>
      (await screen.findAllByTitle(zhCN[`role.${role}`])).find((element) => element.classList.contains('ant-select-item'));
    expect(await option('agent')).not.toHaveClass('ant-select-item-option-disabled');
    expect(await option('discipline_inspector')).toHaveClass('ant-select-item-option-disabled');
    expect(server.requestsTo('GET', '/api/v1/users/grantable-roles')[0]?.path).toBe('/api/v1/users/grantable-roles?unitId=n-town');
  });

  it('shows the API field errors under their fields, nested ones included', async () => {
    server.on('POST', '/api/v1/users', () =>
      problem(400, {
        errors: { Password: ['The password must contain letters and digits.'], 'Roles[0]': ['Unknown role.'] },
      }),
    );
    const onClose = vi.fn();
    renderWithApp(<UserCreateModal open onClose={onClose} />);

    await fillAndSubmit();

    expect(await screen.findByText('The password must contain letters and digits.')).toBeInTheDocument();
    expect(await screen.findByText('Unknown role.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('says when the user name is taken', async () => {
    server.on('POST', '/api/v1/users', () => problem(409, { code: 'user_name_taken', detail: "The user name 'fushan.handler' is taken." }));
    renderWithApp(<UserCreateModal open onClose={vi.fn()} />);

    await fillAndSubmit();

    expect(await screen.findByText(zhCN['error.userNameTaken'])).toBeInTheDocument();
  });

  it('checks the user name and password rules before calling the API', async () => {
    renderWithApp(<UserCreateModal open onClose={vi.fn()} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(zhCN['users.userName']), 'Bad Name');
    await user.type(within(dialog).getByLabelText(zhCN['users.password']), 'short1');
    await user.click(within(dialog).getByRole('button', { name: zhCN['common.create'] }));

    await waitFor(() => expect(within(dialog).getAllByText(zhCN['users.userNameRule'])).toHaveLength(2));
    await waitFor(() => expect(within(dialog).getAllByText(zhCN['users.passwordRule'])).toHaveLength(2));
    expect(server.requestsTo('POST', '/api/v1/users')).toHaveLength(0);
  });
});
