// End to end: the town administrator registers an API client (its key shown once) and subscribes a receiver on loopback,
// allowed by the host's configuration, to petition registrations (the signing secret shown once). The client's key then
// registers a petition through the API; the receiver gets the webhook, signed as Standard Webhooks describe, and the
// administrator finds the delivery, in words, in the subscription's log.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { chooseOption, openedDialog } from './support/browser.mjs';
import { demoPassword, startJourney } from './support/journey.mjs';

const journey = startJourney('integrations', {
  settings: {
    Webhooks__Enabled: 'true',
    Webhooks__AllowedHosts__0: '127.0.0.1',
    Webhooks__PollInterval: '00:00:00.500',
    Outbox__PollInterval: '00:00:00.500',
  },
});
const screenshot = (what) => journey.screenshot(page, what);

const clientName = `网格化治理平台${Date.now() % 100_000}`;

let page;
let receiver;
let apiKey;
let secret;
const received = [];

/** A webhook receiver on a free loopback port: records each request and answers 204. */
function startReceiver() {
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = 204;
      response.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Checks a webhook's signature as a Standard Webhooks receiver does, from the specification. */
function isSignedWith(webhook, signingSecret) {
  const key = Buffer.from(signingSecret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${webhook.headers['webhook-id']}.${webhook.headers['webhook-timestamp']}.${webhook.body}`)
    .digest('base64');
  return webhook.headers['webhook-signature'].split(' ').includes(`v1,${expected}`);
}

async function call(path, { token, key, body } = {}) {
  const response = await fetch(`${journey.host.baseUrl}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'x-api-key': key } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${path} answered ${response.status}: ${await response.clone().text()}`);
  return response.json();
}

describe('integrations journey', { timeout: 300_000 }, () => {
  before(async () => {
    receiver = await startReceiver();
    page = await journey.openPage();
  });

  after(async () => {
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve()));
  });

  test('the town admin registers an API client and sees its key once', async () => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill('town.admin');
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/settings/api-clients');
    await page.getByRole('button', { name: '新建客户端' }).click();
    const dialog = await openedDialog(page.getByRole('dialog'));
    await dialog.getByLabel('名称', { exact: true }).fill(clientName);
    await chooseOption(dialog.getByLabel('所属单位', { exact: true }), '府山街道办事处', '府山街道办事处');
    await dialog.getByLabel('登记信访件', { exact: true }).check();
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    apiKey = (await dialog.getByTestId('api-key').innerText()).trim();
    assert.match(apiKey, /^[0-9a-f]{32}\..+/, 'the key is <client id>.<secret>');
    await screenshot('api-key-once');
    await dialog.getByRole('button', { name: '我已保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: clientName }).waitFor();
    assert.equal(await page.getByText(apiKey).count(), 0, 'the key is not shown again');
  });

  test('subscribes a receiver to petition registrations and sees the signing secret once', async () => {
    await page.goto('/settings/webhooks');
    await page.getByRole('button', { name: '新建订阅' }).click();
    const dialog = await openedDialog(page.getByRole('dialog'));
    await dialog.getByLabel('接收地址', { exact: true }).fill(`http://127.0.0.1:${receiver.address().port}/hooks`);
    await dialog.getByLabel('信访事项登记', { exact: true }).check();
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    secret = (await dialog.getByTestId('webhook-secret').innerText()).trim();
    assert.match(secret, /^whsec_/);
    await dialog.getByRole('button', { name: '我已保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '/hooks' }).getByText('信访事项登记').waitFor();
    await screenshot('subscription-listed');
  });

  test('a petition the client registers is delivered, signed, and shows in the log', async () => {
    const { accessToken } = await call('/api/v1/auth/token', { body: { userName: 'town.petition_officer', password: demoPassword } });
    const regions = await call('/api/v1/regions', { token: accessToken });
    const village = regions.items.find((region) => region.level === 'village');
    const petition = await call('/api/v1/petitions', {
      key: apiKey,
      body: {
        channel: 'third_party',
        petitioners: [{ name: '王建国', phone: '13905751234', isRepresentative: false }],
        persons: 1,
        request: '请求督促开发商按合同约定交付房产证。',
        facts: '2021 年购买的商品房至今未办理不动产权证。',
        reasons: '开发商已逾期两年。',
        category: 'urban_rural_construction',
        regionId: village.id,
        receivedAt: new Date().toISOString(),
        urgent: false,
        crossBoundary: false,
      },
    });

    const deadline = Date.now() + 30_000;
    while (!received.some((webhook) => webhook.body.includes(petition.id)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const webhook = received.find((candidate) => candidate.body.includes(petition.id));
    assert.ok(webhook, 'the receiver got the registration');
    assert.equal(JSON.parse(webhook.body).type, 'petition.registered');
    assert.ok(isSignedWith(webhook, secret), 'the signature verifies with the secret shown once');

    await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '/hooks' }).getByRole('button', { name: '推送记录' }).click();
    const log = page.getByRole('dialog');
    const delivery = log.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '信访事项登记' });
    try {
      await delivery.getByText('已送达').waitFor();
    } catch (error) {
      await screenshot('delivery-log-unexpected');
      throw error;
    }
    assert.match(await delivery.innerText(), /204/);
    assert.equal(await log.getByText('petition.registered').count(), 0, 'the event is named in words, not by its type');
    await screenshot('delivery-logged');
  });
});
