// End to end: the home page shows what waits for the signed-in user. The town handler sees the counts of their unit's
// cases (the demo data seeds cases in every state), opens the tab of one count and finds that many cases there; the
// district petition officer opens the petitions awaiting acceptance from theirs, and the city leader the overdue cases.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { startJourney } from './support/journey.mjs';

const journey = startJourney('home');
const { signedInPage, screenshot } = journey;

/** The count a home page tile shows, once its module's counts have loaded. */
async function countOf(page, key) {
  const tile = page.getByTestId(`count-${key}`);
  await tile.waitFor();
  return Number((await tile.innerText()).match(/^\s*(\d+)/)?.[1] ?? Number.NaN);
}

/** The rows of the case worklist's table once loaded, following "load more" until every case of the tab shows. */
async function allCaseRows(page) {
  const table = page.getByTestId('case-table');
  await table.locator('.ant-table-tbody tr.ant-table-row').first().or(table.locator('.ant-table-placeholder .ant-empty')).waitFor();
  const more = page.getByRole('button', { name: '加载更多' });
  while (await more.isVisible()) {
    const before = await table.locator('.ant-table-tbody tr.ant-table-row').count();
    await more.click();
    await page.waitForFunction(
      ([selector, count]) => document.querySelectorAll(selector).length > count,
      ['[data-testid="case-table"] .ant-table-tbody tr.ant-table-row', before],
    );
  }
  return table.locator('.ant-table-tbody tr.ant-table-row').count();
}

describe('home page journey', { timeout: 600_000 }, () => {
  test("a town handler's home page shows their waiting work, and a count opens its tab with those cases", async () => {
    const page = await signedInPage('town.handler');
    try {
      const waiting = page.getByTestId('waiting-work');
      await waiting.getByRole('heading', { name: '待办事项' }).waitFor();
      const counts = {};
      for (const tab of ['to_sign', 'to_reply', 'due_soon', 'overdue']) counts[tab] = await countOf(page, tab);
      assert.equal(await page.getByTestId('count-to_assign').count(), 0, 'a handler has no bureau tab');
      assert.equal(await page.getByTestId('count-to_accept').count(), 0, 'a handler does not accept petitions');
      const answer = await countOf(page, 'to_answer');
      assert.ok(Number.isInteger(answer), 'the suggestions assigned to the unit are counted');
      const busiest = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
      assert.ok(busiest[1] > 0, `the demo data gives the town handler waiting cases: ${JSON.stringify(counts)}`);
      assert.match(await page.getByTestId('profile').innerText(), /府山街道办事处/);
      await screenshot(page, 'town-handler');
      await assertAccessible(page, 'town handler home page');

      const [tab, count] = busiest;
      await page.getByTestId(`count-${tab}`).click();
      await page.waitForURL((url) => url.pathname === '/cases' && url.searchParams.get('tab') === tab);
      await page.getByRole('heading', { name: '案件工作台' }).waitFor();
      const selected = page.getByRole('tab', { selected: true });
      assert.match(await selected.innerText(), new RegExp(`${count}$`), 'the tab shows the count the home page showed');
      // The table shows its empty placeholder until the tab's first page arrives; this tab has cases.
      await page.getByTestId('case-table').locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      assert.equal(await allCaseRows(page), count, `the ${tab} tab lists the cases the home page counted`);
      await screenshot(page, `cases-${tab}`);
    } finally {
      await page.context().close();
    }
  });

  test('the district petition officer opens the petitions awaiting acceptance from the home page', async () => {
    const page = await signedInPage('district.petition_officer');
    try {
      const toAccept = await countOf(page, 'to_accept');
      await countOf(page, 'to_assign');
      await countOf(page, 'supervision_orders');
      await screenshot(page, 'petition-officer');
      await assertAccessible(page, 'petition officer home page');

      await page.getByTestId('count-to_accept').click();
      await page.waitForURL((url) => url.pathname === '/petitions' && url.searchParams.get('status') === 'registered');
      const filters = page.locator('form[id="worklist-filters"]');
      await filters.getByText('已登记', { exact: true }).waitFor();
      const rows = page.locator('main .ant-table-tbody tr.ant-table-row');
      if (toAccept > 0) {
        await rows.first().waitFor();
        const statuses = await rows.locator('.ant-tag').filter({ hasText: /^已登记$/ }).count();
        assert.equal(statuses, await rows.count(), 'only registered petitions are listed');
      } else {
        await page.locator('main .ant-table-placeholder .ant-empty').waitFor();
      }
      await screenshot(page, 'petitions-to-accept');
    } finally {
      await page.context().close();
    }
  });

  test('the city leader opens the overdue cases of the city from the home page', async () => {
    const page = await signedInPage('city.leader');
    try {
      const overdue = await countOf(page, 'overdue');
      assert.ok(overdue > 0, 'the demo data holds overdue cases in the city');
      await countOf(page, 'to_accept');
      await page.getByTestId('count-overdue').click();
      await page.waitForURL((url) => url.pathname === '/cases' && url.searchParams.get('tab') === 'overdue');
      assert.match(await page.getByRole('tab', { selected: true }).innerText(), new RegExp(`^超期\\s*${overdue}$`));
      await page.getByTestId('case-table').locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      await screenshot(page, 'city-leader-overdue');
    } finally {
      await page.context().close();
    }
  });
});
