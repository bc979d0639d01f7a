// End to end: mediation from a referred petition to its outcome on the petitioner's phone. A citizen files a petition
// online about a matter in 北海街道; the district petition officer refers it to mediation on the petition's page, which
// opens a dispute in the nearest room, the brand room 九斤姑娘调解室; both sides consent. The district mediator books a
// session on the room's week calendar (a slot overlapping it is refused on screen, naming the session), then on the
// dispute's page records the session as held, an agreement and a return visit finding it performed; the petitioner then
// sees the outcome on a phone-sized tracking page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { chooseOption, confirmDialog, openedDialog } from './support/browser.mjs';
import { startJourney } from './support/journey.mjs';

const journey = startJourney('mediation');
const { signedInPage, apiCall, apiSignIn, screenshot } = journey;

const marker = `调解端到端 ${Date.now()}`;
const request = `邻居装修占用公共楼道，协商不成，请求调解（${marker}）`;
const brandRoom = '九斤姑娘调解室';
const town = '北海街道';
const referralNotice = '您反映的事项已转人民调解组织调解。';
const terms = `被申请人三日内清理楼道杂物，恢复通行。（${marker}）`;

let tracking;
let dispute;
let mediatorName;
let bookedDay;

/** The China date of now, moved by whole days, as YYYY-MM-DD. */
function chinaDay(offsetDays = 0) {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Polls until `read` answers something, as the outbox carries events between the modules a moment later. */
async function eventually(read, what) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = await read();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

describe('mediation journey', { timeout: 600_000 }, () => {
  test('the petition bureau refers an online petition to mediation; it opens in the brand room and both sides consent', async () => {
    const { json: regions } = await apiCall(null, 'GET', '/api/v1/public/regions');
    const region = regions.items.find((item) => item.name === town && item.level === 'town');
    assert.ok(region, `${town} is a town of the demo regions`);
    ({ json: tracking } = await apiCall(null, 'POST', '/api/v1/public/petitions', {
      name: '钱居民', idNumber: null, phone: '13700137000', address: null, regionId: region.id,
      category: 'urban_rural_construction', request, facts: '', reasons: '',
    }));

    const officer = await apiSignIn('district.petition_officer');
    const { json: found } = await apiCall(officer, 'GET', `/api/v1/petitions?text=${encodeURIComponent(request)}`);
    const petition = found.items[0];
    const page = await signedInPage('district.petition_officer');
    try {
      await page.goto(`/petitions/${petition.id}`);
      await page.getByRole('heading', { name: `信访件 ${petition.number}` }).waitFor();
      await page.getByRole('button', { name: '分类处理' }).click();
      const dialog = await openedDialog(page.getByRole('dialog', { name: '分类处理' }));
      await chooseOption(dialog.getByLabel('处理方式', { exact: true }), null, '转调解');
      await dialog.getByLabel('理由', { exact: true }).fill('属于邻里民间纠纷');
      await dialog.getByLabel('告知内容', { exact: true }).fill(referralNotice);
      await screenshot(page, 'refer-to-mediation');
      await confirmDialog(dialog);
      await page.getByTestId('petition-status').filter({ hasText: '已转调解' }).waitFor();
      await page.getByTestId('petition-timeline').getByText(referralNotice).waitFor();
    } finally {
      await page.context().close();
    }

    const mediator = await apiSignIn('district.mediator');
    dispute = await eventually(async () => {
      const { json } = await apiCall(mediator, 'GET', '/api/v1/mediation/disputes?source=referred_petition&limit=100');
      return json.items.find((item) => item.petitionNumber === petition.number);
    }, 'the referred dispute');
    assert.equal(dispute.roomName, brandRoom, 'the referral opens the dispute in the brand room nearest the petition');
    let version = dispute.version;
    for (const side of ['applicant', 'respondent']) {
      ({ json: { version } } = await apiCall(mediator, 'POST', `/api/v1/mediation/disputes/${dispute.id}/consent`,
        { side, consents: true, guidance: null }, { 'if-match': `"${version}"` }));
    }
    const { json: room } = await apiCall(mediator, 'GET', `/api/v1/mediation/rooms/${dispute.roomId}`);
    mediatorName = room.mediators.find((item) => !item.isRetired).name;
  });

  test("the mediator books a session on the room's calendar, and a clashing slot is refused on screen", async () => {
    const page = await signedInPage('district.mediator');
    try {
      await page.goto('/mediation/calendar');
      await page.getByText('请选择调解室').first().waitFor();
      await page.goto(`/mediation/calendar?room=${dispute.roomId}&dispute=${dispute.id}`);
      await page.getByRole('button', { name: '上一周' }).click();
      // Tuesday of last week: always past, so the session can be recorded as held today.
      const today = chinaDay();
      const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
      bookedDay = chinaDay(-weekday - 7 + 1);
      await page.getByRole('region', { name: `周二 ${bookedDay}` }).waitFor();
      await assertAccessible(page, 'session calendar');

      await page.getByRole('button', { name: `预约 ${bookedDay} 09:00`, exact: true }).click();
      const dialog = await openedDialog(page.getByRole('dialog', { name: '预约调解' }));
      await dialog.getByText(dispute.number, { exact: false }).waitFor();
      await dialog.getByLabel(mediatorName, { exact: true }).check();
      await screenshot(page, 'booking-dialog');
      await dialog.getByRole('button', { name: '预约', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      const block = page.getByTestId('calendar-session').filter({ hasText: dispute.number });
      await block.filter({ hasText: '09:00–10:00' }).waitFor();
      await screenshot(page, 'session-booked');

      await page.getByRole('button', { name: `预约 ${bookedDay} 08:30`, exact: true }).click();
      const clashing = await openedDialog(page.getByRole('dialog', { name: '预约调解' }));
      await clashing.getByLabel(mediatorName, { exact: true }).check();
      await clashing.getByRole('button', { name: '预约', exact: true }).click();
      const refusal = clashing.getByTestId('calendar-clash');
      await refusal.waitFor();
      const text = await refusal.innerText();
      assert.match(text, /该时段已被占用/);
      assert.ok(text.includes(dispute.number), `the refusal names the clashing session's dispute: ${text}`);
      await screenshot(page, 'clash-refused');
      await clashing.getByRole('button', { name: '取消', exact: true }).click();
      await clashing.waitFor({ state: 'hidden' });
      assert.equal(await page.getByTestId('calendar-session').filter({ hasText: dispute.number }).count(), 1, 'the clash booked nothing');
    } finally {
      await page.context().close();
    }
  });

  test('the mediator records the session as held, an agreement and a return visit finding it performed', async () => {
    const page = await signedInPage('district.mediator');
    try {
      await page.goto(`/mediation/disputes/${dispute.id}`);
      // In China time, as the calendar booked it, whatever the browser's zone.
      await page.getByText(`${bookedDay} 09:00–10:00`, { exact: true }).waitFor();
      await page.getByRole('button', { name: '记录召开情况', exact: true }).click();
      const holding = await openedDialog(page.getByRole('dialog', { name: '记录召开情况' }));
      await holding.getByLabel('调解笔录', { exact: true }).fill('双方到场，同意恢复楼道通行。');
      await confirmDialog(holding);

      await page.getByRole('button', { name: '记录调解协议', exact: true }).click();
      const agreement = await openedDialog(page.getByRole('dialog', { name: '记录调解协议' }));
      await agreement.getByLabel('协议内容', { exact: true }).fill(terms);
      await agreement.getByLabel('申请人已签名', { exact: true }).check();
      await agreement.getByLabel('被申请人已签名', { exact: true }).check();
      const deadline = agreement.getByLabel('履行期限', { exact: true });
      await deadline.fill(chinaDay(3));
      await deadline.press('Enter');
      await screenshot(page, 'agreement-dialog');
      await confirmDialog(agreement);
      await page.getByText(terms, { exact: true }).waitFor();

      await page.getByRole('button', { name: '登记回访', exact: true }).click();
      const followUp = await openedDialog(page.getByRole('dialog', { name: '登记回访' }));
      await followUp.getByLabel('已履行', { exact: true }).check();
      await followUp.getByLabel('回访情况', { exact: true }).fill('回访：楼道已清理，双方满意。');
      await confirmDialog(followUp);
      await page.getByText(`${chinaDay()} 回访确认已履行`, { exact: true }).waitFor();
      await assertAccessible(page, 'dispute with its agreement performed');
      await screenshot(page, 'agreement-performed');
    } finally {
      await page.context().close();
    }

    const { json: detail } = await apiCall(await apiSignIn('district.mediator'), 'GET', `/api/v1/mediation/disputes/${dispute.id}`);
    const held = detail.sessions.find((item) => item.status === 'held');
    assert.ok(held?.startsAt.startsWith(`${bookedDay}T01:00:00`), `the session booked at 09:00 China time was held: ${held?.startsAt}`);
    assert.equal(detail.agreement.performanceDeadline, chinaDay(3), 'the agreement keeps the performance deadline typed');
  });

  test('the petitioner sees the mediation outcome on the phone-sized tracking page', async () => {
    const page = await journey.openPage({ width: 390, height: 844 });
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        await page.goto('/public/track');
        await page.getByLabel('查询码').fill(tracking.trackingCode);
        await page.getByLabel('查询密码').fill(tracking.secret);
        await page.getByRole('button', { name: '查询', exact: true }).click();
        try {
          await page.getByText('调解协议已履行（化解）').waitFor({ timeout: 3_000 });
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
      }
      await page.getByText('达成调解协议', { exact: true }).waitFor();
      await page.getByText(dispute.number, { exact: false }).first().waitFor();
      await screenshot(page, 'petitioner-sees-outcome');
      await assertAccessible(page, 'petition tracking with the mediation outcome');
    } finally {
      await page.context().close();
    }
  });
});
