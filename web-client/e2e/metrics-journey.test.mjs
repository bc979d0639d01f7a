// End to end: the city leader (city.leader) opens the dashboard, drills from the five-colour grid of the districts into
// 越城区 and from the grid of its towns into 府山街道, and downloads the month's ranking as XLSX; the downloaded file is
// opened as a zip and must hold a worksheet with the ranking's header.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { startJourney } from './support/journey.mjs';
import { outputDir } from './support/paths.mjs';

const journey = startJourney('metrics');

/** The entries of a zip file by name, inflated: enough of the format to read an XLSX without a library. */
function unzip(bytes) {
  const endOfDirectory = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(endOfDirectory >= 0, 'a zip file ends with its central directory');
  const count = bytes.readUInt16LE(endOfDirectory + 10);
  let offset = bytes.readUInt32LE(endOfDirectory + 16);
  const entries = new Map();
  for (let i = 0; i < count; i += 1) {
    assert.equal(bytes.readUInt32LE(offset), 0x02014b50, 'a central directory entry');
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localHeader = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = localHeader + 30 + bytes.readUInt16LE(localHeader + 26) + bytes.readUInt16LE(localHeader + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('metrics journey', { timeout: 600_000 }, () => {
  test('a city leader drills from the five-colour grid into a district and a town, and downloads the ranking as XLSX', async () => {
    const page = await journey.signedInPage('city.leader');

    await page.goto('/metrics/dashboard');
    const grid = page.getByTestId('five-colour-grid');
    const breadcrumb = page.locator('.ant-breadcrumb');
    await grid.getByRole('button', { name: /越城区/ }).click();
    await breadcrumb.getByText('越城区').waitFor();
    await grid.getByRole('button', { name: /府山街道/ }).click();
    await breadcrumb.getByText('府山街道').waitFor();
    // The town's grid charts its villages once their scores have loaded.
    await grid.getByRole('button').first().waitFor();
    await page.screenshot({ path: join(outputDir, 'metrics-01-town-grid.png') });

    const ranking = page.locator('.ant-card').filter({ has: page.getByTestId('five-colour-ranking') });
    await ranking.getByRole('button', { name: /导出/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: '导出为 Excel（XLSX）' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^five-colour-\d{4}-\d{2}\.xlsx$/);
    const file = join(outputDir, download.suggestedFilename());
    await download.saveAs(file);

    const bytes = readFileSync(file);
    assert.equal(bytes.toString('latin1', 0, 4), 'PK\u0003\u0004', 'an XLSX is a zip file');
    const entries = unzip(bytes);
    assert.ok(entries.has('[Content_Types].xml'));
    assert.ok(entries.has('xl/workbook.xml'));
    const sheet = [...entries].filter(([name]) => name.startsWith('xl/worksheets/') || name === 'xl/sharedStrings.xml').map(([, text]) => text).join('');
    for (const column of ['rank', 'region', 'score', 'colour', 'pulled_down_by']) {
      assert.ok(sheet.includes(`>${column}<`), `the worksheet has the column ${column}`);
    }
  });
});
