import type { Page } from '@playwright/test';
import { COOKIE_PERMISSION, expect, expectPodLoaded, openTicket, pane, paneFrame, podUrlFor, test } from './fixtures';
import { listedSites, navigate, signIn, STRANGER } from './trust';

// An attacker's page, as the security review tried it: the page can restyle and read everything in its own DOM
// (our open shadow root included) and aim the user's real clicks and keys. Consent and ImmyBot's answers must
// live where it cannot reach: the extension's own pages.

// Signed in, as after the consent click: the attacks below aim at a technician whose ImmyBot frame works.
test.use({ granted: COOKIE_PERMISSION });

/** Hides everything the extension added (host, shadow root, frames) and lays a decoy where the pane's box is. */
const disguise = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('immybot-technician-tools') as HTMLElement;
    host.style.setProperty('opacity', '0', 'important');
    const style = document.createElement('style');
    style.textContent = '* { opacity: 0 !important; } iframe { opacity: 0 !important; }';
    host.shadowRoot?.append(style);
    for (const frame of host.shadowRoot?.querySelectorAll('iframe') ?? [])
      frame.style.setProperty('opacity', '0', 'important');
    const box = host.shadowRoot?.querySelector('section')?.getBoundingClientRect();
    const decoy = document.createElement('button');
    decoy.textContent = 'Click to view the shared ticket';
    Object.assign(decoy.style, {
      position: 'fixed',
      left: `${box?.left}px`,
      top: `${box?.top}px`,
      width: `${box?.width}px`,
      height: `${box?.height}px`,
      zIndex: '1',
    });
    document.body.append(decoy);
    // Whatever the page can focus of ours, it focuses, for the user's next Enter or Space.
    (host.shadowRoot?.querySelector('iframe') as HTMLElement | null)?.focus();
  });

/** The names ImmyBot resolves for the sandbox's tickets that HaloPSA's own page never shows. */
const IMMYBOT_ONLY = /contoso\.com|DESKTOP-\d+|LAPTOP-\d+/i;

test('a stranger tenant that hides the offer under a decoy cannot list itself with the user’s click, Enter or Space', async ({
  context,
  sandbox,
}) => {
  await signIn(context, sandbox);
  const page = context.pages()[0];
  await page.goto(`${STRANGER}/ticket?id=2152`);
  const offer = pane(page).getByRole('button', { name: 'Use Technician Tools on other.trial.usehalo.com' });
  await expect(offer).toBeVisible();
  sandbox.immybot.requests.splice(0);
  await disguise(page);
  await expect(page.getByRole('button', { name: 'Click to view the shared ticket' })).toBeVisible();

  // The user's own click, where the decoy says to click: on the hidden offer. It only opens the extension's own
  // window that asks, and lists nothing by itself.
  const target = (await offer.boundingBox())!;
  const [consent] = await Promise.all([
    context.waitForEvent('page'),
    page.mouse.click(target.x + target.width / 2, target.y + target.height / 2),
  ]);
  expect(consent.url()).toContain('/consent.html?token=');
  // The decoy's second click (a double-click) or a held key lands in that window at once: its button is not
  // ready yet, so nothing happens.
  const turnOn = consent.getByRole('button', { name: 'Turn on for other.trial.usehalo.com' });
  await expect(turnOn).toBeVisible();
  expect(await turnOn.isDisabled()).toBe(true);
  await turnOn.click({ force: true, timeout: 2_000 });
  await consent.keyboard.press('Enter');

  // Enter and Space with the focus where the page (or the user's Tab) put it, on the offer itself: at most the
  // same window again.
  for (const key of ['Enter', 'Space']) {
    await offer.focus();
    await page.keyboard.press(key);
  }
  await page.waitForTimeout(1000);
  expect(await listedSites(context)).toEqual(['https://acme.halopsa.com']);
  await expect(paneFrame(page)).toHaveCount(0);
  expect(sandbox.immybot.requests).toEqual([]);
  expect(context.pages().filter((p) => p.url().includes('/consent.html')).length).toBe(1);
});

