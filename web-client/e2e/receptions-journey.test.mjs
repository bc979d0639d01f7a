// End to end: the district leader (district.leader) schedules a reception day for today from the calendar, opens it
// from the calendar, holds it and records three batches during it — one solved on the spot, one explained, one assigned
// with a petition registered on the spot; the public sees the day on the phone page of reception days; the district
// petition bureau finds the assigned batch's case in its "to assign" tab; the leader then takes charge (包案) of that
// case from the reception page. The new pages are scanned for accessibility as the sign-in journey scans its pages.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { chooseOption, confirmDialog } from './support/browser.mjs';
import { startJourney } from './support/journey.mjs';
import { outputDir } from './support/paths.mjs';

const journey = startJourney('receptions');
const { signedInPage, screenshot } = journey;

const marker = `接访端到端 ${Date.now()}`;
const place = `越城区信访接待中心（${marker}）`;
const solvedMatter = `咨询老旧小区加装电梯补助政策（${marker}-当场）`;
const explainedMatter = `反映医保报销比例疑问（${marker}-解释）`;
const assignedMatter = `反映企业拖欠工资，要求协调支付（${marker}-交办）`;
const instruction = '请区人社局依法核实，按期书面答复信访人。';

let receptionPath;
let assignedNumber;

const batchForm = (page) => page.getByTestId('batch-form');
const batchRow = (page, matter) => page.getByTestId('batch-table').locator('tr').filter({ hasText: matter });

/** Fills and sends the new-batch form, then waits for the batch in the table (the form empties itself). */
async function recordBatch(page, { outcome, matter, petitioner, category }) {
  const form = batchForm(page);
  await form.getByText(outcome, { exact: true }).click();
  await form.getByLabel('反映事项', { exact: true }).fill(matter);
  if (petitioner) {
    await form.getByRole('button', { name: '添加信访人' }).click();
    await form.getByLabel('信访人1姓名', { exact: true }).fill(petitioner.name);
    if (petitioner.phone) await form.getByLabel('信访人1电话', { exact: true }).fill(petitioner.phone);
  }
  if (category) {
    await chooseOption(form.getByLabel('类别', { exact: true }), category, category);
    await form.getByLabel('领导交办意见', { exact: true }).fill(instruction);
  }
  await form.getByRole('button', { name: '登记批次' }).click();
  await batchRow(page, matter).waitFor();
}

/** Opens a worklist tab and waits for the case's link, reloading while the case is not there yet. */
async function openFromWorklist(page, tabName, number) {
  await page.getByRole('menuitem', { name: '案件工作台' }).click();
  await page.waitForURL('**/cases**');
  await page.getByRole('tab', { name: new RegExp(`^${tabName}`) }).click();
  const link = page.getByTestId('case-table').getByRole('link', { name: number, exact: true });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await link.waitFor({ timeout: 3_000 });
      return link;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.reload();
    }
  }
}

