import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { UnitFormModal } from './unit-form-modal';

const regions = [
  { id: 'r-district', code: '330602', name: '越城区', level: 'district', parentId: null, path: '/330602/', retiredAt: null, version: 1 },
  { id: 'r-town', code: '330602001', name: '府山街道', level: 'town', parentId: 'r-district', path: '/330602/330602001/', retiredAt: null, version: 1 },
];
const unit = {
  id: 'n-1',
  name: '府山街道综治中心',
  kind: 'functional_department',
  regionId: 'r-town',
  regionName: '府山街道',
  parentUnitId: null,
  parentUnitName: null,
  contactPhone: '0575-85123456',
  contactAddress: null,
  retiredAt: null,
  version: 4,
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/regions', () => json({ items: regions }));
  server.on('GET', '/api/v1/units', () => json({ items: [unit], nextCursor: null }));
  server.on('GET', '/api/v1/units/n-1', () => json(unit, 200, { ETag: '"4"' }));
});

async function renameTo(name: string) {
  const dialog = await screen.findByRole('dialog');
  const field = within(dialog).getByLabelText(zhCN['units.name']);
  await waitFor(() => expect(field).toHaveValue(unit.name));
  const actor = userEvent.setup();
  await actor.clear(field);
  await actor.type(field, name);
  await actor.click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
  return dialog;
}

describe('unit form', () => {
  it('changes a unit with the ETag it read as If-Match, sending blank contact details as absent', async () => {
    server.on('PUT', '/api/v1/units/n-1', () => json({ id: 'n-1', version: 5 }));
    const onClose = vi.fn();
    renderWithApp(<UnitFormModal open unitId="n-1" onClose={onClose} />);

    await renameTo('府山街道社会治理中心');

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [put] = server.requestsTo('PUT', '/api/v1/units/n-1');
    expect(put?.headers.get('If-Match')).toBe('"4"');
    expect(put?.body).toEqual({
      name: '府山街道社会治理中心',
      kind: 'functional_department',
      regionId: 'r-town',
      parentUnitId: null,
      contactPhone: '0575-85123456',
      contactAddress: null,
    });
  });

  it('shows the API’s field errors on their fields', async () => {
    server.on('PUT', '/api/v1/units/n-1', () =>
      problem(400, { errors: { ParentUnitId: ['A unit cannot report to itself or to a unit below it.'] } }),
    );
    const onClose = vi.fn();
    renderWithApp(<UnitFormModal open unitId="n-1" onClose={onClose} />);

    const dialog = await renameTo('府山街道社会治理中心');

    expect(await within(dialog).findByText('A unit cannot report to itself or to a unit below it.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('puts a taken name on the name field', async () => {
    server.on('PUT', '/api/v1/units/n-1', () => problem(409, { code: 'unit_name_taken', detail: 'taken' }));
    renderWithApp(<UnitFormModal open unitId="n-1" onClose={vi.fn()} />);

    const dialog = await renameTo('府山街道办事处');

    expect(await within(dialog).findByText(zhCN['error.unitNameTaken'])).toBeInTheDocument();
  });

  it('explains a stale version and reloads the unit', async () => {
    server.on(
      'GET',
      '/api/v1/units/n-1',
      () => json(unit, 200, { ETag: '"4"' }),
      () => json({ ...unit, name: '府山街道矛调中心', version: 5 }, 200, { ETag: '"5"' }),
    );
    server.on('PUT', '/api/v1/units/n-1', () => problem(412, { title: 'Precondition Failed' }));
    renderWithApp(<UnitFormModal open unitId="n-1" onClose={vi.fn()} />);

    await renameTo('府山街道社会治理中心');

    expect(await screen.findByRole('alert')).toHaveTextContent(zhCN['error.stale']);
    await waitFor(() => expect(screen.getByLabelText(zhCN['units.name'])).toHaveValue('府山街道矛调中心'));
  });

  it('refuses a contact phone with letters before sending anything', async () => {
    renderWithApp(<UnitFormModal open unitId={null} onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog');
    const actor = userEvent.setup();
    await actor.type(within(dialog).getByLabelText(zhCN['units.contactPhone']), 'call me');
    await actor.click(within(dialog).getByRole('button', { name: zhCN['common.create'] }));

    expect(await within(dialog).findByText(zhCN['units.phoneRule'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/units')).toHaveLength(0);
  });
});
