// Prints the gzip size of every JavaScript chunk of the build and fails when the JavaScript a
// browser must load before it can show the sign-in page exceeds the budget.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const budgetKiB = 350;
const distDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', process.argv[2] ?? 'dist');
const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8'));

const gzipBytes = (file) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1) {
  console.error(`Expected one entry chunk in the manifest, found ${entries.length}.`);
  process.exit(1);
}

// The entry and everything it imports statically load at once; dynamic imports (lazy routes) do not.
const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entries[0][0]);

const jsFiles = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) => file.endsWith('.js'));
const rows = jsFiles
  .map((file) => ({ file, gzip: gzipBytes(file), initial: initial.has(file) }))
  .sort((a, b) => b.gzip - a.gzip);

const width = Math.max(...rows.map((row) => row.file.length));
console.log('JavaScript chunks (gzip):');
for (const row of rows) {
  console.log(`  ${row.file.padEnd(width)}  ${kib(row.gzip).padStart(10)}${row.initial ? '  [sign-in route]' : ''}`);
}
const initialTotal = rows.filter((row) => row.initial).reduce((sum, row) => sum + row.gzip, 0);
const allTotal = rows.reduce((sum, row) => sum + row.gzip, 0);
console.log(`All chunks: ${kib(allTotal)} gzip in ${rows.length} files`);
console.log(`Sign-in route initial JavaScript: ${kib(initialTotal)} gzip in ${initial.size} files (budget ${budgetKiB} KiB)`);

if (initialTotal > budgetKiB * 1024) {
  console.error(`Over budget by ${kib(initialTotal - budgetKiB * 1024)}.`);
  process.exit(1);
}
