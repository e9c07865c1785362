import * as z from 'zod/mini';
import { isHaloOrigin } from '../halo/address';
import type { HaloCheck } from '../halo/instance-info';
import { isValidId } from '../ids';
import { isInstanceOrigin } from '../immybot/instance';
import type { CookieAccess } from '../immybot/cookie-access';
import type { LookupResult } from '../immybot/lookups';
import type { Problem } from '../immybot/problems';

const id = z.number().check(z.refine(isValidId));

/** Every message a context may send the background. Anything else is dropped on receipt. */
export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('openOptions') }),
  z.object({ type: z.literal('checkHaloAddress'), origin: z.string().check(z.refine(isHaloOrigin)) }),
  z.object({ type: z.literal('lookupTicket'), faultId: id }),
  z.object({ type: z.literal('ticketClosed') }),
  z.object({ type: z.literal('signIn') }),
  z.object({ type: z.literal('watchSignIn') }),
  z.object({
    type: z.literal('testConnection'),
    instanceOrigin: z.string().check(z.refine(isInstanceOrigin)),
    integrationId: id,
  }),
]);

export type Request = z.infer<typeof RequestSchema>;

/** What a content script on a HaloPSA page may ask; the rest is for extension pages only. */
const CONTENT_SCRIPT_REQUESTS: ReadonlySet<Request['type']> = new Set(['openOptions', 'lookupTicket', 'ticketClosed', 'signIn']);
export const contentScriptMayAsk = (request: Request): boolean => CONTENT_SCRIPT_REQUESTS.has(request.type);

export type ConnectionTest =
  | {
      ok: true;
      user: { displayName: string | null; email: string | null };
      integration: { name: string | null; healthStatus: string | null; healthStatusMessage: string | null; disabled: boolean };
    }
  | { ok: false; problem: Problem };

/** What the background answers to each request type. */
export interface Responses {
  openOptions: { ok: true };
  checkHaloAddress: HaloCheck;
  /** cookieAccess: whether the frame can be vouched for where third-party cookies are blocked. */
  lookupTicket: LookupResult & { cookieAccess?: CookieAccess };
  ticketClosed: { ok: true };
  signIn: { ok: boolean };
  watchSignIn: { ok: true };
  testConnection: ConnectionTest;
}

export function parseRequest(message: unknown): Request | null {
  const parsed = RequestSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}
