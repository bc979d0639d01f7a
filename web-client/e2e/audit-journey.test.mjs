// End to end: a scripted session leaves sensitive traces (a petition officer reveals a petitioner's ID number,
// the city admin changes a user's roles and disables the user); the city admin then opens the audit trail,
// finds the reveal, the role change and the disable, reads the roles before and after, and verifies the chain.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { chooseOption } from './support/browser.mjs';
import { demoPassword, startJourney } from './support/journey.mjs';

const journey = startJourney('audit');
const screenshot = (what) => journey.screenshot(page, what);

// A valid GB 11643 number (check character computed, not a real person).
const idNumber = '330602199003070016';

let page;
let petitionerId;
let userId;

async function signIn(userName) {
  const response = await fetch(`${journey.host.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName, password: demoPassword }),
  });
  assert.equal(response.status, 200);
  const { accessToken } = await response.json();
  return async (method, path, body, headers = {}) => {
    const answer = await fetch(`${journey.host.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    assert.ok(answer.ok, `${method} ${path} answered ${answer.status}: ${await answer.clone().text()}`);
    return answer.json();
  };
}

/** Rows of the audit table once the table has settled after a search. */
async function rowsAfterSearch() {
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' });
  return page.locator('.ant-table-tbody tr.ant-table-row');
}

describe('audit journey', { timeout: 300_000 }, () => {
  before(async () => {
    page = await journey.openPage();
  });

  test('a petition officer reveals a petitioner', async () => {
    const officer = await signIn('district.petition_officer');
    const regions = await officer('GET', '/api/v1/regions');
    const petition = await officer('POST', '/api/v1/petitions', {
      channel: 'visit',
      petitioners: [{ name: '赵审计', idNumber, phone: '13800138001', address: null, isRepresentative: false }],
      persons: 1,
      request: '请求核实小区物业收费标准（审计端到端测试）',
      facts: '',
      reasons: '',
      category: 'urban_rural_construction',
      regionId: regions.items.find((region) => region.name === '府山街道').id,
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      channelReference: null,
      urgent: false,
      crossBoundary: false,
    });
    const detail = await officer('GET', `/api/v1/petitions/${petition.id}`);
    petitionerId = detail.petitioners[0].id;
    const revealed = await officer('POST', `/api/v1/petitions/${petition.id}/petitioners/${petitionerId}/reveal`);
    assert.equal(revealed.idNumber, idNumber);
  });

  test('the city admin changes a user\'s roles and disables the user', async () => {
    const admin = await signIn('city.admin');
    let unitId;
    for (let cursor = ''; !unitId; ) {
      const units = await admin('GET', `/api/v1/units?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      unitId = units.items.find((unit) => unit.name === '府山街道办事处')?.id;
      assert.ok(unitId || units.nextCursor, 'the demo town government is listed');
      cursor = units.nextCursor;
    }
    const created = await admin('POST', '/api/v1/users', {
      userName: `audit.e2e${Date.now()}`,
      displayName: '钱审计',
      password: 'Audit-Journey-2026',
      unitId,
      roles: ['handler'],
    });
    userId = created.id;
    await admin('PUT', `/api/v1/users/${userId}`, { displayName: '钱审计', roles: ['handler', 'analyst'] }, { 'if-match': '"1"' });
    await admin('POST', `/api/v1/users/${userId}/disable`, undefined, { 'if-match': '"2"' });
  });

  test('the city admin opens the audit trail from the menu', async () => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill('city.admin');
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL('**/audit');
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
  });

  test('finds the reveal, without the ID number', async () => {
    await chooseOption(page.getByLabel('操作', { exact: true }), '查看', '查看完整个人信息');
    const rows = await rowsAfterSearch();
    const reveal = rows.filter({ hasText: petitionerId.slice(-12) });
    await reveal.waitFor();
    await reveal.getByText('查看完整个人信息').waitFor();
    await reveal.getByText('越城区信访局').waitFor();
    assert.equal(await page.getByText(idNumber).count(), 0, 'the trail never shows the revealed number');
    await screenshot('reveal');
  });

  test('finds the role change and the disable of the user, with the roles before and after', async () => {
    await page.getByRole('button', { name: '重置' }).click();
    await chooseOption(page.getByLabel('对象类型', { exact: true }), null, /^用户$/);
    await page.getByLabel('对象 ID', { exact: true }).fill(userId);
    const rows = await rowsAfterSearch();
    await page.waitForFunction(() => document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length === 5, null, { timeout: 20_000 });
    const actions = await rows.locator('.ant-tag').allInnerTexts();
    // Entries of one transaction share their time; their order among themselves is not defined.
    assert.deepEqual([...actions].sort(), ['停用用户', '修改用户', '授予角色', '创建用户', '授予角色'].sort());
    await screenshot('user-entries');

    await rows.filter({ hasText: '修改用户' }).getByRole('button', { name: '详情' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('审计记录详情').waitFor();
    assert.match(await drawer.getByTestId('audit-before').innerText(), /"roles": \[\s*"handler"\s*\]/);
    assert.match(await drawer.getByTestId('audit-after').innerText(), /"handler",\s*"analyst"/);
    await screenshot('role-change-details');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  test('verifies the hash chain', async () => {
    await page.getByRole('button', { name: '校验哈希链' }).click();
    await page.getByText(/^哈希链完整：已校验 \d+ 条记录。$/).waitFor();
    await screenshot('verified');
  });
});
