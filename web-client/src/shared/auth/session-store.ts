export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  expiresAt: number;
}

export type SignOutReason = 'signed_out' | 'expired';

export interface SessionSnapshot {
  tokens: SessionTokens | null;
  signOutReason: SignOutReason | null;
}

export interface SessionStore {
  getSnapshot: () => SessionSnapshot;
  getTokens: () => SessionTokens | null;
  set: (tokens: SessionTokens) => void;
  clear: (reason: SignOutReason) => void;
  subscribe: (listener: () => void) => () => void;
}

const storageKey = 'fengqiao.session';

function isSessionTokens(value: unknown): value is SessionTokens {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.accessToken === 'string' &&
    typeof candidate.refreshToken === 'string' &&
    typeof candidate.expiresAt === 'number'
  );
}

function load(storage: Storage | undefined): SessionTokens | null {
  try {
    const raw = storage?.getItem(storageKey);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isSessionTokens(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function save(storage: Storage | undefined, tokens: SessionTokens | null): void {
  try {
    if (tokens) storage?.setItem(storageKey, JSON.stringify(tokens));
    else storage?.removeItem(storageKey);
  } catch {
    // Storage can be full or refused; the in-memory copy still serves this tab.
  }
}

/** Tokens live in memory and in sessionStorage, so a reload keeps the session but a new tab or browser does not. */
export function createSessionStore(storage: Storage | undefined): SessionStore {
  let snapshot: SessionSnapshot = { tokens: load(storage), signOutReason: null };
  const listeners = new Set<() => void>();

  const publish = (next: SessionSnapshot) => {
    snapshot = next;
    save(storage, next.tokens);
    for (const listener of listeners) listener();
  };

  return {
    getSnapshot: () => snapshot,
    getTokens: () => snapshot.tokens,
    set: (tokens) => publish({ tokens, signOutReason: null }),
    clear: (reason) => {
      if (!snapshot.tokens && snapshot.signOutReason === reason) return;
      publish({ tokens: null, signOutReason: reason });
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function tokensFromResponse(
  response: { accessToken: string; refreshToken: string; expiresIn: number },
  now: number = Date.now(),
): SessionTokens {
  return {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken,
    expiresAt: now + response.expiresIn * 1000,
  };
}
