// Regenerates the API types from api/openapi.json into a temporary file and fails when they differ
// from the checked-in src/shared/api/schema.d.ts (run `npm run gen:api` to update it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = resolve(root, '..', 'api', 'openapi.json');
const checkedIn = join(root, 'src', 'shared', 'api', 'schema.d.ts');
const cli = join(dirname(createRequire(import.meta.url).resolve('openapi-typescript/package.json')), 'bin', 'cli.js');

if (!existsSync(spec)) {
  console.error(`No OpenAPI document at ${spec}.`);
  process.exit(1);
}

const tempDir = mkdtempSync(join(tmpdir(), 'fengqiao-api-types-'));
try {
  const generated = join(tempDir, 'schema.d.ts');
  const run = spawnSync(process.execPath, [cli, spec, '--output', generated], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    console.error('openapi-typescript failed.');
    process.exit(1);
  }
  const expected = readFileSync(generated, 'utf8');
  const actual = existsSync(checkedIn) ? readFileSync(checkedIn, 'utf8') : '';
  if (expected !== actual) {
    const expectedLines = expected.split('\n');
    const actualLines = actual.split('\n');
    const line = expectedLines.findIndex((text, index) => text !== actualLines[index]);
    console.error(`src/shared/api/schema.d.ts is out of date with api/openapi.json (first difference at line ${line + 1}):`);
    console.error(`  checked in: ${actualLines[line] ?? '<end of file>'}`);
    console.error(`  generated:  ${expectedLines[line] ?? '<end of file>'}`);
    console.error('Run `npm run gen:api` and commit the result.');
    process.exit(1);
  }
  console.log('src/shared/api/schema.d.ts matches api/openapi.json.');
} finally {
  rmSync(tempDir, { recursive: true, force: true });
}
