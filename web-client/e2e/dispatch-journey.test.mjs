// End to end: a petition submitted online is accepted by the district petition bureau; the case that the
// dispatch module opens from that event shows in the bureau's "to assign" tab; the officer assigns it to the
// town government; the town handler signs for it and replies with a PDF attached; the citizen sees the reply,
// downloads the PDF and rates the reply on the tracking page; the handler completes the closure checklist and closes the case. A second journey: the unit a case
// was assigned to returns it, the bureau re-assigns it to the suggested unit, which sees it to sign for.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { chooseOption, confirmDialog, openedDialog } from './support/browser.mjs';
import { startJourney } from './support/journey.mjs';
import { outputDir } from './support/paths.mjs';

const journey = startJourney('dispatch');
const { signedInPage, apiCall, apiSignIn, screenshot } = journey;

const town = '府山街道';
const townGovernment = '府山街道办事处';
const districtHousing = '越城区住房和城乡建设局';
const marker = `交办端到端 ${Date.now()}`;
const onlineRequest = `请求修复小区门口的路灯（${marker}-网上）`;
const returnedRequest = `请求清理河道垃圾（${marker}-退回）`;
const instructions = '请于期限内核实处理并书面答复信访人。';
const replyText = '经现场核实，路灯线路老化，已于本周更换，现已恢复照明。';
const replyFile = { name: '信访处理意见书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n') };

/** The region tree's node of the demo town (the tree shows it once the search narrows it). */
const townNode = (page) => page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: new RegExp(`^${town}$`) });
const unitOption = (page, name) => page.locator('.ant-select-item-option').filter({ hasText: name }).first();

// --- the API, for the steps this journey does not test through the UI ---

/** Accepts a petition as the petition bureau: the dispatch module opens its case from the PetitionAccepted event. */
async function accept(token, petitionId) {
  const { etag } = await apiCall(token, 'GET', `/api/v1/petitions/${petitionId}`);
  await apiCall(token, 'POST', `/api/v1/petitions/${petitionId}/classification`,
    { decision: 'accept', reason: null, notice: '您的信访事项已受理。', legalChannel: null }, { 'if-match': etag });
}

/** The petition whose request contains the text (the worklist searches number and request). */
async function findPetition(token, text) {
  const { json } = await apiCall(token, 'GET', `/api/v1/petitions?text=${encodeURIComponent(text)}`);
  assert.equal(json.items.length, 1, `one petition matches "${text}"`);
  return json.items[0];
}

/** Waits for the case of a petition number to show in a worklist tab (it is opened asynchronously). */
async function waitForCaseInTab(token, tab, number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    let cursor = null;
    do {
      const query = `tab=${tab}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { json } = await apiCall(token, 'GET', `/api/v1/cases?${query}`);
      const found = json.items.find((item) => item.number === number);
      if (found) return found;
      cursor = json.nextCursor;
    } while (cursor);
    if (Date.now() > deadline) throw new Error(`Case ${number} did not show in the ${tab} tab within 60 s.`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function findUnit(token, name) {
  let cursor = null;
  do {
    const { json } = await apiCall(token, 'GET', `/api/v1/units?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const found = json.items.find((unit) => unit.name === name);
    if (found) return found;
    cursor = json.nextCursor;
  } while (cursor);
  throw new Error(`No unit named ${name} in the caller's jurisdiction.`);
}

// --- the UI ---

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
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.reload();
    }
  }
  return link;
}

async function openCase(page, tabName, number) {
  const link = await openFromWorklist(page, tabName, number);
  await link.click();
  await page.getByRole('heading', { name: `案件 ${number}` }).waitFor();
}

/** Clicks an action button of the case page and returns its dialog. */
async function startAction(page, name) {
  await page.getByTestId('case-actions').getByRole('button', { name, exact: true }).click();
  return openedDialog(page.getByRole('dialog', { name }));
}

const statusIs = (page, status) => page.getByTestId('case-status').filter({ hasText: new RegExp(`^${status}$`) }).waitFor();

