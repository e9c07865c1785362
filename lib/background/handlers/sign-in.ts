import { openSignIn, watchSignInWindow } from '../../immybot/sign-in-window';
import { loadSettings } from '../../settings/settings';
import { connectionForSite } from '../../settings/site-connections';
import { ANY_PAGE, askedSite, type HandlerTable, PAGES } from './handler';

/** ImmyBot's sign-in window: opened from the pane or the side panel, watched once it hands over to ImmyBot. */
export const signInHandlers = {
  signIn: {
    roles: ANY_PAGE,
    handle: async (request, context) => {
      // The instance of the asking site's connection: a sandbox tenant may live on another ImmyBot.
      const settings = await loadSettings();
      const instanceOrigin = connectionForSite(settings, askedSite(request, context))?.instanceOrigin;
      const other = instanceOrigin !== settings.immybot?.instanceOrigin ? instanceOrigin : undefined;
      await openSignIn(context.browser, request.askCookies === true, other);
      return { ok: true };
    },
  },
  watchSignIn: {
    // Only the sign-in window itself says it has handed over to ImmyBot.
    roles: PAGES,
    handle: (_, { browser, sender, isSignedIn }) => {
      // Answer at once; the watch goes on for up to five minutes.
      void watchSignInWindow(browser, sender.tab?.windowId, isSignedIn);
      return { ok: true };
    },
  },
} satisfies Partial<HandlerTable>;
