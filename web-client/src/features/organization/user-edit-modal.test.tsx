import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { UserEditModal } from './user-edit-modal';

const user = {
  id: 'u-1',
  userName: 'town.handler',
  displayName: '张三',
  unitId: 'n-1',
  unitName: '府山街道办事处',
  roles: ['handler'],
  isDisabled: false,
  version: 7,
  grantableRoles: ['handler', 'agent', 'analyst'],
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
});

async function rename(to: string) {
  const dialog = await screen.findByRole('dialog');
  const name = within(dialog).getByLabelText(zhCN['users.displayName']);
  await waitFor(() => expect(name).toHaveValue('张三'));
  const actor = userEvent.setup();
  await actor.clear(name);
  await actor.type(name, to);
  await actor.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
}

describe('edit user form', () => {
  it('sends the ETag it read as If-Match', async () => {
    server.on('GET', '/api/v1/users/u-1', () => json(user, 200, { ETag: '"7"' }));
    server.on('PUT', '/api/v1/users/u-1', () => json({ id: 'u-1', version: 8 }));
    const onClose = vi.fn();
    renderWithApp(<UserEditModal userId="u-1" onClose={onClose} />);

    await rename('张三丰');

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [put] = server.requestsTo('PUT', '/api/v1/users/u-1');
    expect(put?.headers.get('If-Match')).toBe('"7"');
    expect(put?.body).toEqual({ displayName: '张三丰', roles: ['handler'] });
  });

  it('offers only the roles the administrator may grant, keeping the others the user holds', async () => {
    server.on('GET', '/api/v1/users/u-1', () =>
      json({ ...user, roles: ['handler', 'discipline_inspector'] }, 200, { ETag: '"7"' }),
    );
    renderWithApp(<UserEditModal userId="u-1" onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByLabelText(zhCN['users.displayName'])).toHaveValue('张三'));

    await userEvent.setup().click(within(dialog).getByLabelText(zhCN['users.roles']));

    const option = async (role: 'agent' | 'admin' | 'discipline_inspector') =>
      (await screen.findAllByTitle(zhCN[`role.${role}`])).find((element) => element.classList.contains('ant-select-item'));
    expect(await option('agent')).not.toHaveClass('ant-select-item-option-disabled');
    expect(await option('admin')).toHaveClass('ant-select-item-option-disabled');
    expect(await option('discipline_inspector')).toHaveClass('ant-select-item-option-disabled');
    expect(within(dialog).getByText(zhCN['users.rolesGrantable'])).toBeInTheDocument();
  });

  it('locks the roles when none may be changed, as on the administrator’s own account', async () => {
    server.on('GET', '/api/v1/users/u-1', () => json({ ...user, roles: ['admin'], grantableRoles: [] }, 200, { ETag: '"7"' }));
    renderWithApp(<UserEditModal userId="u-1" onClose={vi.fn()} />);

    expect(await screen.findByText(zhCN['users.rolesLocked'])).toBeInTheDocument();
    expect(screen.getByLabelText(zhCN['users.roles'])).toBeDisabled();
  });

  it('explains a refused role change', async () => {
    server.on('GET', '/api/v1/users/u-1', () => json(user, 200, { ETag: '"7"' }));
    server.on('PUT', '/api/v1/users/u-1', () => problem(403, { code: 'role_not_grantable', detail: 'not yours' }));
    const onClose = vi.fn();
    renderWithApp(<UserEditModal userId="u-1" onClose={onClose} />);

    await rename('张三丰');

    expect(await screen.findByRole('alert')).toHaveTextContent(zhCN['error.roleNotGrantable']);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('explains a stale version and reloads the user', async () => {
    server.on(
      'GET',
      '/api/v1/users/u-1',
      () => json(user, 200, { ETag: '"7"' }),
      () => json({ ...user, displayName: '李四', version: 8 }, 200, { ETag: '"8"' }),
    );
    server.on('PUT', '/api/v1/users/u-1', () => problem(412, { title: 'Precondition Failed' }));
    const onClose = vi.fn();
    renderWithApp(<UserEditModal userId="u-1" onClose={onClose} />);

    await rename('张三丰');

    expect(await screen.findByRole('alert')).toHaveTextContent(zhCN['error.stale']);
    await waitFor(() => expect(screen.getByLabelText(zhCN['users.displayName'])).toHaveValue('李四'));
    expect(server.requestsTo('GET', '/api/v1/users/u-1')).toHaveLength(2);
    expect(onClose).not.toHaveBeenCalled();
  });
});