describe('dispatch journey', { timeout: 600_000 }, () => {
  let officerToken;
  let tracking;
  let onlineNumber;

  test('a citizen petitions online and the district petition bureau accepts the petition', async () => {
    const regions = await apiCall(null, 'GET', '/api/v1/public/regions');
    const townRegion = regions.json.items.find((region) => region.name === town && region.level === 'town');
    assert.ok(townRegion, `the public region list has ${town}`);
    const submitted = await apiCall(null, 'POST', '/api/v1/public/petitions', {
      name: '陈市民',
      idNumber: null,
      phone: '13600136000',
      address: null,
      regionId: townRegion.id,
      category: 'urban_rural_construction',
      request: onlineRequest,
      facts: '',
      reasons: '',
    });
    tracking = submitted.json;
    assert.ok(tracking.trackingCode && tracking.secret, 'the submission answers a tracking code and secret');

    officerToken = await apiSignIn('district.petition_officer');
    const petition = await findPetition(officerToken, `${marker}-网上`);
    onlineNumber = petition.number;
    await accept(officerToken, petition.id);
  });

  test('the officer finds the new case in the "to assign" tab and assigns it to the town government', async () => {
    const page = await signedInPage('district.petition_officer');
    try {
      await openCase(page, '待交办', onlineNumber);
      await statusIs(page, '待交办');
      await screenshot(page, 'case-to-assign');

      const dialog = await startAction(page, '交办');
      await chooseOption(dialog.getByLabel('单位所在区划（用于筛选单位）', { exact: true }), town, townNode(page));
      await chooseOption(dialog.getByLabel('主办单位', { exact: true }), townGovernment, unitOption(page, townGovernment));
      await dialog.getByLabel('交办意见', { exact: true }).fill(instructions);
      await screenshot(page, 'assign-dialog');
      await confirmDialog(dialog);

      await statusIs(page, '待签收');
      await page.getByTestId('case-lead-unit').filter({ hasText: townGovernment }).waitFor();
      await page.getByTestId('case-timeline').getByText(instructions).waitFor();
    } finally {
      await page.context().close();
    }
  });

  test('the town handler signs for the case and replies with the written opinion attached', async () => {
    const page = await signedInPage('town.handler');
    try {
      await openCase(page, '待签收', onlineNumber);
      await confirmDialog(await startAction(page, '签收'));
      await statusIs(page, '办理中');

      const dialog = await startAction(page, '答复');
      await dialog.getByLabel('支持', { exact: true }).check();
      await dialog.getByLabel('答复内容（信访处理意见书）', { exact: true }).fill(replyText);
      await dialog.getByLabel('附件（随答复送达信访人）', { exact: true }).setInputFiles(replyFile);
      await dialog.locator('.ant-upload-list-item-done').filter({ hasText: replyFile.name }).waitFor();
      await confirmDialog(dialog);
      await statusIs(page, '已答复');
      await page.getByTestId('case-reply-attachments').getByText(replyFile.name).waitFor();
      await screenshot(page, 'case-replied');
    } finally {
      await page.context().close();
    }
  });

  test('the citizen sees who handled it and the reply with its file on the tracking page, and rates it in one step', async () => {
    const phone = await journey.openPage({ width: 390, height: 844 });
    try {
      await phone.goto('/public/track');
      await phone.getByLabel('查询码', { exact: true }).fill(tracking.trackingCode);
      await phone.getByLabel('查询密码', { exact: true }).fill(tracking.secret);
      await phone.getByRole('button', { name: '查询', exact: true }).click();
      await phone.getByTestId('public-case-unit').filter({ hasText: townGovernment }).waitFor();
      assert.equal((await phone.getByTestId('public-case-opinion').innerText()).trim(), '支持');
      await phone.getByTestId('public-case-reply').filter({ hasText: replyText }).waitFor();
      const [download] = await Promise.all([
        phone.waitForEvent('download'),
        phone.getByTestId('public-case-attachments').getByRole('button', { name: `下载 ${replyFile.name}` }).click(),
      ]);
      assert.equal(download.suggestedFilename(), replyFile.name);
      await phone.screenshot({ path: join(outputDir, 'dispatch-public-reply.png'), fullPage: true });

      await phone.getByTestId('public-case-rate').getByRole('button', { name: '满意', exact: true }).click();
      await phone.getByTestId('public-case-rating').filter({ hasText: /^满意$/ }).waitFor();
      await phone.getByTestId('public-case-rate').waitFor({ state: 'detached' });
      await phone.screenshot({ path: join(outputDir, 'dispatch-public-rated.png'), fullPage: true });
    } finally {
      await phone.context().close();
    }
  });

  test('the handler completes the closure checklist and closes the case', async () => {
    const page = await signedInPage('town.handler');
    try {
      await openCase(page, '已答复', onlineNumber);
      await page.getByTestId('case-rating').filter({ hasText: /^满意$/ }).waitFor();

      const tickButtons = page.getByTestId('case-checklist').getByRole('button', { name: /^确认完成：/ });
      let open = await tickButtons.count();
      assert.ok(open > 0, 'the case has a closure checklist to complete');
      while (open > 0) {
        await tickButtons.first().click();
        await page.waitForFunction(
          (expected) => document.querySelectorAll('[data-testid="case-checklist"] button[aria-label^="确认完成："]').length === expected,
          open - 1,
        );
        open -= 1;
      }
      await screenshot(page, 'checklist-complete');

      await confirmDialog(await startAction(page, '办结'));
      await statusIs(page, '已办结');
      await screenshot(page, 'case-closed');
    } finally {
      await page.context().close();
    }
  });

  test('a returned case is re-assigned to the suggested unit, which then has it to sign for', async () => {
    // Registered and assigned through the API; the return and re-assignment go through the UI.
    const { json: regions } = await apiCall(officerToken, 'GET', '/api/v1/regions');
    const townRegion = regions.items.find((region) => region.name === town && region.level === 'town');
    const registered = await apiCall(officerToken, 'POST', '/api/v1/petitions', {
      channel: 'visit',
      petitioners: [{ name: '赵来访', idNumber: null, phone: '13700137000', address: null, isRepresentative: false }],
      persons: 1,
      request: returnedRequest,
      facts: '',
      reasons: '',
      category: 'urban_rural_construction',
      regionId: townRegion.id,
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      channelReference: null,
      urgent: false,
      crossBoundary: false,
    });
    const number = registered.json.number;
    await accept(officerToken, registered.json.id);
    const opened = await waitForCaseInTab(officerToken, 'to_assign', number);
    const housing = await findUnit(officerToken, districtHousing);
    const { etag } = await apiCall(officerToken, 'GET', `/api/v1/cases/${opened.id}`);
    await apiCall(officerToken, 'POST', `/api/v1/cases/${opened.id}/assignment`,
      { mode: 'forward', leadUnitId: housing.id, coUnitIds: null, instructions, replyDueOn: null }, { 'if-match': etag });

    const handler = await signedInPage('district.handler');
    try {
      await openCase(handler, '待签收', number);
      const dialog = await startAction(handler, '退回');
      await dialog.getByLabel('退回理由', { exact: true }).fill('河道保洁属街道职责，不属本局管辖。');
      await chooseOption(dialog.getByLabel('单位所在区划（用于筛选单位）', { exact: true }), town, townNode(handler));
      await chooseOption(dialog.getByLabel('建议承办单位（可选）', { exact: true }), townGovernment, unitOption(handler, townGovernment));
      await confirmDialog(dialog);
      await statusIs(handler, '已退回');
    } finally {
      await handler.context().close();
    }

    const officer = await signedInPage('district.petition_officer');
    try {
      await openCase(officer, '被退回', number);
      const dialog = await startAction(officer, '重新交办');
      await dialog.getByText(`建议承办单位：${townGovernment}`).waitFor();
      await dialog.getByRole('button', { name: '采用建议' }).click();
      await dialog.getByText(new RegExp(`^${townGovernment} · `)).waitFor();
      await dialog.getByLabel('交办意见', { exact: true }).fill(instructions);
      await screenshot(officer, 'reassign-dialog');
      await confirmDialog(dialog);
      await statusIs(officer, '待签收');
      await officer.getByTestId('case-lead-unit').filter({ hasText: townGovernment }).waitFor();
    } finally {
      await officer.context().close();
    }

    const townHandler = await signedInPage('town.handler');
    try {
      await openFromWorklist(townHandler, '待签收', number);
      await screenshot(townHandler, 'town-to-sign');
    } finally {
      await townHandler.context().close();
    }
  });
});
