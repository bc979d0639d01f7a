/** Hands a downloaded body to the browser as a file. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name from a Content-Disposition header, or the fallback. */
export function fileNameFrom(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/** Saves the body of a download request (made with parseAs 'blob') under the name the API gives, or the fallback. */
export async function saveDownload(request: Promise<{ data?: Blob; response: Response }>, fallbackName: string): Promise<void> {
  const { data, response } = await request;
  if (!data) throw new Error(`Empty response body from ${response.url}`);
  saveBlob(data, fileNameFrom(response, fallbackName));
}

/** The multipart body of an upload: the API takes the file as the form field 'file'. */
export function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
