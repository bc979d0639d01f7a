// End to end: the town administrator opens the units page, creates a unit of the town in the modal, finds it in the
// list and in the unit picker of a new user, retires it, and finds it again only among the retired units.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { chooseOption, openedDialog } from './support/browser.mjs';
import { demoPassword, startJourney } from './support/journey.mjs';

const journey = startJourney('organization');
const screenshot = (what) => journey.screenshot(page, what);

const unitName = `府山街道综治中心${Date.now() % 100_000}`;

let page;

const unitRow = () => page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: unitName });

describe('organization journey', { timeout: 300_000 }, () => {
  before(async () => {
    page = await journey.openPage();
  });

  test('the town admin opens the units page', async () => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill('town.admin');
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/organization/units');
    await page.getByRole('heading', { name: '单位', exact: true }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
  });

  test('creates a unit of the town in the modal', async () => {
    await page.getByRole('button', { name: '新建单位' }).click();
    const dialog = await openedDialog(page.getByRole('dialog'));
    await dialog.getByText('新建单位').waitFor();
    await dialog.getByLabel('单位名称', { exact: true }).fill(unitName);
    await chooseOption(dialog.getByLabel('类型', { exact: true }), null, '职能部门');
    await chooseOption(
      dialog.getByLabel('所属区划', { exact: true }),
      '府山街道',
      page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').filter({ hasText: '府山街道' }).first(),
    );
    await chooseOption(dialog.getByLabel('上级单位', { exact: true }), '府山街道办事处', '府山街道办事处');
    await dialog.getByLabel('联系电话', { exact: true }).fill('0575-85123456');
    await screenshot('create-unit');
    await dialog.getByRole('button', { name: '新建', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await unitRow().waitFor();
    assert.match(await unitRow().innerText(), /府山街道办事处/);
    await screenshot('unit-listed');
  });

  test('the new unit is offered when creating a user', async () => {
    await page.goto('/organization/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = await openedDialog(page.getByRole('dialog'));
    const picker = dialog.getByLabel('所属单位', { exact: true });
    await picker.click();
    await picker.fill(unitName);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: unitName }).first().waitFor();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  test('retires the unit, which then shows only among the retired', async () => {
    await page.goto('/organization/units');
    await unitRow().getByRole('button', { name: '撤销' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '确定' }).click();
    await unitRow().waitFor({ state: 'detached' });

    await page.getByRole('switch', { name: '显示已撤销单位' }).click();
    await unitRow().waitFor();
    await unitRow().getByText('已撤销').waitFor();
    assert.equal(await unitRow().getByRole('button', { name: '撤销' }).count(), 0, 'a retired unit offers no more changes');
    await screenshot('unit-retired');
  });
});
