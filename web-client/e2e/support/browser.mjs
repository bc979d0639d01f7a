// Debian's Chromium driven by playwright-core: no browser download. CI machines start without it,
// so it is installed from Debian's packages when missing, with a Chinese font so that screenshots
// show the UI's text rather than empty boxes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const chineseFont = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

export function ensureChromium() {
  const missing = [
    ...(existsSync(chromiumPath) ? [] : ['chromium']),
    ...(existsSync(chineseFont) ? [] : ['fonts-wqy-zenhei']),
  ];
  if (missing.length === 0) return;
  const install = spawnSync('sh', ['-c', `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (install.status !== 0 || !existsSync(chromiumPath)) {
    throw new Error(`Could not install Debian's ${missing.join(' and ')} (apt-get exit code ${install.status}).`);
  }
}

/** Each launch gets a fresh temporary profile (--user-data-dir) that Playwright creates and removes. */
export async function launchBrowser() {
  ensureChromium();
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/**
 * A page in a fresh browser context on the host, as the staff and citizens of Shaoxing have it: Chinese locale and China
 * time, whatever the zone of the machine running the journeys (after 16:00 UTC, China is already on the next day, and
 * the journeys' dates are China dates); the journeys' 20 s default timeout.
 */
export async function openPage(browser, baseURL, viewport) {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport });
  context.setDefaultTimeout(20_000);
  return context.newPage();
}

/**
 * Waits until a dialog is shown and its opening zoom has ended. A click during the zoom can land beside the
 * moving button on a slow machine, and the dialog then never closes. The zoom's CSS animation starts only at the
 * last of its motion steps, so a dialog can be shown with no animation yet to wait for; the step classes
 * (`ant-zoom-appear`, `-enter` and their `-prepare`, `-start`, `-active`) stay on it until the zoom has ended.
 */
export async function openedDialog(dialog) {
  await dialog.waitFor();
  await dialog.page().waitForFunction(
    (element) =>
      ![...element.classList].some((name) => /-(appear|enter)(-(prepare|start|active))?$/.test(name)) &&
      element.getAnimations().every((animation) => animation.playState !== 'running'),
    await dialog.elementHandle(),
  );
  return dialog;
}

/**
 * Picks an option of an antd Select or TreeSelect: opens the field, types the search when one is given, and clicks the
 * option (a locator, or its text among the open list's options) once the list has finished opening: a click during its
 * opening animation can miss the moving option on a slow machine, and the list then stays open. A pick the list
 * re-rendered under (a search answered late) is repeated.
 */
export async function chooseOption(field, search, option) {
  await field.click();
  if (search) await field.fill(search);
  const target =
    typeof option === 'string' || option instanceof RegExp
      ? field.page().locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first()
      : option;
  for (let attempt = 1; ; attempt += 1) {
    await target.waitFor();
    await target.evaluate((element) =>
      Promise.all((element.closest('.ant-select-dropdown') ?? element).getAnimations({ subtree: true }).map((animation) => animation.finished.catch(() => undefined))),
    );
    await target.click();
    try {
      await target.waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Clicks a dialog's confirming button and waits for it to close; a failure names the error the dialog shows. */
export async function confirmDialog(dialog, buttonName = '确定') {
  await openedDialog(dialog);
  await dialog.getByRole('button', { name: buttonName, exact: true }).click();
  try {
    await dialog.waitFor({ state: 'hidden' });
  } catch (error) {
    const alerts = await dialog.getByRole('alert').allInnerTexts().catch(() => []);
    throw new Error(`The dialog stayed open${alerts.length ? `, showing: ${alerts.join(' | ')}` : ''}`, { cause: error });
  }
}
