import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from './auth-context';

export interface ReturnToState {
  returnTo?: string;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { isAuthenticated, signOutReason } = useAuth();
  const location = useLocation();
  if (!isAuthenticated) {
    // After a deliberate sign-out the next person starts at home, not on the page the last one left.
    const state: ReturnToState | null =
      signOutReason === 'signed_out' ? null : { returnTo: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}
