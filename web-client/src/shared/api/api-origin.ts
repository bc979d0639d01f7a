/** `VITE_API_ORIGIN` points a separately deployed SPA at its API; by default the API is the page's own origin. */
export function apiOrigin(configured: string | undefined = import.meta.env.VITE_API_ORIGIN): string {
  const origin = configured?.trim();
  if (origin) return origin.replace(/\/+$/, '');
  return globalThis.location.origin;
}
