// Starts the real API host (already built in Release) serving the built SPA, on a free port with a
// fresh data directory, and stops its whole process tree afterwards.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { apiProjectDir, distDir, outputDir, webClientDir } from './paths.mjs';

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

function assertBuilt() {
  if (!existsSync(join(apiProjectDir, 'bin', 'Release'))) {
    throw new Error(`The API is not built: run \`dotnet build -c Release\` first (no ${join(apiProjectDir, 'bin', 'Release')}).`);
  }
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('The SPA is not built: run `npm run build` first (no dist/index.html).');
  }
}

const tail = (file) => readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');

/** `settings` are extra host settings, as environment variables (`Webhooks__Enabled`). */
export async function startHost({ demoPassword, logName = 'host.log', settings = {} }) {
  assertBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'fengqiao-e2e-data-'));
  const logFile = join(outputDir, logName);
  const log = openSync(logFile, 'w');
  const child = spawn(
    'dotnet',
    [
      'run', '--no-build', '-c', 'Release', '--no-launch-profile',
      '--project', relative(webClientDir, apiProjectDir),
      '--', '--urls', `http://127.0.0.1:${port}`,
    ],
    {
      cwd: webClientDir,
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
    async stop() {
      if (exitCode === null) {
        // The group id is the child's pid (detached), so this ends `dotnet run` and the app it started.
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
        const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
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
