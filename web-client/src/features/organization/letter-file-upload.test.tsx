import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResponsibilityLetter } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { LetterFileUpload } from './letter-file-upload';

const letter: ResponsibilityLetter = {
  id: 'l-1',
  year: 2026,
  issuingRegionId: 'r-district',
  issuingRegionName: '越城区',
  issuingUnitId: null,
  issuingUnitName: null,
  receivingRegionId: 'r-town',
  receivingRegionName: '府山街道',
  receivingLevel: 'town',
  receivingUnitId: null,
  receivingUnitName: null,
  signedOn: '2026-02-01',
  signatories: [{ name: '李明', post: '区长' }],
  file: null,
  withdrawal: null,
  version: 3,
};
const filePath = '/api/v1/responsibility-letters/l-1/file';

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
});

async function upload(file: File) {
  const { container } = renderWithApp(<LetterFileUpload letter={letter} />);
  expect(screen.getByRole('button', { name: zhCN['letters.upload'] })).toBeInTheDocument();
  const input = container.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('The upload has no file input.');
  await userEvent.setup().upload(input, file);
}

describe('uploading a letter’s signed file', () => {
  it('sends the file as the multipart field file with the letter’s version as If-Match', async () => {
    server.on('POST', filePath, () => json({ id: 'l-1', version: 4 }));

    await upload(new File(['%PDF-1.4'], '责任书.pdf', { type: 'application/pdf' }));

    expect(await screen.findByText(zhCN['letters.uploaded'].replace('{name}', '责任书.pdf'))).toBeInTheDocument();
    const [post] = server.requestsTo('POST', filePath);
    expect(post?.headers.get('If-Match')).toBe('"3"');
    expect(post?.body).toMatch(/name="file"[\s\S]*%PDF-1\.4/);
  });

  it('says so when the letter got its file meanwhile', async () => {
    server.on('POST', filePath, () => problem(409, { code: 'responsibility_letter_has_file', detail: 'has file' }));

    await upload(new File(['%PDF-1.4'], '责任书.pdf', { type: 'application/pdf' }));

    expect(await screen.findByText(zhCN['error.responsibilityLetterHasFile'])).toBeInTheDocument();
  });

  it('asks to try again when the letter changed since it was listed', async () => {
    server.on('POST', filePath, () => problem(412, { detail: 'stale' }));

    await upload(new File(['%PDF-1.4'], '责任书.pdf', { type: 'application/pdf' }));

    expect(await screen.findByText(zhCN['error.stale'])).toBeInTheDocument();
  });

  it('gives the API’s reason for refusing the file', async () => {
    server.on('POST', filePath, () =>
      problem(400, { title: 'One or more fields are invalid.', errors: { file: ['Only PDF, JPEG, PNG and Office documents are accepted.'] } }),
    );

    await upload(new File(['MZ'], '责任书.exe', { type: 'application/octet-stream' }));

    expect(await screen.findByText('Only PDF, JPEG, PNG and Office documents are accepted.')).toBeInTheDocument();
    await waitFor(() => expect(server.requestsTo('POST', filePath)).toHaveLength(1));
  });
});
