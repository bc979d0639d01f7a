// End to end: the real host serves the built SPA and the API over a fresh database seeded with demo
// data; Debian's Chromium signs in as the city admin, creates a town user, and signs in as that user.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { demoPassword, startJourney } from './support/journey.mjs';

const journey = startJourney('sign-in');
const screenshot = (what) => journey.screenshot(page, what);

const town = '府山街道';
const newUser = { userName: 'fushan.e2e.handler', displayName: '府山承办测试', password: 'Fushan#Handler-2026' };

let page;
const townRegionNames = new Set();

async function signIn(userName, password) {
  await page.getByLabel('用户名').fill(userName);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * Picks an option of an antd Select (or TreeSelect) after typing to narrow it. The list can
 * re-render under the pointer while its data arrives, so a pick is repeated until it shows: a
 * single select closes its list, a multiple one marks the option selected.
 */
async function choose(scope, label, search, option, { multiple = false } = {}) {
  const field = scope.getByLabel(label, { exact: true });
  await field.click();
  await field.fill(search);
  const isSelected = () => option.evaluate((element) => element.classList.contains('ant-select-item-option-selected'));
  for (let attempt = 1; ; attempt += 1) {
    if (multiple && (await isSelected())) return;
    await option.click();
    try {
      if (multiple) {
        await page.waitForFunction((element) => element.classList.contains('ant-select-item-option-selected'), await option.elementHandle(), { timeout: 3_000 });
      } else {
        await option.waitFor({ state: 'hidden', timeout: 3_000 });
      }
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function regionTreeTitles(testId) {
  const tree = page.getByTestId(testId);
  await tree.locator('.ant-tree-treenode').first().waitFor();
  return tree.locator('.ant-tree-title').allInnerTexts();
}

describe('sign-in journey', { timeout: 300_000 }, () => {
  before(async () => {
    page = await journey.openPage({ width: 1366, height: 900 });
  });

  test('a visitor of / is sent to the sign-in page, in Chinese', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: '登录' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    await screenshot('sign-in');
    await assertAccessible(page, 'sign-in page');
  });

  test('a wrong password is answered with a clear message', async () => {
    await signIn('city.admin', 'not-the-password-1');
    const alert = page.getByTestId('sign-in-error');
    await alert.waitFor();
    assert.match(await alert.innerText(), /用户名或密码错误/);
    assert.match(page.url(), /\/login$/);
    await screenshot('wrong-password');
  });

  test('the city admin signs in and sees the layout with their unit and jurisdiction', async () => {
    await signIn('city.admin', demoPassword);
    await page.waitForURL((url) => url.pathname === '/');
    const currentUser = page.getByTestId('current-user');
    await currentUser.waitFor();
    assert.match(await currentUser.innerText(), /绍兴市/);
    await page.getByTestId('waiting-work').waitFor();
    await page.getByRole('menuitem', { name: '组织管理' }).waitFor();
    await screenshot('admin-home');
    await assertAccessible(page, 'layout after sign-in');
  });

  test('the admin opens the region tree page', async () => {
    await page.getByRole('menuitem', { name: '行政区划' }).click();
    await page.waitForURL('**/organization/regions');
    const titles = await regionTreeTitles('region-tree');
    assert.ok(titles.includes('绍兴市'), `region tree shows the city: ${titles.join(', ')}`);
    assert.ok(titles.includes('越城区'), 'region tree shows the districts');

    // What a user of the town must see later: the town and its villages, as the API tells the admin.
    const regions = await page.evaluate(async () => {
      const { accessToken } = JSON.parse(sessionStorage.getItem('fengqiao.session'));
      const response = await fetch('/api/v1/regions', { headers: { Authorization: `Bearer ${accessToken}` } });
      return (await response.json()).items;
    });
    const townRegion = regions.find((region) => region.name === town && region.level === 'town');
    assert.ok(townRegion, `${town} is among the admin's regions`);
    for (const region of regions) {
      if (region.id === townRegion.id || region.parentId === townRegion.id) townRegionNames.add(region.name);
    }
    assert.ok(townRegionNames.size > 1, `${town} has villages`);
    await screenshot('region-tree');
  });

  test('the admin creates a handler in a unit of the town', async () => {
    await page.getByRole('menuitem', { name: '用户' }).click();
    await page.waitForURL('**/organization/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.waitFor();

    await dialog.getByLabel('用户名').fill(newUser.userName);
    await dialog.getByLabel('姓名').fill(newUser.displayName);
    await dialog.getByLabel('初始密码').fill(newUser.password);
    await choose(
      dialog,
      '单位所在区划（用于筛选单位）',
      town,
      page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: new RegExp(`^${town}$`) }),
    );
    await choose(
      dialog,
      '所属单位',
      town,
      page.locator('.ant-select-item-option').filter({ hasText: `· ${town} · 乡镇（街道）` }).first(),
    );
    await choose(dialog, '角色', '承办', page.locator('.ant-select-item-option').filter({ hasText: '承办人' }), {
      multiple: true,
    });
    await screenshot('create-user-form');
    await dialog.getByRole('button', { name: '新建' }).click();

    await page.getByText(`用户 ${newUser.displayName} 已创建。`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('searchbox', { name: '按用户名或姓名搜索' }).fill(newUser.userName);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByRole('cell', { name: newUser.userName, exact: true }).waitFor();
    assert.equal(await page.locator('.ant-table-tbody tr.ant-table-row').count(), 1, 'the search finds just the new user');
    await screenshot('user-created');
  });

  test('the admin signs out', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: '登录' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('fengqiao.session')), null);
    await screenshot('signed-out');
  });

  test('the new user sees only the town and its villages', async () => {
    await signIn(newUser.userName, newUser.password);
    await page.waitForURL((url) => url.pathname === '/');
    const currentUser = page.getByTestId('current-user');
    await currentUser.waitFor();
    assert.match(await currentUser.innerText(), new RegExp(newUser.displayName));
    assert.match(await currentUser.innerText(), new RegExp(town));
    assert.equal(await page.getByRole('menuitem', { name: '组织管理' }).count(), 0, 'no organisation admin menu for a handler');

    await page.getByRole('button', { name: '辖区范围' }).click();
    const titles = await regionTreeTitles('jurisdiction-tree');
    assert.deepEqual(new Set(titles), townRegionNames);
    assert.match(await page.getByTestId('profile').innerText(), /承办人/);
    await screenshot('town-user-home');
  });
});
