// End to end: the four must-visits and the joint work systems. The district petition officer registers an emergency in
// 府山街道, which the month's must-visit proposals then give as the town's reason; the district leader plans a visit from
// the proposal, holds it and records a batch there, which the reception figures count as a must-visit batch. The leader
// records a meeting of the town's joint-meeting system, corrects one of this year's responsibility letters and withdraws
// it, and the coverage no longer counts it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { chooseOption, confirmDialog } from './support/browser.mjs';
import { startJourney } from './support/journey.mjs';

const journey = startJourney('work-systems');
const { signedInPage, screenshot } = journey;

const marker = `必访端到端 ${Date.now()}`;
const incident = `暴雨致老旧小区围墙倒塌，住户临时安置（${marker}）`;
const visitPlace = `府山街道便民服务中心（${marker}）`;
const batchMatter = `反映围墙倒塌后临时安置补助（${marker}）`;
const matters = `研究府山街道老旧小区围墙倒塌后的安置和修缮（${marker}）`;
const letterTown = '稽山街道';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const proposalRow = (page, town) =>
  page.getByTestId('must-visit-proposals').locator('tr').filter({ has: page.getByRole('cell', { name: town, exact: true }) });

/** The must-visit batches the figures page counts for the leader's district this year. */
async function mustVisitBatches(page) {
  await page.goto('/receptions/figures');
  const batches = page.getByTestId('figures-must-visits').locator('.ant-statistic').filter({ hasText: /^批次/ });
  await batches.waitFor();
  return Number((await batches.locator('.ant-statistic-content-value').innerText()).replace(/\D/g, ''));
}

