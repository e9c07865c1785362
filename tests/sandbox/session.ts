import type { BrowserContext } from '@playwright/test';
import { SESSION_COOKIE } from './immybot/server';
import type { Sandbox } from './sandbox';

/** Signs the browser in to the ImmyBot stand-in as a top-level sign-in would: its session cookie on acme.immy.bot. */
export function signInToImmyBot(context: BrowserContext, sandbox: Sandbox): Promise<void> {
  return context.addCookies([
    {
      name: SESSION_COOKIE,
      value: sandbox.immybot.issueSession(),
      domain: 'acme.immy.bot',
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'None',
    },
  ]);
}
