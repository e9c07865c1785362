import { openSignIn, watchSignInWindow } from '../../immybot/sign-in-window';
import { ANY_PAGE, type HandlerTable, PAGES } from './handler';

/** ImmyBot's sign-in window: opened from the pane or the side panel, watched once it hands over to ImmyBot. */
export const signInHandlers = {
  signIn: {
    roles: ANY_PAGE,
    handle: async ({ askCookies }, { browser }) => {
      await openSignIn(browser, askCookies === true);
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
