import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Waits until no skeleton or spinner shows and no finite animation runs: a modal fading in, a message sliding, or a
 * button's colour easing after it was enabled. Scanned mid-transition, text has a colour it never keeps.
 */
export async function settle(page) {
  await page.waitForFunction(() => {
    const visible = (element) => element.getClientRects().length > 0;
    if ([...document.querySelectorAll('.ant-skeleton, .ant-spin-spinning')].some(visible)) return false;
    return document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity);
  });
}

/** Runs axe-core in the page and returns the violations of serious or critical impact. */
export async function seriousAccessibilityViolations(page) {
  // Evaluated by the browser's debugging protocol, which the page's Content-Security-Policy does not govern:
  // the policy refuses inline scripts, and a script tag added by the test would be one.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const results = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Fails on any serious or critical violation axe-core finds once the page has settled. */
export async function assertAccessible(page, what) {
  await settle(page);
  const violations = await seriousAccessibilityViolations(page);
  const listed = violations.map((violation) => `${violation.impact} ${violation.id} (${violation.help}): ${violation.targets.join(' | ')}`);
  assert.deepEqual(listed, [], `${what}: serious or critical accessibility violations`);
}
