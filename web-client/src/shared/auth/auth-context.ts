import { createContext, useContext } from 'react';
import type { SignOutReason } from './session-store';

export interface SignInCredentials {
  userName: string;
  password: string;
}

export interface AuthValue {
  isAuthenticated: boolean;
  /** Why the last session ended, so the sign-in page can say so; null while signed in or before any sign-in. */
  signOutReason: SignOutReason | null;
  signIn: (credentials: SignInCredentials) => Promise<void>;
  signOut: () => Promise<void>;
}

export const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>.');
  return value;
}
