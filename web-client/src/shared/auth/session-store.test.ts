import { describe, expect, it, vi } from 'vitest';
import { createSessionStore, tokensFromResponse } from './session-store';

const tokens = { accessToken: 'a', refreshToken: 'r', expiresAt: 1_000 };

describe('session store', () => {
  it('keeps tokens in sessionStorage so a reload stays signed in', () => {
    createSessionStore(window.sessionStorage).set(tokens);

    const reloaded = createSessionStore(window.sessionStorage);

    expect(reloaded.getTokens()).toEqual(tokens);
  });

  it('forgets the tokens on sign-out, remembers why and tells subscribers', () => {
    const store = createSessionStore(window.sessionStorage);
    store.set(tokens);
    const listener = vi.fn();
    store.subscribe(listener);

    store.clear('expired');

    expect(store.getSnapshot()).toEqual({ tokens: null, signOutReason: 'expired' });
    expect(window.sessionStorage.length).toBe(0);
    expect(createSessionStore(window.sessionStorage).getTokens()).toBeNull();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores stored data that is not a session', () => {
    window.sessionStorage.setItem('fengqiao.session', JSON.stringify({ accessToken: 'a' }));
    expect(createSessionStore(window.sessionStorage).getTokens()).toBeNull();
    window.sessionStorage.setItem('fengqiao.session', '{not json');
    expect(createSessionStore(window.sessionStorage).getTokens()).toBeNull();
  });

  it('turns expiresIn seconds into an absolute expiry', () => {
    expect(tokensFromResponse({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 }, 10_000)).toEqual({
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: 910_000,
    });
  });
});
