import { readFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import { expect, expectPodLoaded, openTicket, podUrlFor, test } from './fixtures';

// Runs in the service worker, where `chrome` is the extension API.
declare const chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
const storedSettings = (worker: Worker) => worker.evaluate(() => chrome.storage.local.get(null));
const serviceWorker = (page: Page) => page.context().serviceWorkers()[0];
const immybotForm = (page: Page) => page.getByRole('form', { name: 'ImmyBot' });

test('the options page names the version the browser loaded, the one package.json names', async ({ openOptions }) => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const options = await openOptions();
  await expect(options.locator('.page-header .version')).toHaveText(`Version ${version}`);
});

test('the instance field accepts the spellings people use and the pasted URL template fills both fields', async ({
  openOptions,
}) => {
  const options = await openOptions();
  const instance = options.getByLabel('ImmyBot instance');
  const integration = options.getByLabel('Integration ID');
  const preview = options.getByTestId('preview');

  for (const spelling of ['acme', 'acme.immy.bot', 'https://ACME.immy.bot/', '  acme  ']) {
    await instance.fill(spelling);
    await integration.fill('619');
    await expect(preview).toHaveText('https://acme.immy.bot/technician-pod/psa/619/ticket/2152');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(immybotForm(options).getByRole('status')).toContainText('Saved');
    await expect(instance).toHaveValue('https://acme.immy.bot');
    await expect(instance).not.toHaveAttribute('aria-invalid');
  }

  await integration.fill('');
  await instance.fill('https://contoso.immy.bot/technician-pod/psa/42/ticket/$FAULTID');
  await expect(instance).toHaveValue('https://contoso.immy.bot');
  await expect(integration).toHaveValue('42');
  await expect(preview).toHaveText('https://contoso.immy.bot/technician-pod/psa/42/ticket/2152');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(immybotForm(options).getByRole('status')).toContainText('Saved');
  expect((await storedSettings(serviceWorker(options))).settings).toEqual({
    immybot: { instanceOrigin: 'https://contoso.immy.bot', integrationId: 42 },
    haloOrigins: [],
    declinedOrigins: [],
    show: null,
    siteConnections: {},
  });
});

const badInstances = [
  'http://acme.immy.bot',
  'acme.immy.bot.evil.test',
  'javascript:alert(1)',
  'ac me',
  '',
  'https://acme.immy.bot:8443',
];
const badIds = ['', 'abc', '-5', '0', '1e3', '619; x', '2147483648'];

test('bad input gets a clear message next to the field and saves nothing', async ({ openOptions, configure }) => {
  await configure('acme', 619);
  const options = await openOptions();
  const worker = serviceWorker(options);
  const before = await storedSettings(worker);
  const instance = options.getByLabel('ImmyBot instance');
  const integration = options.getByLabel('Integration ID');

  for (const bad of badInstances) {
    await instance.fill(bad);
    await integration.fill('700');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(instance, bad).toHaveAttribute('aria-invalid', 'true');
    const error = options.locator('#instance-error');
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(error).not.toBeEmpty();
    await expect(instance).toHaveAttribute('aria-describedby', /instance-error/);
    await expect(integration).not.toHaveAttribute('aria-invalid');
    await expect(immybotForm(options).getByRole('status')).toBeEmpty();
  }
  for (const bad of badIds) {
    await instance.fill('https://other.immy.bot');
    await integration.fill(bad);
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(integration, bad).toHaveAttribute('aria-invalid', 'true');
    await expect(options.locator('#integration-id-error')).toHaveAttribute('role', 'alert');
    await expect(instance).not.toHaveAttribute('aria-invalid');
  }
  expect(await storedSettings(worker)).toEqual(before);
  await expect(immybotForm(options).getByRole('alert')).toHaveCount(1);
  await expect(immybotForm(options).getByRole('alert')).toContainText('whole number from 1 to 2147483647');
});

