import type { BrowserContext, Page, Worker } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionIdOf, extensionWithGrantedHosts, launchWithExtension } from '../sandbox/chromium';
import { configureThroughStorage } from '../sandbox/configure';
import {
  EXTENSION_DIR,
  expect,
  SELF_HOSTED_HOSTS,
  expectPodLoaded,
  paneCount,
  podUrlFor,
  reloadExtension,
  test as base,
} from './fixtures';

// Runs in the service worker, where `chrome` is the extension API.
declare const chrome: {
  contentSettings: {
    cookies: { get(details: { primaryUrl: string; secondaryUrl: string }): Promise<{ setting: string }> };
  };
  storage: { local: { get(key: string): Promise<Record<string, any>> } };
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> };
  action: { getBadgeText(details: object): Promise<string> };
};

const worker = async (context: BrowserContext): Promise<Worker> =>
  context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const storedOrigins = async (context: BrowserContext) =>
  ((await (await worker(context)).evaluate(() => chrome.storage.local.get('settings'))).settings?.haloOrigins ??
    []) as string[];
const registeredMatches = async (context: BrowserContext) =>
  (await (await worker(context)).evaluate(() => chrome.scripting.getRegisteredContentScripts())).flatMap(
    (s) => s.matches ?? [],
  );

async function openTicket(context: BrowserContext, url: string, faultId: number): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto(url);
  await expectPodLoaded(tab, podUrlFor(faultId));
  return tab;
}

/** Chrome's cookie setting for ImmyBot requested from `site`, read back from the browser itself. */
const cookieSetting = async (context: BrowserContext, site: string) =>
  (await worker(context)).evaluate(
    ({ primaryUrl, secondaryUrl }) =>
      chrome.contentSettings.cookies.get({ primaryUrl, secondaryUrl }).then((s) => s.setting),
    { primaryUrl: 'https://acme.immy.bot/', secondaryUrl: `${site}/` },
  );

const halo = (page: Page) => page.getByRole('form', { name: 'HaloPSA sites' });

async function addAddress(options: Page, address: string): Promise<void> {
  await halo(options).getByLabel('HaloPSA site', { exact: true }).fill(address);
  await halo(options).getByRole('button', { name: /^Add/ }).click();
}

/** The options page, open, with ImmyBot configured and no HaloPSA site listed yet. */
const test = base.extend<{ configuredOptions: Page }>({
  configuredOptions: async ({ configure, openOptions }, use) => {
    await configure('acme', 619, []);
    await use(await openOptions());
  },
});

