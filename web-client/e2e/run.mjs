// Runs the browser journeys given as arguments. Most of them sign in with the same demo password, so the demo
// data is seeded once here and each of their hosts starts from a copy: the journeys then spend their time in
// the browser rather than in seeding, and two run at a time.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { ensureChromium } from './support/browser.mjs';
import { demoPassword, startHost } from './support/host.mjs';
import { outputDir } from './support/paths.mjs';

const concurrency = process.env.E2E_CONCURRENCY ?? '2';
const journeys = process.argv.slice(2);
if (journeys.length === 0) {
  console.error('usage: node e2e/run.mjs <journey.test.mjs>...');
  process.exit(2);
}

mkdirSync(outputDir, { recursive: true });
// Installed here, once, before the journeys run side by side and would race for apt's lock.
ensureChromium();
const seeding = await startHost({ demoPassword, logName: 'host-seed.log', keepData: true });
await seeding.stop();

const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...journeys], {
    stdio: 'inherit',
    env: { ...process.env, FENGQIAO_E2E_SEEDED_DATA: seeding.dataDir, FENGQIAO_E2E_PASSWORD: demoPassword },
  });
  child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
});
rmSync(seeding.dataDir, { recursive: true, force: true });
process.exit(code);
