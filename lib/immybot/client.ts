import { FetchError, ofetch } from 'ofetch';
import type * as z from 'zod';
import { isValidId } from '../ids';
import { isInstanceOrigin } from './instance';
import { AuthUserSchema, ProviderLinkSchema, TicketInfoSchema } from './schemas';

export type ImmyBotFailure = 'signed-out' | 'forbidden' | 'not-found' | 'unavailable' | 'malformed';

export class ImmyBotError extends Error {
  constructor(
    readonly failure: ImmyBotFailure,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(`ImmyBot: ${failure}${status ? ` (${status})` : ''}`, options);
    this.name = 'ImmyBotError';
  }
}

/**
 * An answer that means "go and sign in": a redirect (seen as such with `redirect: 'manual'`, or
 * opaque when it crosses origins, as to Microsoft's sign-in) or an HTML page where JSON was asked for.
 */
function isLoginAnswer(response: Response): boolean {
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) return true;
  const type = response.headers.get('content-type') ?? '';
  return response.status >= 200 && response.status < 300 && /^\s*text\/html/i.test(type);
}

export interface ClientOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * ImmyBot's API with the browser's ImmyBot session (cookies): the one place that holds the base URL,
 * credentials, timeout and retry. Every answer is validated; every failure is an ImmyBotError.
 */
export function createImmyBotClient(instanceOrigin: string, { fetch, timeoutMs = 10_000 }: ClientOptions = {}) {
  if (!isInstanceOrigin(instanceOrigin)) throw new TypeError(`Not an ImmyBot instance origin: ${instanceOrigin}`);
  const api = ofetch.create(
    {
      baseURL: `${instanceOrigin}/api/v1`,
      credentials: 'include',
      headers: { accept: 'application/json' },
      timeout: timeoutMs,
      retry: 0,
      ignoreResponseError: true,
      responseType: 'text',
      // A signed-out ImmyBot may redirect to a login page instead of answering 401: see it, never follow it.
      redirect: 'manual',
    },
    fetch ? { fetch } : {},
  );

  async function get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const response = await send(path);
    const status = response.status;
    if (isLoginAnswer(response)) throw new ImmyBotError('signed-out', status || undefined);
    if (status === 401) throw new ImmyBotError('signed-out', status);
    if (status === 403) throw new ImmyBotError('forbidden', status);
    if (status === 404) throw new ImmyBotError('not-found', status);
    if (status < 200 || status >= 300) throw new ImmyBotError('unavailable', status);
    let body: unknown;
    try {
      body = JSON.parse(String(response._data ?? ''));
    } catch (error) {
      throw new ImmyBotError('malformed', status, { cause: error });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ImmyBotError('malformed', status, { cause: parsed.error });
    return parsed.data;
  }

  // One retry, for network errors only (GETs are idempotent); a timeout already waited long enough.
  async function send(path: string) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await api.raw<string>(path);
      } catch (error) {
        const cause = error instanceof FetchError ? (error.cause as Error | undefined) : undefined;
        const timedOut = cause?.name === 'TimeoutError' || cause?.name === 'AbortError';
        if (attempt === 0 && !timedOut) continue;
        throw new ImmyBotError('unavailable', undefined, { cause: error });
      }
    }
  }

  const checkId = (id: number) => {
    if (!isValidId(id)) throw new TypeError(`Not an id: ${id}`);
    return id;
  };

  return {
    auth: async () => get('/auth', AuthUserSchema),
    providerLink: async (integrationId: number) => get(`/provider-links/${checkId(integrationId)}`, ProviderLinkSchema),
    ticket: async (integrationId: number, faultId: number) =>
      get(`/provider-links/${checkId(integrationId)}/tickets/${checkId(faultId)}`, TicketInfoSchema),
  };
}

export type ImmyBotClient = ReturnType<typeof createImmyBotClient>;