test.describe('self-hosted and custom-domain HaloPSA', () => {
  test.use({ granted: { hosts: SELF_HOSTED_HOSTS } });

  test('adding an address turns on the pane there, in tabs already open too, with and without a port; it survives a restart', async ({
    sandbox,
  }) => {
    // A browser of its own, with a profile that outlives it.
    const profile = mkdtempSync(join(tmpdir(), 'immybot-profile-'));
    const extensionDir = extensionWithGrantedHosts(EXTENSION_DIR, SELF_HOSTED_HOSTS);
    const launch = () => launchWithExtension(extensionDir, sandbox, { userDataDir: profile });
    let context = await launch();
    await configureThroughStorage(context, 'acme', 619, []);
    const ticket = await context.newPage();
    await ticket.goto('https://psa.example.test/ticket?id=2152');
    const ported = await context.newPage();
    await ported.goto('https://psa.example.test:8443/tickets?id=3001');
    expect(await paneCount(ticket)).toBe(0);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${await extensionIdOf(context)}/options.html`);
    await halo(options).getByLabel('HaloPSA site', { exact: true }).fill('psa.example.test');
    await expect(options.getByTestId('halo-check')).toHaveText('This looks like HaloPSA (tenant psa-tenant).');
    await halo(options).getByRole('button', { name: 'Add' }).click();
    await expect(halo(options).getByRole('status')).toContainText('Added https://psa.example.test');
    const item = halo(options).locator('li[data-origin="https://psa.example.test"]');
    await expect(item).toContainText('Active');

    // The tab that was already open gets the pane without a reload; the other port is another origin.
    await expectPodLoaded(ticket, podUrlFor(2152));
    await ported.waitForTimeout(300);
    expect(await paneCount(ported)).toBe(0);

    await addAddress(options, 'https://psa.example.test:8443/ticket?id=5');
    await expect(halo(options).locator('li[data-origin="https://psa.example.test:8443"]')).toContainText('Active');
    await expectPodLoaded(ported, podUrlFor(3001));
    expect(await storedOrigins(context)).toEqual(['https://psa.example.test', 'https://psa.example.test:8443']);
    expect(await registeredMatches(context)).toEqual(['https://psa.example.test/*']);

    // Browser restart: the same profile, a fresh browser.
    await context.close();
    context = await launch();
    const again = context.pages()[0] ?? (await context.newPage());
    await again.goto('https://psa.example.test:8443/ticket?id=2820');
    await expectPodLoaded(again, podUrlFor(2820));
    await again.goto('https://psa.example.test/ticket?id=2152');
    await expectPodLoaded(again, podUrlFor(2152));
    await context.close();
  });

  test('removing an address removes the pane from open tabs, unregisters it, and forgets it', async ({
    context,
    configuredOptions: options,
  }) => {
    await addAddress(options, 'https://psa.example.test');
    await expect(halo(options).getByRole('status')).toContainText('Added');
    const ticket = await openTicket(context, 'https://psa.example.test/ticket?id=2152', 2152);

    await options.bringToFront();
    await halo(options).getByRole('button', { name: 'Remove https://psa.example.test' }).click();
    await expect.poll(() => paneCount(ticket)).toBe(0);
    await expect(ticket.locator('style[data-immybot-technician-tools-push]')).toHaveCount(0);
    await expect.poll(() => registeredMatches(context)).toEqual([]);
    expect(await storedOrigins(context)).toEqual([]);
    await ticket.reload();
    await ticket.waitForTimeout(300);
    expect(await paneCount(ticket)).toBe(0);
  });

  test('bad addresses get a clear message and save nothing', async ({ context, openOptions }) => {
    const options = await openOptions();
    await addAddress(options, 'psa.example.test');
    await expect(halo(options).getByRole('status')).toContainText('Added');
    const field = halo(options).getByLabel('HaloPSA site', { exact: true });
    const cases: Array<[string, RegExp]> = [
      ['https://*.example.test', /Wildcards/],
      ['*.example.test', /Wildcards/],
      ['http://psa.example.test', /https:\/\//],
      ['javascript:alert(1)', /https:\/\//],
      ['file:///etc/passwd', /https:\/\//],
      ['', /Enter your HaloPSA site/],
      ['not a url', /spaces/],
      ['https://', /not a web address/],
      ['https://acme.halopsa.com:8443', /without a port/],
      ['https://www.halopsa.com', /Halo’s own website/],
      ['https://PSA.example.test/ticket?id=9', /already in the list/],
    ];
    for (const [input, message] of cases) {
      await field.fill(input);
      await halo(options).getByRole('button', { name: /^Add/ }).click();
      await expect(field, input).toHaveAttribute('aria-invalid', 'true');
      await expect(halo(options).getByRole('alert')).toHaveText(message);
      expect(await storedOrigins(context)).toEqual(['https://psa.example.test']);
    }
    // A fix clears the error.
    await field.fill('https://psa2.example.test');
    await expect(field).not.toHaveAttribute('aria-invalid');
  });

  test('an address that hides /api/instanceinfo can still be added', async ({
    context,
    configuredOptions: options,
  }) => {
    await halo(options).getByLabel('HaloPSA site', { exact: true }).fill('https://hidden.example.test');
    await expect(options.getByTestId('halo-check')).toContainText('Could not confirm this is HaloPSA');
    await halo(options).getByRole('button', { name: 'Add anyway' }).click();
    await expect(halo(options).locator('li[data-origin="https://hidden.example.test"]')).toContainText('Active');
    await openTicket(context, 'https://hidden.example.test/ticket?id=2152', 2152);
  });

  test('without access the address is listed as "access not granted", runs nothing, and the toolbar says so', async ({
    context,
    configuredOptions: options,
  }) => {
    // Not pre-granted: the browser's prompt opens (automation cannot answer it), the address is saved first.
    await addAddress(options, 'https://other.example.test');
    const item = halo(options).locator('li[data-origin="https://other.example.test"]');
    await expect(item).toContainText('Access not granted');
    await expect(item.getByRole('button', { name: 'Grant access' })).toBeVisible();
    expect(await registeredMatches(context)).toEqual([]);
    await expect.poll(async () => (await worker(context)).evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
    const ticket = await context.newPage();
    await ticket.goto('https://other.example.test/ticket?id=2152');
    await ticket.waitForTimeout(300);
    expect(await paneCount(ticket)).toBe(0);
  });

  test('after an extension update a self-hosted ticket tab keeps exactly one working pane', async ({
    context,
    configuredOptions: options,
  }) => {
    await addAddress(options, 'psa.example.test');
    await expect(halo(options).getByRole('status')).toContainText('Added');
    await options.close();
    const ticket = await context.newPage();
    await ticket.goto('https://psa.example.test/ticket?id=2152');
    await expectPodLoaded(ticket, podUrlFor(2152));

    await reloadExtension(context, await extensionIdOf(context));
    await expectPodLoaded(ticket, podUrlFor(2152));
    await expect.poll(() => paneCount(ticket)).toBe(1);
    // The new instance follows the SPA (the orphaned one would remove the pane instead).
    await ticket.evaluate(() => (window as any).haloNavigate('/ticket?id=3001'));
    await expectPodLoaded(ticket, podUrlFor(3001));
    await ticket.waitForTimeout(300);
    expect(await paneCount(ticket)).toBe(1);
  });
});

test.describe(() => {
  test.use({ granted: { hosts: SELF_HOSTED_HOSTS, permissions: ['contentSettings'] } });
  test('the cookie exception for a site with a port covers that port only, not another port on its host', async ({
    context,
    configure,
  }) => {
    await configure('acme', 619, ['https://psa.example.test:8443', 'https://acme.halopsa.com']);
    await expect.poll(() => cookieSetting(context, 'https://psa.example.test:8443')).toBe('allow');
    expect(await cookieSetting(context, 'https://psa.example.test:9999')).not.toBe('allow');
    expect(await cookieSetting(context, 'https://psa.example.test')).not.toBe('allow');
    // A default-port site is exactly :443 (Chrome reads a pattern without a port as every port).
    expect(await cookieSetting(context, 'https://acme.halopsa.com')).toBe('allow');
    expect(await cookieSetting(context, 'https://acme.halopsa.com:443')).toBe('allow');
    expect(await cookieSetting(context, 'https://acme.halopsa.com:8443')).not.toBe('allow');
  });
});
