// End to end: people's suggestions 人民建议征集 and the people's-sentiment diary 民情日记. The district's reviewer publishes a
// topic for 府山街道; a citizen opens it on a phone-sized page and submits a suggestion with name and phone. The reviewer screens
// it valid and assigns it to the district's housing bureau, whose staff answer it with a reasoned reply; the citizen reads
// the reply on the tracking page, without anyone's personal data, and rates it. A town cadre then logs three similar household
// visits on a phone, groups them as one kind of matter 同类事项 and turns it into a petition, which intake's worklist shows to
// the town's petition officer with the door-to-door channel.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { chooseOption, confirmDialog, openedDialog } from './support/browser.mjs';
import { startJourney } from './support/journey.mjs';

const journey = startJourney('suggestions');
const { signedInPage, apiCall, apiSignIn, screenshot } = journey;

const marker = Date.now();
const town = '府山街道';
const housingBureau = '越城区住房和城乡建设局';
const topicTitle = `府山街道背街小巷改造意见征集（${marker}）`;
const suggestionTitle = `建议在背街小巷增设路灯和休息座椅（${marker}）`;
const citizenName = '周建议';
const citizenPhone = '13905750321';
const reply = `感谢您的建议。经研究，您的建议予以采纳：今年第四季度在府山街道背街小巷增设路灯二十盏、休息座椅十处（${marker}）。`;
const matters = [
  `村东头机耕路年久失修，雨天积水严重，村民下地出行困难，希望尽快修缮道路（${marker}）`,
  `村东头机耕路年久失修，雨天积水严重，老人孩子出行困难，希望修缮道路（${marker}）`,
  `村东头机耕路年久失修，雨天积水很严重，村民出行困难，要求尽快修缮道路（${marker}）`,
];
const households = ['王建国', '李秀英', '张阿福'];
const petitionRequest = `请求尽快修缮村东头机耕路并解决雨天积水问题（${marker}）`;

const phone = { width: 390, height: 844 };

let credentials;
let village;
let petitionNumber;

