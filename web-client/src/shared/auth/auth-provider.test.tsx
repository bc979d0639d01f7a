import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { useAuth } from './auth-context';
import { RequireAuth } from './require-auth';

function SignOutButton() {
  const { signOut, isAuthenticated } = useAuth();
  return (
    <button type="button" onClick={() => void signOut()}>
      {isAuthenticated ? 'sign out' : 'signed out'}
    </button>
  );
}

const routes = (
  <Routes>
    <Route path="/login" element={<p>login page</p>} />
    <Route
      path="/"
      element={
        <RequireAuth>
          <SignOutButton />
        </RequireAuth>
      }
    />
  </Routes>
);

const tokens = { accessToken: 'acc', refreshToken: 'ref', expiresAt: Date.now() + 60_000 };

describe('auth state', () => {
  it('tells the API about the sign-out, then forgets the tokens and leaves protected pages', async () => {
    window.sessionStorage.setItem('fengqiao.session', JSON.stringify(tokens));
    const { server, session } = renderWithApp(routes);
    server.on('POST', '/api/v1/auth/logout', () => new Response(null, { status: 204 }));

    await userEvent.setup().click(screen.getByRole('button', { name: 'sign out' }));

    expect(await screen.findByText('login page')).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/auth/logout')[0]?.body).toEqual({ refreshToken: 'ref' });
    expect(server.requestsTo('POST', '/api/v1/auth/logout')[0]?.headers.get('Authorization')).toBe('Bearer acc');
    expect(session.getSnapshot()).toEqual({ tokens: null, signOutReason: 'signed_out' });
    expect(window.sessionStorage.getItem('fengqiao.session')).toBeNull();
  });

  it('signs out locally even when the API cannot be reached', async () => {
    window.sessionStorage.setItem('fengqiao.session', JSON.stringify(tokens));
    const { server, session } = renderWithApp(routes);
    server.on('POST', '/api/v1/auth/logout', () => problem(503));

    await userEvent.setup().click(screen.getByRole('button', { name: 'sign out' }));

    await waitFor(() => expect(session.getTokens()).toBeNull());
    expect(await screen.findByText('login page')).toBeInTheDocument();
  });

  it('redirects to sign-in as soon as the session expires elsewhere', async () => {
    window.sessionStorage.setItem('fengqiao.session', JSON.stringify(tokens));
    const { session } = renderWithApp(routes);
    expect(screen.getByRole('button', { name: 'sign out' })).toBeInTheDocument();

    act(() => session.clear('expired'));

    expect(await screen.findByText('login page')).toBeInTheDocument();
  });
});
