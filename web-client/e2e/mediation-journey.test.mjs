// End to end: mediation from a referred petition to its outcome on the petitioner's phone. A citizen files a petition
// online about a matter in 北海街道; the district petition bureau refers it to mediation, which opens a dispute in the
// nearest room, the brand room 九斤姑娘调解室; both sides consent. The district mediator books a session on the room's week
// calendar (a slot overlapping it is refused on screen, naming the session), records the session as held, an agreement and
// a return visit finding it performed; the petitioner then sees the outcome on a phone-sized tracking page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { openedDialog } from './support/browser.mjs';
import { startJourney } from './support/journey.mjs';

const journey = startJourney('mediation');
const { signedInPage, apiCall, apiSignIn, screenshot } = journey;

const marker = `调解端到端 ${Date.now()}`;
const request = `邻居装修占用公共楼道，协商不成，请求调解（${marker}）`;
const brandRoom = '九斤姑娘调解室';
const town = '北海街道';

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
    const { etag } = await apiCall(officer, 'GET', `/api/v1/petitions/${petition.id}`);
    await apiCall(officer, 'POST', `/api/v1/petitions/${petition.id}/classification`,
      { decision: 'refer_to_mediation', reason: '属于邻里民间纠纷', notice: '您反映的事项已转人民调解组织调解。', legalChannel: null }, { 'if-match': etag });

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
    const mediator = await apiSignIn('district.mediator');
    const { json: detail } = await apiCall(mediator, 'GET', `/api/v1/mediation/disputes/${dispute.id}`);
    const session = detail.sessions.find((item) => item.status === 'scheduled');
    assert.ok(session.startsAt.startsWith(`${bookedDay}T01:00:00`), `the session booked at 09:00 China time: ${session.startsAt}`);
    await apiCall(mediator, 'POST', `/api/v1/mediation/disputes/${dispute.id}/sessions/${session.id}/holding`,
      { applicantAttended: true, respondentAttended: true, record: '双方到场，同意恢复楼道通行。' }, { 'if-match': `"${session.version}"` });
    const { json: held } = await apiCall(mediator, 'GET', `/api/v1/mediation/disputes/${dispute.id}`);
    const { json: agreed } = await apiCall(mediator, 'POST', `/api/v1/mediation/disputes/${dispute.id}/agreement`, {
      terms: '被申请人三日内清理楼道杂物，恢复通行。', amountAgreed: null, form: 'written', applicantSigned: true, respondentSigned: true,
      effectiveOn: chinaDay(), performanceDeadline: chinaDay(3),
    }, { 'if-match': `"${held.version}"` });
    await apiCall(mediator, 'POST', `/api/v1/mediation/disputes/${dispute.id}/follow-ups`,
      { visitedOn: chinaDay(), performance: 'performed', note: '回访：楼道已清理，双方满意。' }, { 'if-match': `"${agreed.version}"` });
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