/** The China date of now, moved by whole days, as YYYY-MM-DD. */
function chinaDay(offsetDays = 0) {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** The id of the unit with this name, looked up page by page. */
async function unitId(token, name) {
  let cursor = null;
  do {
    const { json } = await apiCall(token, 'GET', `/api/v1/units?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const unit = json.items.find((item) => item.name === name);
    if (unit) return unit.id;
    cursor = json.nextCursor;
  } while (cursor);
  throw new Error(`No unit named ${name}`);
}

const treeNode = (page, name) => page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: new RegExp(`^${name}$`) });

describe('suggestions journey', { timeout: 600_000 }, () => {
  test('a citizen submits a suggestion on a published topic from a phone-sized page', async () => {
    const reviewer = await apiSignIn('district.suggestion_reviewer');
    const { json: regions } = await apiCall(null, 'GET', '/api/v1/public/regions');
    const region = regions.items.find((item) => item.name === town && item.level === 'town');
    assert.ok(region, `${town} is a town of the demo regions`);
    const { json: topic } = await apiCall(reviewer, 'POST', '/api/v1/suggestion-topics', {
      title: topicTitle,
      description: '街道拟对辖区背街小巷实施综合改造，现公开征求居民意见。',
      regionId: region.id,
      unitId: await unitId(reviewer, housingBureau),
      opensOn: chinaDay(-1),
      closesOn: chinaDay(30),
    });
    await apiCall(reviewer, 'POST', `/api/v1/suggestion-topics/${topic.id}/publication`, undefined, { 'if-match': `"${topic.version}"` });

    const page = await journey.openPage(phone);
    try {
      await page.goto('/public/suggestion-topics');
      await page.getByRole('heading', { name: '人民建议征集' }).waitFor();
      await chooseOption(page.getByLabel('地区', { exact: true }), town, treeNode(page, town));
      await page.getByRole('link', { name: topicTitle }).click();
      await page.getByRole('heading', { name: topicTitle }).waitFor();
      await page.getByText('征集中', { exact: true }).first().waitFor();
      await assertAccessible(page, 'public topic page with the submit form');

      await page.getByLabel('建议标题', { exact: true }).fill(suggestionTitle);
      await page.getByLabel('建议内容', { exact: true }).fill('背街小巷夜间照明不足，老人散步没有歇脚的地方，建议增设路灯和座椅。');
      await page.getByLabel('姓名', { exact: true }).fill(citizenName);
      await page.getByLabel('联系电话', { exact: true }).fill(citizenPhone);
      await screenshot(page, 'phone-topic-form');
      await page.getByRole('button', { name: '提交建议' }).click();
      const trackingCode = (await page.getByTestId('suggestion-tracking-code').innerText()).trim();
      const secret = (await page.getByTestId('suggestion-secret').innerText()).trim();
      assert.match(trackingCode, /^JY/, 'a suggestion tracking code');
      assert.ok(secret, 'the secret is shown once');
      credentials = { trackingCode, secret };
      await screenshot(page, 'phone-submitted');
      await assertAccessible(page, 'suggestion submitted with the tracking code');
    } finally {
      await page.context().close();
    }
  });

  test('the reviewer screens it valid and assigns it to the housing bureau', async () => {
    const page = await signedInPage('district.suggestion_reviewer');
    try {
      await page.goto('/suggestions');
      await page.getByRole('heading', { name: '建议办理' }).waitFor();
      await page.getByRole('link', { name: suggestionTitle }).click();
      await page.getByRole('heading', { name: suggestionTitle }).waitFor();
      await page.getByTestId('suggestion-status').filter({ hasText: /^待甄别$/ }).waitFor();
      await page.getByText('139****0321').waitFor();
      assert.equal(await page.getByText(citizenPhone).count(), 0, 'the phone is masked until revealed');
      await assertAccessible(page, 'suggestion page');

      await page.getByRole('button', { name: '甄别', exact: true }).click();
      const screening = await openedDialog(page.getByRole('dialog', { name: '甄别' }));
      assert.ok(await screening.getByLabel('有效', { exact: true }).isChecked(), 'valid is the default outcome');
      await confirmDialog(screening, '保存');
      await page.getByTestId('suggestion-status').filter({ hasText: /^有效建议$/ }).waitFor();

      await page.getByRole('button', { name: '交部门研究', exact: true }).click();
      const assigning = await openedDialog(page.getByRole('dialog', { name: '交部门研究' }));
      // A multiple select stays open after a pick, and a second click would take the unit out again.
      const departments = assigning.getByLabel('研究部门', { exact: true });
      await departments.click();
      await departments.fill('越城区住房');
      await page.locator('.ant-select-item-option').filter({ hasText: housingBureau }).first().click();
      await page.locator('.ant-select-item-option-selected').filter({ hasText: housingBureau }).waitFor();
      await departments.press('Escape');
      await assigning.locator('.ant-select-selection-item').filter({ hasText: housingBureau }).waitFor();
      await screenshot(page, 'assign-dialog');
      await confirmDialog(assigning, '保存');
      await page.getByTestId('suggestion-status').filter({ hasText: /^部门研究中$/ }).waitFor();
      await page.getByText(new RegExp(`^${housingBureau}，\\d{4}-\\d{2}-\\d{2} 前答复$`)).waitFor();
      await screenshot(page, 'assigned');
    } finally {
      await page.context().close();
    }
  });

  test("the housing bureau's staff answer it with a reasoned reply", async () => {
    const page = await signedInPage('district.handler');
    try {
      await page.goto('/suggestions/assigned');
      await page.getByRole('heading', { name: '交本单位研究的建议' }).waitFor();
      await page.getByRole('link', { name: suggestionTitle }).click();
      await page.getByRole('heading', { name: suggestionTitle }).waitFor();
      assert.equal(await page.getByText(citizenName).count(), 0, 'the department does not see the submitter');
      await assertAccessible(page, 'assigned suggestion page');

      await page.getByRole('button', { name: '答复建议' }).click();
      const answering = await openedDialog(page.getByRole('dialog', { name: '答复建议' }));
      await answering.getByLabel('采纳', { exact: true }).check();
      const replyField = answering.getByLabel('给建议人的答复', { exact: true });
      assert.match(await replyField.inputValue(), /予以采纳/, 'the decision starts the reply from its template');
      await replyField.fill(reply);
      await screenshot(page, 'answer-dialog');
      await confirmDialog(answering, '保存');
      await page.getByText('本单位的答复').waitFor();
      await page.getByText(reply).waitFor();
    } finally {
      await page.context().close();
    }
  });

  test('the citizen reads the reply on the tracking page and rates it', async () => {
    const page = await journey.openPage(phone);
    try {
      await page.goto('/public/suggestions/track');
      await page.getByLabel('查询码', { exact: true }).fill(credentials.trackingCode);
      await page.getByLabel('查询密码', { exact: true }).fill(credentials.secret);
      await page.getByRole('button', { name: '查询', exact: true }).click();
      await page.getByText(reply).waitFor();
      await page.getByText('已答复', { exact: true }).waitFor();
      await page.getByText(topicTitle).waitFor();
      const shown = await page.locator('main, body').first().innerText();
      assert.ok(!shown.includes(citizenName) && !shown.includes('0321'), 'the tracking page shows no personal data');
      await assertAccessible(page, 'suggestion tracking page with the reply');
      await screenshot(page, 'phone-reply');

      await page.getByLabel('满意', { exact: true }).check();
      await page.getByLabel('意见（可不填）', { exact: true }).fill('答复及时，期待早日落实。');
      await page.getByRole('button', { name: '提交评价' }).click();
      await page.getByText('感谢您的评价。').waitFor();
      await page.getByRole('button', { name: '提交评价' }).waitFor({ state: 'detached' });
      const rated = await page.locator('.ant-descriptions-item').filter({ hasText: '您的评价' }).innerText();
      assert.match(rated, /满意/);
      await screenshot(page, 'phone-rated');
    } finally {
      await page.context().close();
    }

    const reviewer = await apiSignIn('district.suggestion_reviewer');
    const { json: list } = await apiCall(reviewer, 'GET', '/api/v1/suggestions?status=answered&limit=100');
    const item = list.items.find((entry) => entry.trackingCode === credentials.trackingCode);
    assert.ok(item, 'the suggestion is answered in the worklist');
    const { json: detail } = await apiCall(reviewer, 'GET', `/api/v1/suggestions/${item.id}`);
    assert.equal(detail.rating, 'satisfied');
  });

  test('a cadre logs three similar household visits on a phone and turns the group into a petition', async () => {
    const cadre = await apiSignIn('town.petition_officer');
    const { json: regions } = await apiCall(cadre, 'GET', '/api/v1/regions');
    village = regions.items.find((item) => item.level === 'village');
    assert.ok(village, `${town} has villages`);

    const page = await signedInPage('town.petition_officer', phone);
    try {
      let lastEntry;
      for (const [index, matter] of matters.entries()) {
        await page.goto('/diary/new');
        await page.getByRole('heading', { name: '记民情日记' }).waitFor();
        if (index === 0) await assertAccessible(page, 'diary log page on a phone');
        await page.getByLabel('走访户（户主）', { exact: true }).fill(households[index]);
        await chooseOption(page.getByLabel('村（社区）/ 乡镇', { exact: true }), village.name, treeNode(page, village.name));
        await chooseOption(page.getByLabel('事项类别', { exact: true }), '城乡', '城乡建设');
        await page.getByLabel('反映事项', { exact: true }).fill(matter);
        if (index === 0) await screenshot(page, 'phone-diary-form');
        await page.getByRole('button', { name: '保存', exact: true }).click();
        await page.waitForURL(/\/diary\/entries\/[0-9a-f-]{36}$/);
        await page.getByRole('heading', { name: '民情日记详情' }).waitFor();
        lastEntry = page.url();
      }

      assert.ok(lastEntry);
      const similar = page.getByText('相似的待处理日记（2 条）');
      await similar.waitFor();
      for (const household of households.slice(0, 2)) {
        assert.ok(await page.getByRole('checkbox', { name: new RegExp(household) }).isChecked(), `${household}'s visit is proposed for grouping`);
      }
      await screenshot(page, 'phone-similar-entries');
      await assertAccessible(page, 'diary entry with similar entries on a phone');

      await page.getByRole('button', { name: '归为同类事项', exact: true }).click();
      const grouping = await openedDialog(page.getByRole('dialog', { name: '将 3 条日记归为同类事项' }));
      await grouping.getByLabel('事项名称', { exact: true }).fill(`村东头机耕路失修积水（${marker}）`);
      await confirmDialog(grouping, '归为同类事项');
      await page.waitForURL(/\/diary\/matters\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: `村东头机耕路失修积水（${marker}）` }).waitFor();
      const householdCount = await page.locator('.ant-descriptions-item').filter({ hasText: '涉及户数' }).innerText();
      assert.match(householdCount, /3/, 'three households');
      await assertAccessible(page, 'diary matter on a phone');

      await page.getByRole('button', { name: '转为信访件' }).click();
      const converting = await openedDialog(page.getByRole('dialog', { name: '转为信访件' }));
      await converting.getByLabel('信访诉求', { exact: true }).fill(petitionRequest);
      await screenshot(page, 'phone-convert-dialog');
      await confirmDialog(converting, '确认转办');
      const outcome = page.getByTestId('diary-outcome');
      await outcome.waitFor();
      const text = await outcome.innerText();
      const number = text.match(/越城-\d{4}-\d{6}/);
      assert.ok(number, `the matter names the petition it became: ${text}`);
      petitionNumber = number[0];
      assert.equal(await page.getByRole('button', { name: '转为信访件' }).count(), 0, 'a matter becomes a petition once');
      await screenshot(page, 'phone-matter-petition');
    } finally {
      await page.context().close();
    }
  });

  test("the petition is in intake's worklist for the town's petition officer, as a door-to-door visit", async () => {
    const page = await signedInPage('town.petition_officer');
    try {
      await page.getByRole('menuitem', { name: '信访件列表' }).click();
      await page.waitForURL('**/petitions');
      await page.getByLabel('关键词', { exact: true }).fill(petitionNumber);
      await page.getByRole('button', { name: '查询' }).click();
      const link = page.getByRole('link', { name: petitionNumber, exact: true });
      await link.waitFor();
      const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ has: link });
      await row.getByText('走访', { exact: true }).waitFor();
      await screenshot(page, 'petition-worklist');
      await link.click();
      await page.getByRole('heading', { name: `信访件 ${petitionNumber}` }).waitFor();
      await page.getByText(petitionRequest).waitFor();
      for (const household of households) await page.getByText(household, { exact: false }).first().waitFor();
    } finally {
      await page.context().close();
    }
  });
});
