// Starts the real API host (already built in Release) serving the built SPA, on a free port with a
// fresh data directory, and stops its whole process tree afterwards. When e2e/run.mjs has seeded the demo
// data once for the journeys' shared password, a host starts from a copy of it instead of seeding again.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiProjectDir, distDir, outputDir } from './paths.mjs';

const readyTimeoutMs = 120_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const apiAssembly = join(apiProjectDir, 'bin', 'Release', 'net10.0', 'Fengqiao.Api.dll');

function assertBuilt() {
  if (!existsSync(apiAssembly)) {
    throw new Error(`The API is not built: run \`dotnet build -c Release\` first (no ${apiAssembly}).`);
  }
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('The SPA is not built: run `npm run build` first (no dist/index.html).');
  }
}

/** The demo users' password of the journeys that share the demo data run.mjs seeds once. */
export const demoPassword = 'Fq-Demo#e2e-2026';

const tail = (file) => readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');

/**
 * `settings` are extra host settings, as environment variables (`Webhooks__Enabled`); `keepData` leaves the
 * data directory (`host.dataDir`) in place when the host stops.
 */
export async function startHost({ demoPassword, logName = 'host.log', settings = {}, keepData = false }) {
  assertBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'fengqiao-e2e-data-'));
  const seeded = process.env.FENGQIAO_E2E_SEEDED_DATA;
  if (seeded && demoPassword === process.env.FENGQIAO_E2E_PASSWORD) {
    cpSync(seeded, dataDir, { recursive: true });
  }
  const logFile = join(outputDir, logName);
  const log = openSync(logFile, 'w');
  const child = spawn(
    'dotnet',
    [apiAssembly, '--urls', `http://127.0.0.1:${port}`],
    {
      cwd: apiProjectDir,
      detached: true,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        ASPNETCORE_ENVIRONMENT: 'Development',
        Fengqiao__DataDirectory: dataDir,
        Demo__Password: demoPassword,
        // Every page the scans open comes from this one address; the per-address limit on public pages is for citizens.
        RateLimits__PublicPerMinute: '600',
        Spa__DistPath: distDir,
        DOTNET_NOLOGO: '1',
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
        ...settings,
      },
    },
  );
  closeSync(log);
  let exitCode = null;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    exitCode = code ?? signal;
    resolve();
  }));

  const baseUrl = `http://127.0.0.1:${port}`;
  const host = {
    baseUrl,
    dataDir,
    async stop() {
      if (exitCode === null) {
        // The group id is the child's pid (detached), so this ends the host and anything it started.
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
        const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== null) {
      await host.stop();
      throw new Error(`The host exited (${exitCode}) before it was ready. Last log lines:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return host;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await host.stop();
  throw new Error(`The host was not ready within ${readyTimeoutMs / 1000} s. Last log lines:\n${tail(logFile)}`);
}
