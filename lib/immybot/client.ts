import { FetchError, ofetch } from 'ofetch';
import type * as z from 'zod/mini';
import { isValidId } from '../ids';
import { isInstanceOrigin } from './instance';
import { AuthUserSchema, ProviderLinkSchema, TicketInfoSchema } from './schemas';

export type ImmyBotFailure = 'signed-out' | 'forbidden' | 'not-found' | 'unavailable' | 'malformed' | 'too-large';

/** The most of an answer the client reads; a ticket with 200,000 computers (21 MB) froze the browser. */
export const MAX_ANSWER_BYTES = 1_048_576;

export class ImmyBotError extends Error {
  constructor(
    readonly failure: ImmyBotFailure,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(`ImmyBot: ${failure}${status ? ` (${status})` : ''}`, options);
    this.name = 'ImmyBotError';
  }

  /** No answer before the deadline (rather than an error status or a failed connection). */
  get timedOut(): boolean {
    return this.failure === 'unavailable' && this.status === undefined && isTimeout(this.cause);
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

/** What a non-answer means, before its body is read; null for an answer worth reading. */
function failureOf(response: Response): ImmyBotFailure | null {
  const status = response.status;
  if (isLoginAnswer(response) || status === 401) return 'signed-out';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status < 200 || status >= 300) return 'unavailable';
  return null;
}

function isTimeout(error: unknown): boolean {
  const cause = (error instanceof FetchError ? error.cause : error) as { name?: unknown } | undefined;
  return cause?.name === 'TimeoutError' || cause?.name === 'AbortError';
}

/**
 * The body as text, refused as 'too-large' past `cap` bytes: by its Content-Length before reading, or
 * else by cancelling the stream at the chunk that crosses the cap, so no more than `cap` is ever kept.
 */
async function readCapped(response: Response, cap: number): Promise<string> {
  const tooLarge = () => new ImmyBotError('too-large', response.status);
  if (Number(response.headers.get('content-length')) > cap) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > cap) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * ImmyBot's API with the browser's ImmyBot session (cookies): the one place that holds the base URL,
 * credentials, timeout, retry and size cap. Every answer is validated; every failure is an ImmyBotError.
 */
export function createImmyBotClient(instanceOrigin: string, { fetch, timeoutMs = 10_000 }: ClientOptions = {}) {
  if (!isInstanceOrigin(instanceOrigin)) throw new TypeError(`Not an ImmyBot instance origin: ${instanceOrigin}`);
  const api = ofetch.create(
    {
      baseURL: `${instanceOrigin}/api/v1`,
      credentials: 'include',
      headers: { accept: 'application/json' },
      retry: 0,
      ignoreResponseError: true,
      // The body is read here, up to MAX_ANSWER_BYTES, never whole by ofetch.
      responseType: 'stream',
      // A signed-out ImmyBot may redirect to a login page instead of answering 401: see it, never follow it.
      redirect: 'manual',
    },
    fetch ? { fetch } : {},
  );

  async function get<T>(path: string, schema: z.ZodMiniType<T>): Promise<T> {
    const { text, status } = await answer(path);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new ImmyBotError('malformed', status, { cause: error });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ImmyBotError('malformed', status, { cause: parsed.error });
    return parsed.data;
  }

  // One retry, for network errors only (GETs are idempotent); a timeout already waited long enough.
  async function answer(path: string): Promise<{ text: string; status: number }> {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      // One deadline for the headers and the body (ofetch's own timeout stops at the headers).
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        response = await api.raw(path, { signal });
      } catch (error) {
        if (attempt === 0 && !isTimeout(error)) continue;
        throw new ImmyBotError('unavailable', undefined, { cause: error });
      }
      const status = response.status;
      const failure = failureOf(response);
      if (failure) {
        void response.body?.cancel().catch(() => undefined);
        throw new ImmyBotError(failure, status || undefined);
      }
      try {
        return { text: await readCapped(response, MAX_ANSWER_BYTES), status };
      } catch (error) {
        if (error instanceof ImmyBotError) throw error;
        if (attempt === 0 && !isTimeout(error)) continue;
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
