import { createImmyBotClient } from '../immybot/client';
import { createStorageLookupCache } from '../immybot/lookup-cache';
import { createLookups } from '../immybot/lookups';
import { resumeSignIn } from '../immybot/sign-in-window';
import { isHostedHaloUrl, toUrl } from '../halo/hosts';
import { originPattern } from '../match-pattern';
import { parseRequest, type Done, type Request } from '../messaging/protocol';
import { framingPageUrl, senderRole, type SenderRole } from '../messaging/sender';
import type { SettingsChange } from '../settings/changes';
import { loadSettings } from '../settings/settings';
import { changeSettings } from '../settings/store';
import { consentHandlers } from './handlers/consent';
import { type Api, type HandlerContext, type HandlerTable, refused } from './handlers/handler';
import { settingsHandlers } from './handlers/settings';
import { signInHandlers } from './handlers/sign-in';
import { ticketHandlers } from './handlers/tickets';
import { windowHandlers } from './handlers/window';

/** How long a ticket lookup waits for ImmyBot, headers and body together. */
export const LOOKUP_TIMEOUT_MS = 4_000;

/** Every request type's roles and handler; a type missing, one too many or a wrong answer does not compile. */
export const HANDLERS: HandlerTable = {
  ...ticketHandlers,
  ...settingsHandlers,
  ...consentHandlers,
  ...signInHandlers,
  ...windowHandlers,
};

export const mayAsk = (role: SenderRole, request: Request): boolean => HANDLERS[request.type].roles.includes(role);

/** The request's own row answers it: the type parameter ties the two together, as a switch could not. */
const answer = <T extends Request['type']>(type: T, request: Extract<Request, { type: T }>, context: HandlerContext) =>
  HANDLERS[type].handle(request, context);

/** Answers every validated request from a sender allowed to make it; drops or refuses the rest. */
export function setupMessages(browser: Api): void {
  // Answers live in storage.session: they outlive a worker restart, never reach a page, and die with the browser.
  const lookup = createLookups(
    // A ticket summary that has not come in 4 s is reported (with Retry) rather than left spinning.
    (instanceOrigin) => createImmyBotClient(instanceOrigin, { timeoutMs: LOOKUP_TIMEOUT_MS }),
    createStorageLookupCache(browser.storage.session),
  );

  const isSignedIn = async (instanceOrigin?: string): Promise<boolean> => {
    const instance = instanceOrigin ?? (await loadSettings()).immybot?.instanceOrigin;
    return (
      instance !== undefined &&
      createImmyBotClient(instance)
        .auth()
        .then(
          () => true,
          () => false,
        )
    );
  };

  const apply = (change: SettingsChange) => applyChange(browser, change);

  browser.runtime.onMessage.addListener((message, sender) => {
    const request = parseRequest(message);
    if (!request) return undefined;
    return loadSettings().then(({ haloOrigins }) => {
      const role = senderRole(sender, {
        ownId: browser.runtime.id,
        ownBaseUrl: browser.runtime.getURL('/'),
        haloOrigins,
      });
      if (!mayAsk(role, request)) throw refused(request);
      // The HaloPSA site behind the asking pane: the top-level page its frame sits in, never anything the page said.
      const pageUrl = framingPageUrl(sender);
      const siteOrigin = pageUrl ? toUrl(pageUrl)?.origin : undefined;
      return answer(request.type, request, { browser, sender, pageUrl, siteOrigin, lookup, apply, isSignedIn });
    });
  });

  void resumeSignIn(browser, isSignedIn);
}

/** The single writer's door: one change, applied in order; a self-hosted site leaving the list gives its permission back. */
async function applyChange(browser: Api, change: SettingsChange): Promise<Done> {
  try {
    // Only these two kinds can take sites off the list (an import removes the ones its list showed).
    const before =
      change.kind === 'removeSite' || change.kind === 'importSettings' ? (await loadSettings()).haloOrigins : [];
    const settings = await changeSettings(change);
    const left = before.filter((origin) => !settings.haloOrigins.includes(origin) && !isHostedHaloUrl(origin));
    // Two listed sites on one host (other ports) share one permission: keep it while either is listed.
    const unused = new Set(left.map(originPattern));
    for (const origin of settings.haloOrigins) unused.delete(originPattern(origin));
    if (unused.size > 0) await browser.permissions.remove({ origins: [...unused] }).catch(() => false);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
