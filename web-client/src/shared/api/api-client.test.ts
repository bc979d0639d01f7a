// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { createSessionStore, type SessionTokens } from '../auth/session-store';
import { createApiClient, unwrap } from './api-client';
import { ApiError } from './api-error';

const baseUrl = 'https://api.example.test';

const oldTokens: SessionTokens = { accessToken: 'old-access', refreshToken: 'old-refresh', expiresAt: Date.now() + 60_000 };
const renewed = { accessToken: 'new-access', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'new-refresh' };
const me = { id: 'u1', userName: 'city.admin', displayName: 'Admin', roles: ['admin'], capabilities: ['view_audit', 'manage_users'], unit: { id: 'n1', name: 'Bureau', kind: 'petition_bureau' }, jurisdiction: { regionId: 'r1', name: '绍兴市', level: 'city', path: '/r1/' } };

function setup(tokens: SessionTokens | null = oldTokens) {
  const server = createFakeApi();
  const session = createSessionStore(undefined);
  if (tokens) session.set(tokens);
  const client = createApiClient({ baseUrl, session, fetch: server.fetch });
  return { server, session, client };
}

describe('auth middleware', () => {
  it('attaches the access token as a bearer token', async () => {
    const { server, client } = setup();
    server.on('GET', '/api/v1/me', () => json(me));

    const data = await unwrap(client.GET('/api/v1/me'));

    expect(data.userName).toBe('city.admin');
    expect(server.requests[0]?.headers.get('Authorization')).toBe('Bearer old-access');
  });

  it('sends no token to the sign-in endpoint', async () => {
    const { server, client } = setup();
    server.on('POST', '/api/v1/auth/token', () => json(renewed));

    await client.POST('/api/v1/auth/token', { body: { userName: 'a', password: 'b' } });

    expect(server.requests[0]?.headers.has('Authorization')).toBe(false);
  });

  it('on 401 refreshes once and repeats the request, body included, with the new token', async () => {
    const { server, session, client } = setup();
    server.on('POST', '/api/v1/users', (request) =>
      request.headers.get('Authorization') === 'Bearer new-access' ? json({ id: 'u9', version: 1 }, 201) : problem(401),
    );
    server.on('POST', '/api/v1/auth/refresh', () => json(renewed));
    const body = { userName: 'town.new', displayName: 'New', password: 'Aa1!aaaaaaaa', unitId: 'n1', roles: ['handler' as const] };

    const created = await unwrap(client.POST('/api/v1/users', { body }));

    expect(created).toEqual({ id: 'u9', version: 1 });
    expect(server.requestsTo('POST', '/api/v1/auth/refresh')).toHaveLength(1);
    expect(server.requestsTo('POST', '/api/v1/auth/refresh')[0]?.body).toEqual({ refreshToken: 'old-refresh' });
    const attempts = server.requestsTo('POST', '/api/v1/users');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.body).toEqual(body);
    expect(session.getTokens()?.refreshToken).toBe('new-refresh');
  });

  it('shares one refresh between requests that fail together', async () => {
    const { server, client } = setup();
    server.on('GET', '/api/v1/me', (request) =>
      request.headers.get('Authorization') === 'Bearer new-access' ? json(me) : problem(401),
    );
    server.on('POST', '/api/v1/auth/refresh', async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return json(renewed);
    });

    const results = await Promise.all([unwrap(client.GET('/api/v1/me')), unwrap(client.GET('/api/v1/me'))]);

    expect(results.map((result) => result.id)).toEqual(['u1', 'u1']);
    expect(server.requestsTo('POST', '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('signs out when the refresh is refused', async () => {
    const { server, session, client } = setup();
    server.on('GET', '/api/v1/me', () => problem(401));
    server.on('POST', '/api/v1/auth/refresh', () => problem(401));

    const call = unwrap(client.GET('/api/v1/me'));

    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(session.getSnapshot()).toEqual({ tokens: null, signOutReason: 'expired' });
    expect(server.requestsTo('GET', '/api/v1/me')).toHaveLength(1);
  });

  it('retries only once: a second 401 signs out without another refresh', async () => {
    const { server, session, client } = setup();
    server.on('GET', '/api/v1/me', () => problem(401));
    server.on('POST', '/api/v1/auth/refresh', () => json(renewed));

    await expect(unwrap(client.GET('/api/v1/me'))).rejects.toBeInstanceOf(ApiError);

    expect(server.requestsTo('GET', '/api/v1/me')).toHaveLength(2);
    expect(server.requestsTo('POST', '/api/v1/auth/refresh')).toHaveLength(1);
    expect(session.getTokens()).toBeNull();
  });

  it('does not refresh after a 401 from the sign-in endpoint', async () => {
    const { server, session, client } = setup(null);
    server.on('POST', '/api/v1/auth/token', () => problem(401, { code: 'invalid_credentials' }));

    await expect(client.POST('/api/v1/auth/token', { body: { userName: 'a', password: 'b' } })).rejects.toMatchObject({
      status: 401,
      code: 'invalid_credentials',
    });
    expect(server.requestsTo('POST', '/api/v1/auth/refresh')).toHaveLength(0);
    expect(session.getSnapshot().signOutReason).toBeNull();
  });
});

describe('problem middleware', () => {
  it('rejects with the problem details, field errors included', async () => {
    const { server, client } = setup();
    server.on('POST', '/api/v1/users', () =>
      problem(400, { title: 'One or more validation errors occurred.', errors: { UserName: ['Too short.'], 'roles[0]': ['Unknown role.'] } }),
    );

    const error: unknown = await client
      .POST('/api/v1/users', { body: { userName: 'x', displayName: 'X', password: 'p', unitId: 'n1', roles: ['admin', 'admin'] } })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.problem?.traceId).toBe('trace-1');
    expect(apiError.fieldErrors).toEqual({ UserName: ['Too short.'], 'roles[0]': ['Unknown role.'] });
    expect(apiError.message).toBe('One or more validation errors occurred.');
  });

  it('keeps the status of an error without a problem body', async () => {
    const { server, client } = setup();
    server.on('GET', '/api/v1/regions', () => new Response('Bad gateway', { status: 502 }));

    await expect(client.GET('/api/v1/regions')).rejects.toMatchObject({ status: 502, problem: null });
  });

  it('turns a failed connection into a network ApiError', async () => {
    const session = createSessionStore(undefined);
    const client = createApiClient({
      baseUrl,
      session,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });

    await expect(client.GET('/api/v1/regions')).rejects.toMatchObject({ status: 0, isNetworkError: true });
  });
});