describe('must-visits and joint work systems journey', { timeout: 600_000 }, () => {
  test('an emergency the petition officer registers makes 府山街道 a must-visit of the month, with the reason', async () => {
    const page = await signedInPage('district.petition_officer');
    try {
      await page.getByRole('menuitem', { name: '四个必访' }).click();
      await page.waitForURL('**/receptions/must-visits');
      await page.getByRole('button', { name: '登记突发事件' }).click();
      const dialog = page.getByRole('dialog', { name: '登记突发事件' });
      await chooseOption(dialog.getByLabel('地点（乡镇、村社）'), null, /^府山街道$/);
      // Enter commits the typed date and closes the picker, whose open panel would otherwise take the next click.
      await dialog.getByLabel('日期', { exact: true }).fill(today);
      await dialog.getByLabel('日期', { exact: true }).press('Enter');
      await dialog.getByLabel('事件经过', { exact: true }).fill(incident);
      await confirmDialog(dialog, '保存');

      await page.getByTestId('must-visit-incidents').getByText(incident).waitFor();
      const row = proposalRow(page, '府山街道');
      await row.getByText('突发事件', { exact: true }).waitFor();
      await row.getByText(incident, { exact: false }).waitFor();
      await screenshot(page, 'proposal-emergency');
      await assertAccessible(page, 'must-visits page');
    } finally {
      await page.context().close();
    }
  });

  test('the district leader plans the visit from the proposal, holds it, and its batch counts as a must-visit batch', async () => {
    const page = await signedInPage('district.leader');
    try {
      const before = await mustVisitBatches(page);

      await page.goto('/receptions/must-visits');
      const row = proposalRow(page, '府山街道');
      await row.getByRole('button', { name: '安排下访' }).click();
      const dialog = page.getByRole('dialog', { name: '安排下访：府山街道' });
      // Enter commits the typed date and closes the picker, whose open panel would otherwise take the next click.
      await dialog.getByLabel('日期', { exact: true }).fill(today);
      await dialog.getByLabel('日期', { exact: true }).press('Enter');
      await dialog.getByLabel('开始时间', { exact: true }).fill('00:00');
      await dialog.getByLabel('结束时间', { exact: true }).fill('23:59');
      await dialog.getByLabel('地点', { exact: true }).fill(visitPlace);
      await dialog.getByLabel('下访事由', { exact: true }).fill('四个必访：走访受灾住户，化解安置诉求');
      await confirmDialog(dialog, '保存');
      const planned = row.getByRole('link', { name: new RegExp(`^${today}`) });
      await planned.waitFor();
      await screenshot(page, 'visit-planned');

      await planned.click();
      await page.waitForURL(/\/receptions\/[0-9a-f-]{36}$/);
      await page.getByText(visitPlace).waitFor();
      await page.getByRole('button', { name: '开始接访' }).click();
      await page.getByTestId('reception-status').filter({ hasText: /^已接访$/ }).waitFor();
      const form = page.getByTestId('batch-form');
      await form.getByText('当场解决', { exact: true }).click();
      await form.getByLabel('反映事项', { exact: true }).fill(batchMatter);
      await form.getByRole('button', { name: '登记批次' }).click();
      await page.getByTestId('batch-table').locator('tr').filter({ hasText: batchMatter }).waitFor();

      assert.equal(await mustVisitBatches(page), before + 1, 'the visit’s batch is a must-visit batch');
      await screenshot(page, 'figures-must-visits');
    } finally {
      await page.context().close();
    }
  });

  test('the district leader records a meeting of 府山街道’s joint-meeting system', async () => {
    const page = await signedInPage('district.leader');
    try {
      await page.getByRole('menuitem', { name: '联席会议' }).click();
      await page.waitForURL('**/organization/joint-meetings');
      const row = page.locator('tr').filter({ hasText: '府山街道矛盾纠纷化解联席会议' });
      await row.getByRole('button', { name: '记录会议' }).click();
      const dialog = page.getByRole('dialog', { name: /^记录会议/ });
      const heldOn = dialog.getByLabel('召开日期', { exact: true });
      await heldOn.click();
      await heldOn.fill(today);
      await heldOn.press('Enter');
      await dialog.getByLabel('议题', { exact: true }).fill(matters);
      await dialog.getByLabel('议定事项', { exact: true }).fill('街道牵头，住建、民政部门一周内完成安置补助核定。');
      await confirmDialog(dialog, '保存');

      await row.getByRole('button', { name: '会议记录' }).click();
      await page.getByText(`议题：${matters}`).waitFor();
      await screenshot(page, 'joint-meeting-recorded');
      await assertAccessible(page, 'joint meetings with the meetings drawer');
    } finally {
      await page.context().close();
    }
  });

  test('the district leader corrects a responsibility letter, then withdraws it, and the coverage no longer counts it', async () => {
    const page = await signedInPage('district.leader');
    try {
      await page.getByRole('menuitem', { name: '责任书' }).click();
      await page.waitForURL('**/organization/responsibility-letters');
      const townLetters = page.locator('.ant-statistic').filter({ hasText: /^区→镇街责任书/ });
      await townLetters.getByText('17 / 17').waitFor();
      // The district's letters to its towns: one page, without the towns' letters to their villages.
      await chooseOption(page.getByLabel('按层级筛选'), null, /^签至乡镇/);

      const cell = (name) => page.getByRole('cell', { name, exact: true });
      // The district's letter to the town (the town's letters to its villages name it as the issuing side).
      const row = page.locator('tr').filter({ has: cell('越城区') }).filter({ has: cell(letterTown) });
      await row.getByRole('button', { name: '更正' }).click();
      const correcting = page.getByRole('dialog', { name: new RegExp(`^更正责任书：越城区→${letterTown}`) });
      const name = correcting.getByLabel('第 1 位签订人姓名', { exact: true });
      await name.fill('王更正');
      await correcting.getByLabel('原因', { exact: true }).fill(`签订人登记有误，按原件更正（${marker}）`);
      await confirmDialog(correcting, '更正');
      await row.getByText('王更正', { exact: false }).waitFor();

      await row.getByRole('button', { name: '撤销' }).click();
      const withdrawing = page.getByRole('dialog', { name: new RegExp(`^撤销责任书：越城区→${letterTown}`) });
      await withdrawing.getByLabel('原因', { exact: true }).fill(`误登记（${marker}）`);
      await confirmDialog(withdrawing, '撤销');
      await row.getByText('已撤销', { exact: true }).waitFor();
      assert.equal(await row.getByRole('button', { name: '更正' }).count(), 0, 'a withdrawn letter changes no more');
      await townLetters.getByText('16 / 17').waitFor();
      await screenshot(page, 'letter-withdrawn');
      // Scanned once the dialogs' closing animations have ended: while it fades out a dialog has lost its name.
      await page.waitForFunction(() => [...document.querySelectorAll('.ant-modal')].every((modal) => modal.getClientRects().length === 0));
      await assertAccessible(page, 'responsibility letters with a withdrawn letter');
    } finally {
      await page.context().close();
    }
  });
});