test('a script on a listed site that walks tickets finds none of ImmyBot’s answers, while the technician sees them', async ({
  context,
  sandbox,
}) => {
  await signIn(context, sandbox);
  const page = context.pages()[0];
  await openTicket(page, 2152);
  const seen: string[] = [];
  for (const faultId of [2152, 2820, 3001]) {
    if (faultId !== 2152) await navigate(page, `/ticket?id=${faultId}`);
    await expectPodLoaded(page, podUrlFor(faultId));
    // The technician sees who and what ImmyBot resolved, in the pane's own page.
    await expect(pane(page).locator('section.pane')).toHaveAttribute('data-fault-id', String(faultId));
    await pane(page).locator('.line-toggle').click();
    await expect(pane(page).locator('.more .email')).toContainText('@contoso.com');
    seen.push((await pane(page).getByTestId('ticket-summary').textContent()) ?? '');

    // The page's script: its whole document, every open shadow root, every attribute, every frame it may read,
    // and a port of its own offered to every frame as if it were the content script.
    const harvested = await page.evaluate(async () => {
      const found: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          for (const attribute of element.attributes) found.push(attribute.value);
          if (element.shadowRoot) {
            found.push(element.shadowRoot.innerHTML);
            walk(element.shadowRoot);
          }
          const frame = element as HTMLIFrameElement;
          try {
            if (frame.contentDocument) found.push(frame.contentDocument.documentElement.outerHTML);
          } catch (error) {
            found.push(String(error));
          }
        }
      };
      found.push(document.documentElement.outerHTML);
      walk(document);
      for (let i = 0; i < window.frames.length; i++) {
        try {
          found.push(window.frames[i].document.documentElement.outerHTML);
        } catch {
          // Cross-origin: nothing to read.
        }
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => found.push(JSON.stringify(event.data));
        window.frames[i].postMessage({ t: 'immybot-technician-tools:connect' }, '*', [channel.port2]);
      }
      await new Promise((resolve) => setTimeout(resolve, 700));
      return found.join('\n');
    });
    expect(harvested).not.toMatch(IMMYBOT_ONLY);
  }
  expect(seen.join(' ')).toMatch(/Ben\.Castle@contoso\.com.*Dana\.Ruiz@contoso\.com.*Eli\.Park@contoso\.com/);
});

test('a 20 MB ImmyBot answer is refused with a clear message and never stalls HaloPSA’s page', async ({
  context,
  sandbox,
}) => {
  await signIn(context, sandbox);
  const page = context.pages()[0];
  const computers = Array.from({ length: 200_000 }, (_, i) => ({
    computerId: i,
    computerName: `HUGE-PC-${String(i).padStart(6, '0')}-${'x'.repeat(60)}`,
    isOnline: i % 2 === 0,
  }));
  const body = JSON.stringify({ computers, personId: 40, personName: 'Ben Castle', tenantId: 3, tenantName: 'Acorn' });
  expect(body.length).toBeGreaterThan(20_000_000);
  sandbox.immybot.answerTicket(2152, { body });
  // The longest gap between the page's timer ticks while the ticket opens and its answer is refused.
  await page.addInitScript(() => {
    const w = window as any;
    w.__longestGap = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.__longestGap = Math.max(w.__longestGap, now - last);
      last = now;
    }, 16);
  });
  await openTicket(page, 2152);
  await expect(pane(page).locator('.summary.problem')).toContainText(
    'ImmyBot’s answer for this ticket was too large to show: open it in ImmyBot.',
  );
  const longestGap = await page.evaluate(() => (window as any).__longestGap as number);
  console.log(`20 MB answer: HaloPSA's page longest timer gap ${Math.round(longestGap)} ms`);
  expect(longestGap).toBeLessThan(400);
  await expect(pane(page).locator('li')).toHaveCount(0);
});

test('a long computer list shows the first 50 and says how many more, counting every one online', async ({
  context,
  sandbox,
}) => {
  await signIn(context, sandbox);
  const page = context.pages()[0];
  const computers = Array.from({ length: 62 }, (_, i) => ({
    computerId: i,
    computerName: `PC-${String(i).padStart(2, '0')}`,
    isOnline: i >= 55,
  }));
  sandbox.immybot.answerTicket(2152, {
    body: JSON.stringify({ computers, personId: 40, personName: 'Ben Castle', tenantId: 3, tenantName: 'Acorn' }),
  });
  await openTicket(page, 2152);
  // All 62 counted, and the 7 online ones are all past the first 50.
  await expect(pane(page).locator('.line-toggle')).toHaveText('Ben Castle · Acorn · 7 of 62 online');
  await pane(page).locator('.line-toggle').click();
  const list = pane(page).locator('.more .computers');
  await expect(list.locator('li:not(.more-computers)')).toHaveCount(50);
  await expect(list.locator('li.more-computers')).toHaveText('and 12 more');
});
