import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { RoutingRuleDialog } from './routing-rule-dialog';

const rule = {
  id: 'r-1',
  category: 'health',
  regionId: 'g-2',
  regionPath: '/330600/330602/',
  regionName: '越城区',
  unitId: 'n-1',
  unitName: '越城区卫生健康局',
  version: 3,
};

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/petition-categories', () => json({ items: [{ code: 'health', nameZh: '卫生健康', nameEn: 'Health' }] }));
  server.on('GET', '/api/v1/regions', () =>
    json({ items: [{ id: 'g-2', code: '330602', name: '越城区', level: 'district', path: '/330600/330602/', parentId: null }] }),
  );
  server.on('GET', '/api/v1/units', () =>
    json({
      items: [{ id: 'n-1', name: '越城区卫生健康局', kind: 'functional_department', regionId: 'g-2', regionName: '越城区', regionPath: '/330600/330602/' }],
      nextCursor: null,
    }),
  );
});

async function save() {
  const dialog = await screen.findByRole('dialog');
  await waitFor(() => expect(within(dialog).getByText('卫生健康')).toBeInTheDocument());
  await userEvent.setup().click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
}

describe('routing rule dialog', () => {
  it('changes a rule with the version it listed as If-Match', async () => {
    server.on('PUT', '/api/v1/routing-rules/r-1', () => json({ id: 'r-1', version: 4 }));
    const onClose = vi.fn();
    renderWithApp(<RoutingRuleDialog open rule={rule} onClose={onClose} />);

    await save();

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [put] = server.requestsTo('PUT', '/api/v1/routing-rules/r-1');
    expect(put?.headers.get('If-Match')).toBe('"3"');
    expect(put?.body).toEqual({ category: 'health', regionId: 'g-2', unitId: 'n-1' });
  });

  it('says so when the category already has a rule in that region', async () => {
    server.on('PUT', '/api/v1/routing-rules/r-1', () => problem(409, { code: 'routing_rule_exists', detail: 'exists' }));
    const onClose = vi.fn();
    renderWithApp(<RoutingRuleDialog open rule={rule} onClose={onClose} />);

    await save();

    expect(await screen.findByRole('alert')).toHaveTextContent(zhCN['error.routingRuleExists']);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('asks for every field before creating', async () => {
    renderWithApp(<RoutingRuleDialog open rule={null} onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.setup().click(within(dialog).getByRole('button', { name: zhCN['common.save'] }));
    // antd validates the fields one after another: wait until all three have answered.
    await waitFor(() => expect(within(dialog).getAllByText(zhCN['routing.required'])).toHaveLength(3), { timeout: 5000 });
    expect(server.requestsTo('POST', '/api/v1/routing-rules')).toHaveLength(0);
  });
});