test('saving updates open panes without a page reload', async ({ page, openOptions, configure }) => {
  await configure('acme', 619);
  await openTicket(page, 2152);
  const loadId = await page.evaluate(() => (window as any).haloLoadId);

  const options = await openOptions();
  await options.getByLabel('ImmyBot instance').fill('https://contoso.immy.bot/technician-pod/psa/77/ticket/$FAULTID');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(immybotForm(options).getByRole('status')).toContainText(
    'Saved. HaloPSA tickets now show Technician Tools from https://contoso.immy.bot (integration 77).',
  );

  await expectPodLoaded(page, podUrlFor(2152, 'https://contoso.immy.bot', 77));
  expect(await page.evaluate(() => (window as any).haloLoadId)).toBe(loadId);
});

test('a site in the options page’s address is ignored: only a ticket’s setup prompt, through the background, names one', async ({
  context,
  extensionId,
}) => {
  // Any page or extension can open this address; the first Save must not list its site.
  const options = await context.newPage();
  await options.goto(
    `chrome-extension://${extensionId}/options.html?site=${encodeURIComponent('https://evil.halopsa.com')}`,
  );
  await options.getByLabel('ImmyBot instance').fill('acme');
  await options.getByLabel('Integration ID').fill('619');
  await options.getByRole('button', { name: 'Save' }).click();
  // No site listed, so Save says what is still missing rather than that tickets now show Technician Tools.
  await expect(immybotForm(options).getByRole('status')).toHaveText(
    'Saved https://acme.immy.bot (integration 619). Add your HaloPSA site below to finish: Technician Tools shows only on the sites listed.',
  );
  await expect(options.getByTestId('save-adds-site')).toHaveCount(0);
  expect((await storedSettings(serviceWorker(options))).settings).toEqual({
    immybot: { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 },
    haloOrigins: [],
    declinedOrigins: [],
    show: null,
    siteConnections: {},
  });
  await expect(options.getByLabel('Added HaloPSA sites').getByRole('listitem')).toHaveCount(0);
});

/** Pairs of visible text and controls whose boxes overlap by more than a pixel (one inside the other is fine). */
const overlaps = (page: Page) =>
  page.evaluate(() => {
    const name = (el: Element) =>
      `${el.localName}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}: ${(el.textContent ?? '').trim().slice(0, 30)}`;
    const shown = [...document.querySelectorAll('h1, h2, p, label, button, legend, input, li, .hint')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    });
    const found: string[] = [];
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++) {
        const [a, b] = [shown[i], shown[j]];
        if (a.contains(b) || b.contains(a)) continue;
        const [r, s] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
        const x = Math.min(r.right, s.right) - Math.max(r.left, s.left);
        const y = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
        if (x > 1 && y > 1) found.push(`${name(a)} ⟷ ${name(b)}`);
      }
    return found;
  });

test('nothing on the options page or the sign-in window overlaps, at 100 % and at 200 % zoom', async ({
  context,
  extensionId,
  configure,
}) => {
  await configure();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html?welcome`);
  await expect(options.getByRole('button', { name: 'Export settings' })).toBeVisible();
  // A site's connection editor open too, with an error showing: the tightest the site list gets.
  await options.getByRole('button', { name: 'Change the ImmyBot connection of acme.halopsa.com' }).click();
  const editor = options.getByRole('group', { name: 'ImmyBot connection of acme.halopsa.com' });
  await editor.getByLabel('Integration ID').fill('x');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.locator('.error')).toBeVisible();
  const signIn = await context.newPage();
  await signIn.goto(`chrome-extension://${extensionId}/signin.html?cookies`);
  await expect(signIn.getByRole('button', { name: 'Allow and sign in' })).toBeVisible();
  // From the page itself: without the "tabs" permission Chromium 150 finds no tab by our own pages' URLs.
  const setZoom = (page: Page, factor: number) =>
    page.evaluate(async (zoom) => {
      const chrome = (globalThis as any).chrome;
      await chrome.tabs.setZoom((await chrome.tabs.getCurrent()).id, zoom);
    }, factor);
  for (const zoom of [1, 2])
    for (const page of [options, signIn]) {
      await setZoom(page, zoom);
      await expect.poll(() => page.evaluate(() => window.devicePixelRatio)).toBe(zoom);
      expect(await overlaps(page), `${page.url()} at ${zoom * 100} %`).toEqual([]);
    }
  // Chromium keeps a zoom level per origin, here the extension's: back to 100 % for whatever runs next in this browser.
  for (const page of [options, signIn]) await setZoom(page, 1);
});
