// End to end: the SPA and Swagger UI work under the host's Content-Security-Policy (scripts only from the
// origin, inline styles allowed for antd's CSS-in-JS): Chromium reports no violation on their pages.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage } from './support/browser.mjs';
import { startHost } from './support/host.mjs';
import { outputDir } from './support/paths.mjs';

const demoPassword = 'Fq-Demo#csp-2026';

let host;
let browser;
let page;
const violations = [];

describe('content security policy', { timeout: 300_000 }, () => {
  before(async () => {
    mkdirSync(outputDir, { recursive: true });
    host = await startHost({ demoPassword, logName: 'host-security-policy.log' });
    browser = await launchBrowser();
    page = await openPage(browser, host.baseUrl, { width: 1366, height: 900 });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => violations.push(`${page.url()}: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
  }, { timeout: 180_000 });

  after(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('the public pages, sign-in and the staff pages run without a violation', async () => {
    await page.goto('/public/submit');
    await page.locator('form').first().waitFor();
    await page.goto('/public/track');
    await page.locator('form').first().waitFor();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('city.petition_officer');
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('current-user').waitFor();
    for (const path of ['/petitions', '/cases', '/supervision']) {
      await page.goto(path);
      await page.getByTestId('current-user').waitFor();
      await page.waitForLoadState('networkidle');
    }
    assert.deepEqual(violations, []);
  });

  test('Swagger UI renders the API document without a violation', async () => {
    await page.goto('/swagger/index.html');
    await page.locator('.swagger-ui .info .title').waitFor();
    await page.locator('.swagger-ui .opblock').first().waitFor();
    assert.deepEqual(violations, []);
  });
});
