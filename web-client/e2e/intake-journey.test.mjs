// End to end: a district petition officer registers a phone petition through the form, sees the
// petitioner's earlier petition suggested as a likely duplicate, finds the new one in the worklist,
// opens it and accepts it with a notice that then shows in the timeline.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { chooseOption, confirmDialog } from './support/browser.mjs';
import { demoPassword, startJourney } from './support/journey.mjs';
import { outputDir } from './support/paths.mjs';

const journey = startJourney('intake');
const screenshot = (what) => journey.screenshot(page, what);

const town = '府山街道';
// A valid GB 11643 number (check character computed, not a real person).
const idNumber = '330602199003070016';
const request = `请求修复小区漏水的公共管道（端到端测试 ${Date.now()}）`;
const notice = '您的信访事项已受理，将在六十日内办结并书面答复。';

let page;
let petitionNumber;

describe('intake journey', { timeout: 300_000 }, () => {
  before(async () => {
    page = await journey.openPage();
  });

  test('the district petition officer signs in', async () => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill('district.petition_officer');
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('menuitem', { name: '信访件列表' }).waitFor();
  });

  test('the same petitioner already has a petition on record', async () => {
    const signIn = await fetch(`${journey.host.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userName: 'district.petition_officer', password: demoPassword }),
    });
    const { accessToken } = await signIn.json();
    const regions = await (await fetch(`${journey.host.baseUrl}/api/v1/regions`, { headers: { authorization: `Bearer ${accessToken}` } })).json();
    const earlier = await fetch(`${journey.host.baseUrl}/api/v1/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        channel: 'letter',
        petitioners: [{ name: '王测试', idNumber, phone: '13800138000', address: null, isRepresentative: false }],
        persons: 1,
        request: '去年反映的楼道积水问题',
        facts: '',
        reasons: '',
        category: 'urban_rural_construction',
        regionId: regions.items.find((region) => region.name === town).id,
        receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
        channelReference: null,
        urgent: false,
        crossBoundary: false,
      }),
    });
    assert.equal(earlier.status, 201);
  });

  test('registers a phone petition through the form, sees the duplicate suggestion and lands on the petition page', async () => {
    await page.getByRole('menuitem', { name: '登记信访件' }).click();
    await page.waitForURL('**/petitions/new');
    await page.getByRole('heading', { name: '登记信访件' }).waitFor();

    await chooseOption(page.getByLabel('渠道', { exact: true }), null, /^来电$/);
    await page.getByLabel('姓名', { exact: true }).fill('王测试');
    const id = page.getByLabel('身份证号', { exact: true });
    await id.fill(idNumber.slice(0, 17) + '1');
    await page.getByText('身份证号格式或校验位不正确').waitFor();
    await id.fill(idNumber);
    await page.getByText('身份证号格式或校验位不正确').waitFor({ state: 'hidden' });
    await page.getByLabel('联系电话', { exact: true }).fill('13800138000');
    await chooseOption(page.getByLabel('类别', { exact: true }), '城乡', '城乡建设');
    await chooseOption(
      page.getByLabel('问题属地', { exact: true }),
      town,
      page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: new RegExp(`^${town}$`) }),
    );
    await page.getByLabel('诉求', { exact: true }).fill(request);
    await page.getByLabel('事实', { exact: true }).fill('自今年五月起楼道公共管道持续漏水。');
    await page.getByTestId('duplicate-candidates').getByText('同一信访人').waitFor();
    await screenshot('register-form');

    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.waitForURL(/\/petitions\/[0-9a-f-]{36}$/);
    const heading = page.getByRole('heading', { name: /^信访件 / });
    await heading.waitFor();
    petitionNumber = (await heading.innerText()).replace(/^信访件\s*/, '').trim();
    assert.ok(petitionNumber, 'the petition page shows the number');
    assert.equal(await page.getByTestId('petition-status').innerText(), '已登记');
    await screenshot('petition-registered');
  });

  test('finds the new petition in the worklist and opens it', async () => {
    await page.getByRole('menuitem', { name: '信访件列表' }).click();
    await page.waitForURL('**/petitions');
    await page.getByLabel('关键词', { exact: true }).fill(petitionNumber);
    await page.getByRole('button', { name: '查询' }).click();
    const link = page.getByRole('link', { name: petitionNumber, exact: true });
    await link.waitFor();
    // The new petition is also the newest on the unfiltered first page: wait for the search's own result.
    await page.waitForFunction(() => document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length === 1, null, { timeout: 20_000 });
    await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' });
    assert.equal(await page.locator('.ant-table-tbody tr.ant-table-row').count(), 1, 'the search finds just the new petition');
    await screenshot('worklist');
    await link.click();
    await page.getByRole('heading', { name: `信访件 ${petitionNumber}` }).waitFor();
  });

  test('classifies it as accepted with a notice', async () => {
    await page.getByRole('button', { name: '分类处理' }).click();
    const dialog = page.getByRole('dialog', { name: '分类处理' });
    await dialog.waitFor();
    await dialog.getByLabel('告知内容').fill(notice);
    await screenshot('classify-dialog');
    await confirmDialog(dialog);
    await page.getByTestId('petition-status').filter({ hasText: '已受理' }).waitFor();
    await page.getByTestId('petition-timeline').getByText(notice).waitFor();
    await screenshot('petition-accepted');
  });

  test('a member of the public submits online, without signing in, and tracks the petition', async () => {
    const phone = await journey.openPage({ width: 390, height: 844 });
    try {
      await phone.goto('/public/submit');
      await phone.getByRole('heading', { name: '网上信访' }).waitFor();
      await phone.getByLabel('姓名', { exact: true }).fill('李公众');
      await phone.getByLabel('联系电话', { exact: true }).fill('13900139000');
      await chooseOption(
        phone.getByLabel('事项所在地（区县、乡镇街道）', { exact: true }),
        town,
        phone.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: new RegExp(`^${town}$`) }),
      );
      await chooseOption(phone.getByLabel('类别', { exact: true }), '城乡', '城乡建设');
      await phone.getByLabel('诉求', { exact: true }).fill('请求修复路灯（公众端到端测试）');
      await phone.getByRole('button', { name: '提交' }).click();
      const code = (await phone.getByTestId('tracking-code').innerText()).trim();
      const secret = (await phone.getByTestId('tracking-secret').innerText()).trim();
      assert.ok(code && secret, 'the tracking code and secret are shown');
      await phone.screenshot({ path: join(outputDir, 'intake-06-public-submitted.png') });

      await phone.getByRole('button', { name: '查询办理进度' }).click();
      await phone.waitForURL('**/public/track');
      await phone.getByLabel('查询码', { exact: true }).fill(code);
      await phone.getByLabel('查询密码', { exact: true }).fill(secret);
      await phone.getByRole('button', { name: '查询', exact: true }).click();
      await phone.getByText('已登记').first().waitFor();
      await phone.getByLabel('补充内容', { exact: true }).fill('补充：路灯位于小区东门。');
      await phone.getByRole('button', { name: '提交补充' }).click();
      await phone.getByText('补充内容已提交。').waitFor();
      await phone.screenshot({ path: join(outputDir, 'intake-07-public-tracked.png'), fullPage: true });
    } finally {
      await phone.context().close();
    }
  });
});