describe('receptions journey', { timeout: 600_000 }, () => {
  test('the district leader schedules a reception day for today and opens it from the calendar', async () => {
    const page = await signedInPage('district.leader');
    try {
      await page.getByRole('menuitem', { name: '接访日历' }).click();
      await page.waitForURL('**/receptions**');
      await page.getByRole('status').filter({ hasText: /本月/ }).waitFor();
      await assertAccessible(page, 'reception calendar');

      await page.getByRole('button', { name: '安排接访' }).click();
      const dialog = page.getByRole('dialog', { name: '安排接访' });
      await dialog.waitFor();
      await dialog.getByLabel('地点', { exact: true }).fill(place);
      await dialog.getByLabel('接访主题', { exact: true }).fill('劳动保障');
      await screenshot(page, 'schedule-dialog');
      await dialog.getByRole('button', { name: '确定' }).click();
      await page.waitForURL(/\/receptions\/[0-9a-f-]{36}$/);
      receptionPath = new URL(page.url()).pathname;
      await page.getByTestId('reception-status').filter({ hasText: /^已安排$/ }).waitFor();

      await page.getByRole('button', { name: '返回日历' }).click();
      const link = page.locator(`a[href="${receptionPath}"]`);
      await link.click();
      await page.waitForURL(`**${receptionPath}`);
      await page.getByText(place).waitFor();
      await screenshot(page, 'reception-scheduled');
    } finally {
      await page.context().close();
    }
  });

  test('the leader holds the reception and records a solved, an explained and an assigned batch', async () => {
    const page = await signedInPage('district.leader');
    try {
      await page.goto(receptionPath);
      await page.getByRole('button', { name: '开始接访' }).click();
      await page.getByTestId('reception-status').filter({ hasText: /^已接访$/ }).waitFor();

      await recordBatch(page, { outcome: '当场解决', matter: solvedMatter });
      await recordBatch(page, { outcome: '解释息访', matter: explainedMatter, petitioner: { name: '李群众', phone: '13900139000' } });
      await recordBatch(page, { outcome: '交办', matter: assignedMatter, petitioner: { name: '赵工人' }, category: '劳动社保' });

      const assigned = batchRow(page, assignedMatter);
      await assigned.getByText('交办', { exact: true }).waitFor();
      assignedNumber = (await assigned.getByRole('link', { name: /^越城-\d{4}-\d+$/ }).innerText()).trim();
      const totals = page.getByTestId('reception-totals').locator('.ant-statistic');
      await totals.filter({ hasText: /^批次3$/ }).waitFor();
      await totals.filter({ hasText: /^人次3$/ }).waitFor();

      // The phone is shown masked; the full view is asked for (and audited) one petitioner at a time.
      const explained = batchRow(page, explainedMatter);
      await explained.getByText('139****9000').waitFor();
      await explained.getByRole('button', { name: '查看李群众的完整证件号和电话' }).click();
      await explained.getByText('13900139000').waitFor();
      await screenshot(page, 'three-batches');
      await assertAccessible(page, 'reception page');
    } finally {
      await page.context().close();
    }
  });

  test('the public sees the published reception day on a phone, without signing in', async () => {
    const phone = await journey.openPage({ width: 390, height: 844 });
    try {
      await phone.goto('/public/reception-days');
      await phone.getByText(`越城区 · ${place}`).waitFor();
      await phone.screenshot({ path: join(outputDir, 'receptions-public-days.png'), fullPage: false });
      await assertAccessible(phone, 'public reception days');
    } finally {
      await phone.context().close();
    }
  });

  test("the assigned batch's case waits in the district petition bureau's \"to assign\" tab", async () => {
    assert.ok(assignedNumber, 'the assigned batch registered a petition');
    const page = await signedInPage('district.petition_officer');
    try {
      const link = await openFromWorklist(page, '待交办', assignedNumber);
      await link.click();
      await page.getByRole('heading', { name: `案件 ${assignedNumber}` }).waitFor();
      await page.getByTestId('case-status').filter({ hasText: /^待交办$/ }).waitFor();
      await screenshot(page, 'case-to-assign');
    } finally {
      await page.context().close();
    }
  });

  test('the leader takes charge of the assigned batch’s case from the reception page', async () => {
    const page = await signedInPage('district.leader');
    try {
      await page.goto(receptionPath);
      const assigned = batchRow(page, assignedMatter);
      await assigned.getByRole('button', { name: /^包案/ }).click();
      const dialog = page.getByRole('dialog', { name: /^包案第 \d+ 批的案件$/ });
      await dialog.getByLabel('包案说明', { exact: true }).fill('本人包案，督促区人社局一周内化解。');
      await confirmDialog(dialog);
      // In charge, the row links the case beside the petition (the case carries the petition's number).
      await assigned.getByRole('link', { name: assignedNumber, exact: true }).nth(1).waitFor();
      assert.equal(await assigned.getByRole('button', { name: /^包案/ }).count(), 0, 'no second take-charge button');
      await screenshot(page, 'in-charge');
    } finally {
      await page.context().close();
    }
  });
});
