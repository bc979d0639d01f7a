import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';
import { unwrap } from '../api/api-client';
import { AuthContext, type AuthValue, type SignInCredentials } from './auth-context';
import { tokensFromResponse, type SessionStore } from './session-store';

export function AuthProvider({
  children,
  api,
  session,
}: {
  children: ReactNode;
  api: ApiClient;
  session: SessionStore;
}) {
  const queryClient = useQueryClient();
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const isAuthenticated = snapshot.tokens !== null;

  const wasAuthenticated = useRef(isAuthenticated);
  useEffect(() => {
    // When a session ends, whatever was cached belongs to the previous user.
    if (wasAuthenticated.current && !isAuthenticated) queryClient.clear();
    wasAuthenticated.current = isAuthenticated;
  }, [isAuthenticated, queryClient]);

  const signIn = useCallback(
    async (credentials: SignInCredentials) => {
      const response = await unwrap(api.POST('/api/v1/auth/token', { body: credentials }));
      queryClient.clear();
      session.set(tokensFromResponse(response));
    },
    [api, queryClient, session],
  );

  const signOut = useCallback(async () => {
    const tokens = session.getTokens();
    try {
      if (tokens) await api.POST('/api/v1/auth/logout', { body: { refreshToken: tokens.refreshToken } });
    } catch {
      // The local session ends even when the server cannot be told; its refresh token then simply expires.
    } finally {
      session.clear('signed_out');
    }
  }, [api, session]);

  const value = useMemo<AuthValue>(
    () => ({ isAuthenticated, signOutReason: snapshot.signOutReason, signIn, signOut }),
    [isAuthenticated, snapshot.signOutReason, signIn, signOut],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
