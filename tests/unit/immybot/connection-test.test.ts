import { describe, expect, it, vi } from 'vitest';
import { ImmyBotError, type ImmyBotClient, type ImmyBotFailure } from '../../../lib/immybot/client';
import { testConnection } from '../../../lib/immybot/connection-test';
import { problemFor } from '../../../lib/immybot/problems';
import type { AuthUser, ProviderLink } from '../../../lib/immybot/schemas';
import { AUTH_USER } from './examples';

const LINK: ProviderLink = {
  id: 619,
  name: 'HaloPSA (production)',
  disabled: false,
  healthStatus: 'Healthy',
  healthStatusMessage: 'Last sync 2 minutes ago',
  providerTypeId: '6e2fbd6e-7f8a-4a3d-9d8e-3b1b5f0e6a11',
  providerCapabilities: ['ISupportsTicketing'],
};

const fail = (failure: ImmyBotFailure, status?: number) => () => Promise.reject(new ImmyBotError(failure, status));

function fakeClient({
  auth = async () => AUTH_USER,
  providerLink = async () => LINK,
}: Partial<Pick<ImmyBotClient, 'auth' | 'providerLink'>> = {}) {
  return {
    auth: vi.fn(auth),
    providerLink: vi.fn(providerLink),
    ticket: vi.fn<ImmyBotClient['ticket']>(() => Promise.reject(new Error('testConnection must not look up tickets'))),
  };
}
const asClient = (client: ReturnType<typeof fakeClient>) => client as ImmyBotClient;
const problem = (failure: Parameters<typeof problemFor>[0]) => ({
  ok: false,
  problem: problemFor(failure, { integrationId: 619, faultId: 0 }),
});

describe('testConnection', () => {
  it('reports who is signed in and the integration’s name and health', async () => {
    const client = fakeClient();
    await expect(testConnection(asClient(client), 619)).resolves.toStrictEqual({
      ok: true,
      user: { displayName: 'Tess Tech', email: 'tess@acme.example' },
      integration: {
        name: 'HaloPSA (production)',
        healthStatus: 'Healthy',
        healthStatusMessage: 'Last sync 2 minutes ago',
        disabled: false,
      },
    });
    expect(client.auth).toHaveBeenCalledTimes(1);
    expect(client.providerLink.mock.calls).toEqual([[619]]);
    expect(client.ticket).not.toHaveBeenCalled();
  });

  it('reports a disabled integration as disabled', async () => {
    const client = fakeClient({ providerLink: async () => ({ ...LINK, disabled: true, healthStatus: 'Unhealthy' }) });
    await expect(testConnection(asClient(client), 619)).resolves.toMatchObject({
      ok: true,
      integration: { disabled: true, healthStatus: 'Unhealthy' },
    });
  });

  it('turns missing user and integration details into null, and an unknown disabled state into false', async () => {
    const nullUser: AuthUser = { ...AUTH_USER, displayName: null, email: null };
    const bareLink: ProviderLink = {
      ...LINK,
      name: null,
      disabled: null,
      healthStatus: null,
      healthStatusMessage: null,
    };
    const client = fakeClient({ auth: async () => nullUser, providerLink: async () => bareLink });
    await expect(testConnection(asClient(client), 619)).resolves.toStrictEqual({
      ok: true,
      user: { displayName: null, email: null },
      integration: { name: null, healthStatus: null, healthStatusMessage: null, disabled: false },
    });
  });

  it('turns absent (undefined) details into null as well', async () => {
    const client = fakeClient({
      auth: async () => ({ userId: 7 }) as AuthUser,
      providerLink: async () => ({ id: 619 }) as ProviderLink,
    });
    await expect(testConnection(asClient(client), 619)).resolves.toStrictEqual({
      ok: true,
      user: { displayName: null, email: null },
      integration: { name: null, healthStatus: null, healthStatusMessage: null, disabled: false },
    });
  });

  it.each<[string, ImmyBotFailure, number | undefined, Parameters<typeof problemFor>[0]]>([
    ['401', 'signed-out', 401, 'signed-out'],
    ['403', 'forbidden', 403, 'forbidden'],
    ['404 (no /api/v1/auth: not an ImmyBot that answers as documented)', 'not-found', 404, 'unavailable'],
    ['500', 'unavailable', 500, 'unavailable'],
    ['a network failure', 'unavailable', undefined, 'unavailable'],
    ['a malformed answer', 'malformed', 200, 'malformed'],
  ])('auth failing with %s → %s problem, without asking for the integration', async (_, failure, status, expected) => {
    const client = fakeClient({ auth: fail(failure, status) });
    await expect(testConnection(asClient(client), 619)).resolves.toStrictEqual(problem(expected));
    expect(client.providerLink).not.toHaveBeenCalled();
  });

  it('signed out → the sign-in action', async () => {
    const result = await testConnection(asClient(fakeClient({ auth: fail('signed-out', 401) })), 619);
    expect(result).toMatchObject({ ok: false, problem: { kind: 'signed-out', action: 'sign-in' } });
  });

  it.each<[string, ImmyBotFailure, number | undefined, Parameters<typeof problemFor>[0]]>([
    ['404', 'not-found', 404, 'no-integration'],
    ['403', 'forbidden', 403, 'forbidden'],
    ['401', 'signed-out', 401, 'signed-out'],
    ['503', 'unavailable', 503, 'unavailable'],
    ['a malformed answer', 'malformed', 200, 'malformed'],
  ])('the integration failing with %s → %s problem', async (_, failure, status, expected) => {
    const client = fakeClient({ providerLink: fail(failure, status) });
    await expect(testConnection(asClient(client), 619)).resolves.toStrictEqual(problem(expected));
  });

  it('no integration names the Integration ID that was tested and points to settings', async () => {
    const result = await testConnection(asClient(fakeClient({ providerLink: fail('not-found', 404) })), 4242);
    expect(result).toStrictEqual({
      ok: false,
      problem: {
        kind: 'no-integration',
        message: 'ImmyBot has no integration 4242. Check the Integration ID in the settings.',
        action: 'settings',
      },
    });
  });

  it.each<[string, Partial<Pick<ImmyBotClient, 'auth' | 'providerLink'>>]>([
    ['auth', { auth: () => Promise.reject(new TypeError('Not an id: 0')) }],
    ['providerLink', { providerLink: () => Promise.reject(new RangeError('bug')) }],
  ])('a non-ImmyBot error from %s propagates (rejects)', async (_, overrides) => {
    await expect(testConnection(asClient(fakeClient(overrides)), 619)).rejects.not.toBeInstanceOf(ImmyBotError);
    await expect(testConnection(asClient(fakeClient(overrides)), 619)).rejects.toThrow(/Not an id: 0|bug/);
  });
});
