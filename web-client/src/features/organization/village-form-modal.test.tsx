import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Region } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { VillageFormModal } from './village-form-modal';

const town: Region = {
  id: 'r-town',
  code: '330602001',
  name: '府山街道',
  level: 'town',
  parentId: 'r-district',
  path: '/330602/330602001/',
  retiredAt: null,
  version: 1,
};
const village: Region = {
  id: 'r-village',
  code: '330602001003',
  name: '西小路社区',
  level: 'village',
  parentId: 'r-town',
  path: '/330602/330602001/330602001003/',
  retiredAt: null,
  version: 3,
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
});

describe('village form', () => {
  it('creates a village under the town, starting its code with the town’s', async () => {
    server.on('POST', '/api/v1/regions/r-town/villages', () => json({ id: 'r-new', version: 1 }, 201));
    const onClose = vi.fn();
    renderWithApp(<VillageFormModal target={{ mode: 'create', town }} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    const actor = userEvent.setup();
    const code = within(dialog).getByLabelText(zhCN['regions.code']);
    expect(code).toHaveValue('330602001');

    await actor.type(code, '901');
    await actor.type(within(dialog).getByLabelText(zhCN['regions.name']), '新风社区');
    await actor.click(within(dialog).getByRole('button', { name: zhCN['common.create'] }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [post] = server.requestsTo('POST', '/api/v1/regions/r-town/villages');
    expect(post?.body).toEqual({ code: '330602001901', name: '新风社区' });
  });

  it('refuses a code outside the town before sending anything', async () => {
    renderWithApp(<VillageFormModal target={{ mode: 'create', town }} onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog');
    const actor = userEvent.setup();
    const code = within(dialog).getByLabelText(zhCN['regions.code']);
    await actor.clear(code);
    await actor.type(code, '110101001001');
    await actor.type(within(dialog).getByLabelText(zhCN['regions.name']), '新风社区');
    await actor.click(within(dialog).getByRole('button', { name: zhCN['common.create'] }));

    await waitFor(() => expect(within(dialog).getAllByText('所属镇街代码 330602001 后加三位数字')).toHaveLength(2));
    expect(server.requestsTo('POST', '/api/v1/regions/r-town/villages')).toHaveLength(0);
  });

  it('renames with the version shown as If-Match and puts a taken name on the field', async () => {
    server.on(
      'PUT',
      '/api/v1/regions/r-village',
      () => problem(409, { code: 'region_name_taken', detail: 'taken' }),
      () => json({ id: 'r-village', version: 4 }),
    );
    const onClose = vi.fn();
    renderWithApp(<VillageFormModal target={{ mode: 'rename', village }} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    const actor = userEvent.setup();
    const name = within(dialog).getByLabelText(zhCN['regions.name']);
    expect(name).toHaveValue('西小路社区');
    await actor.clear(name);
    await actor.type(name, '府山社区');
    await actor.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));

    expect(await within(dialog).findByText(zhCN['error.regionNameTaken'])).toBeInTheDocument();
    await actor.clear(name);
    await actor.type(name, '西小路新社区');
    await actor.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const puts = server.requestsTo('PUT', '/api/v1/regions/r-village');
    expect(puts.map((put) => put.headers.get('If-Match'))).toEqual(['"3"', '"3"']);
    expect(puts[1]?.body).toEqual({ name: '西小路新社区' });
  });
});
