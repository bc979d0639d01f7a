import { describe, expect, it } from 'vitest';
import { apiOrigin } from './api-origin';

describe('apiOrigin', () => {
  it('uses the configured origin without a trailing slash', () => {
    expect(apiOrigin('https://api.example.org/')).toBe('https://api.example.org');
  });

  it("falls back to the page's own origin", () => {
    expect(apiOrigin(undefined)).toBe(window.location.origin);
    expect(apiOrigin('  ')).toBe(window.location.origin);
  });
});
