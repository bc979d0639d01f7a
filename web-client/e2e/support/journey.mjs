// What every journey does around its steps: a host and a browser started before its tests and stopped after them,
// pages signed in as a demo user, calls to the API, and numbered screenshots in test-output.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { demoPassword, startHost } from './host.mjs';
import { outputDir } from './paths.mjs';

export { demoPassword };

export const desktop = { width: 1440, height: 1000 };

/**
 * Registers the journey's before and after hooks and answers what its tests use. `name` names the host's log and
 * the screenshots; `host` and `browser` are set once the before hook has run.
 */
export function startJourney(name, { settings } = {}) {
  let shot = 0;
  const journey = {
    host: undefined,
    browser: undefined,

    /** A fresh browser context's page on the host, not signed in. */
    openPage(viewport = desktop) {
      return openPage(journey.browser, journey.host.baseUrl, viewport);
    },

    /** A fresh browser context's page signed in as the demo user through the sign-in page, on the home page. */
    async signedInPage(userName, viewport = desktop) {
      const page = await journey.openPage(viewport);
      await page.goto('/login');
      await page.getByLabel('用户名').fill(userName);
      await page.getByLabel('密码').fill(demoPassword);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      return page;
    },

    /** Calls the API as the holder of `token` (anonymously without one); an answer other than 2xx fails the test. */
    async apiCall(token, method, path, body, headers = {}) {
      const response = await fetch(new URL(path, journey.host.baseUrl), {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
      return { json: text ? JSON.parse(text) : null, etag: response.headers.get('etag') };
    },

    /** The access token of a demo user. */
    async apiSignIn(userName) {
      const { json } = await journey.apiCall(null, 'POST', '/api/v1/auth/token', { userName, password: demoPassword });
      return json.accessToken;
    },

    /** Keeps what the page shows as test-output/<journey>-<nn>-<what>.png. */
    async screenshot(page, what) {
      shot += 1;
      await page.screenshot({ path: join(outputDir, `${name}-${String(shot).padStart(2, '0')}-${what}.png`), fullPage: false });
    },
  };

  before(async () => {
    mkdirSync(outputDir, { recursive: true });
    journey.host = await startHost({ demoPassword, logName: `host-${name}.log`, settings });
    journey.browser = await launchBrowser();
  }, { timeout: 180_000 });

  after(async () => {
    await journey.browser?.close();
    await journey.host?.stop();
  });

  return journey;
}
