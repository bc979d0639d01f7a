import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RequireAuth } from '../../shared/auth/require-auth';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-cn';
import { json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { SignInPage } from './sign-in-page';

const routes = (
  <Routes>
    <Route path="/login" element={<SignInPage />} />
    <Route
      path="/"
      element={
        <RequireAuth>
          <p>home page</p>
        </RequireAuth>
      }
    />
  </Routes>
);

async function signIn(userName: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(zhCN['auth.signIn.userName']), userName);
  await user.type(screen.getByLabelText(zhCN['auth.signIn.password']), password);
  await user.click(screen.getByRole('button', { name: zhCN['auth.signIn.submit'] }));
}

describe('sign-in page', () => {
  it('sends a signed-out visitor of / to the sign-in page, in Chinese', () => {
    renderWithApp(routes, { path: '/' });
    expect(screen.getByRole('heading', { name: zhCN['auth.signIn.title'] })).toBeInTheDocument();
    expect(screen.queryByText('home page')).not.toBeInTheDocument();
  });

  it('asks for both fields before calling the API', async () => {
    const { server } = renderWithApp(routes, { path: '/login' });
    await userEvent.setup().click(screen.getByRole('button', { name: zhCN['auth.signIn.submit'] }));

    expect(await screen.findByText(zhCN['auth.signIn.userNameRequired'])).toBeInTheDocument();
    expect(await screen.findByText(zhCN['auth.signIn.passwordRequired'])).toBeInTheDocument();
    expect(server.requests).toHaveLength(0);
  });

  it('says the password is wrong and clears it', async () => {
    const { server, session } = renderWithApp(routes, { path: '/login' });
    server.on('POST', '/api/v1/auth/token', () => problem(401, { title: 'Unauthorized', code: 'invalid_credentials' }));

    await signIn('city.admin', 'not-the-password');

    expect(await screen.findByRole('alert')).toHaveTextContent(zhCN['auth.signIn.invalidCredentials']);
    expect(screen.getByLabelText(zhCN['auth.signIn.password'])).toHaveValue('');
    expect(server.requests[0]?.body).toEqual({ userName: 'city.admin', password: 'not-the-password' });
    expect(session.getTokens()).toBeNull();
  });

  it('says the account is locked, differently from a wrong password', async () => {
    const { server } = renderWithApp(routes, { path: '/login' });
    server.on('POST', '/api/v1/auth/token', () => problem(401, { code: 'locked_out' }));

    await signIn('city.admin', 'whatever');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(zhCN['auth.signIn.lockedOut']);
    expect(alert).not.toHaveTextContent(zhCN['auth.signIn.invalidCredentials']);
  });

  it('shows validation problems under their fields', async () => {
    const { server } = renderWithApp(routes, { path: '/login' });
    server.on('POST', '/api/v1/auth/token', () =>
      problem(400, { errors: { UserName: ['User name must be at most 64 characters.'] } }),
    );

    await signIn('x'.repeat(70), 'whatever');

    expect(await screen.findByText('User name must be at most 64 characters.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('stores the tokens and opens the home page after signing in', async () => {
    const { server, session } = renderWithApp(routes, { path: '/login' });
    server.on('POST', '/api/v1/auth/token', () =>
      json({ accessToken: 'acc', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'ref' }),
    );

    await signIn('city.admin', 'Correct-Pass1!');

    expect(await screen.findByText('home page')).toBeInTheDocument();
    expect(session.getTokens()).toMatchObject({ accessToken: 'acc', refreshToken: 'ref' });
    expect(JSON.parse(window.sessionStorage.getItem('fengqiao.session') ?? '{}')).toMatchObject({ accessToken: 'acc' });
  });

  it('switches to English and remembers the choice', async () => {
    renderWithApp(routes, { path: '/login' });
    const user = userEvent.setup();

    await user.click(screen.getByRole('combobox', { name: zhCN['language.label'] }));
    await user.click(await screen.findByTitle('English'));

    expect(await screen.findByRole('heading', { name: en['auth.signIn.title'] })).toBeInTheDocument();
    expect(window.localStorage.getItem('fengqiao.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
