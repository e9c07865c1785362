import { createHash } from 'node:crypto';
import { SHOW_PLACES } from '../../lib/show-places';
import { cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { extensionIdOf, launchWithExtension } from '../sandbox/chromium';
import {
  CHROMIUM_POLICY_DIR,
  canWriteChromiumPolicy,
  removeStalePolicies,
  rolloutKitPolicy,
  unpackedExtensionId,
  writeChromiumPolicy,
  writeChromiumPolicyFile,
} from '../sandbox/policy';
import { seriousViolations } from './axe';
import { test as base, EXTENSION_DIR, expect, expectPodLoaded, openTicket, pane, paneCount } from './fixtures';
import { openToolbarPopup } from './popup';

/*
 * Issue 11 end to end with a REAL policy: a JSON file in Chromium's machine policy folder, read by the
 * browser at startup and handed to the extension's storage.managed. Nothing is configured locally: these
 * tests never use the `configure` fixture. Writing /etc needs root (CI runs as root).
 *
 * The complete policy is the rollout kit's own Linux file (`npm run rollout-kit -- --id <this build's id>`, its
 * sample values), exactly as an admin deploys it; the partly invalid ones use the kit's format with values of their
 * own.
 */

/** The policy option for "the rollout kit's Linux file, as generated". */
const ROLLOUT_KIT = 'the rollout kit’s linux/immybot-technician-tools.json';

// Runs in the service worker, where `chrome` is the extension API.
declare const chrome: {
  storage: {
    local: { get(key: string): Promise<Record<string, any>> };
    managed: { get(): Promise<Record<string, unknown>> };
  };
};

/**
 * This file's own copy of the build, at a stable path: Chromium names an unpacked extension by its path, so the policy
 * (keyed by that id) reaches only these tests, never a test in another worker that loads the build itself.
 */
const POLICY_BUILD = join(
  tmpdir(),
  `immybot-policy-build-${createHash('sha256').update(EXTENSION_DIR).digest('hex').slice(0, 8)}`,
);
let copied = false;
const policyBuild = () => {
  if (!copied) {
    rmSync(POLICY_BUILD, { recursive: true, force: true });
    cpSync(EXTENSION_DIR, POLICY_BUILD, { recursive: true });
    copied = true;
  }
  return POLICY_BUILD;
};

/** The id the policy is keyed by, from the copy's path, before any browser runs. */
const expectedId = () => unpackedExtensionId(policyBuild());

const test = base.extend<{ policy: Record<string, unknown> | typeof ROLLOUT_KIT }>({
  policy: [{}, { option: true }],
  // The policy must exist before the browser starts, so this replaces the shared `context` fixture.
  context: async ({ sandbox, policy }, use) => {
    sandbox.immybot.reset();
    const id = expectedId();
    const file =
      policy === ROLLOUT_KIT ? writeChromiumPolicyFile(id, rolloutKitPolicy(id)) : writeChromiumPolicy(id, policy);
    try {
      // Whether the first-run steps open depends on the policy: each test says what it expects.
      const context = await launchWithExtension(policyBuild(), sandbox, { welcomeTab: false });
      try {
        const seen = await extensionIdOf(context);
        if (seen !== id)
          throw new Error(
            `The policy in ${file.path} is keyed by ${id} (computed from the path of ${policyBuild()}), but Chromium ` +
              `loaded the extension as ${seen}: unpackedExtensionId() no longer matches how Chromium names unpacked extensions.`,
          );
        await use(context);
      } finally {
        await context.close();
      }
    } finally {
      // Also when the test failed or timed out; a crashed run's file is removed by the next run (beforeAll).
      file.remove();
    }
  },
});

test.skip(
  !canWriteChromiumPolicy(),
  `Writing Chromium's managed policy (${CHROMIUM_POLICY_DIR}) needs root; run as root (CI does) to test enterprise policy.`,
);

test.beforeAll(() => {
  if (!canWriteChromiumPolicy()) return;
  const stale = removeStalePolicies(expectedId());
  if (stale.length > 0) console.warn(`Removed policy files an earlier run left behind: ${stale.join(', ')}`);
});

const worker = async (context: BrowserContext): Promise<Worker> =>
  context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));

/** What Chromium hands the extension: the policy after Chromium's own schema check. */
const managedStorage = async (context: BrowserContext) =>
  (await worker(context)).evaluate(() => chrome.storage.managed.get());

/**
 * The background's copy of the policy, once it exists. Chromium answers storage.managed only ~3 s after the
 * worker starts (measured here, with or without a policy file), and pages read the copy; waiting for it
 * means a ticket opened afterwards must never show the setup prompt.
 */
async function policyInEffect(context: BrowserContext) {
  const sw = await worker(context);
  let copy: any;
  await expect
    .poll(async () => (copy = (await sw.evaluate(() => chrome.storage.local.get('managedPolicy'))).managedPolicy), {
      message: 'the background copies the policy into storage.local',
      timeout: 20_000,
    })
    .toBeTruthy();
  return copy as { policy: Record<string, unknown>; problems: { field: string; message: string }[] };
}

/**
 * Records, from the page's first script on, whether a prompt (the setup prompt or a site offer) ever showed: the
 * pane's own page in the dock without a Technician Tools frame beside it. Prompts draw inside that page, which
 * HaloPSA's page cannot read, so this is what a page can see of them.
 */
async function watchForPrompts(page: Page) {
  await page.addInitScript(() => {
    const w = window as any;
    w.__seen = { prompt: false };
    const look = () => {
      const root = document.querySelector('immybot-technician-tools')?.shadowRoot;
      if (root?.querySelector('iframe.ui') && !root.querySelector('iframe.frame')) w.__seen.prompt = true;
    };
    setInterval(look, 10);
  });
}
const seenPrompts = (page: Page) => page.evaluate(() => (window as any).__seen as { prompt: boolean });

const isWelcome = (page: Page) => page.url().includes('/options.html?welcome');
/** Whether the install opened the first-run steps; asked once the policy's copy exists, which decides them. */
async function welcomeOpened(context: BrowserContext): Promise<boolean> {
  await policyInEffect(context);
  // The steps open right after the copy lands, or never: 3 s of nothing is "never".
  return context
    .waitForEvent('page', { predicate: isWelcome, timeout: 3_000 })
    .then(() => true)
    .catch(() => context.pages().some(isWelcome));
}

const SET_BY_ORGANIZATION = 'Set by your organization';
/** The options page's cards: the ImmyBot connection, the HaloPSA sites, and where it shows. */
const cards = (options: Page) => {
  const card = (has: Locator) => options.locator('.card').filter({ has });
  return {
    immybot: card(options.locator('#instance')),
    sites: card(options.getByRole('heading', { name: 'HaloPSA sites' })),
    show: card(options.getByRole('group', { name: 'Show Technician Tools' })),
  };
};
/** Absent, or there but disabled: either way nobody can press it. */
const unusable = async (control: Locator) =>
  (await control.count()) === 0 ||
  (await control.evaluateAll((all) => all.every((c) => (c as HTMLInputElement).disabled)));

test.describe('a complete policy (the rollout kit’s Linux file), nothing configured locally', () => {
  test.use({ policy: ROLLOUT_KIT });

  test('the pane loads on the listed tenant with no setup prompt; another hosted tenant gets neither pane nor offer', async ({
    context,
    page,
    sandbox,
  }) => {
    // The kit's sample values, exactly: Chromium read the kit's file and passed every key.
    expect(await managedStorage(context)).toEqual({
      immybotInstance: 'acme',
      integrationId: 619,
      haloSites: ['acme.halopsa.com'],
      show: 'page',
    });
    expect(await policyInEffect(context)).toEqual({
      policy: {
        instanceOrigin: 'https://acme.immy.bot',
        integrationId: 619,
        haloOrigins: ['https://acme.halopsa.com'],
        show: 'page',
      },
      problems: [],
    });
    // No local configuration at all, and no first-run steps: there is nothing left to set up.
    expect(await (await worker(context)).evaluate(() => chrome.storage.local.get('settings'))).toEqual({});
    expect(await welcomeOpened(context), 'a complete policy opens no first-run steps').toBe(false);

    await watchForPrompts(page);
    await page.goto('https://acme.halopsa.com/ticket?id=2152');
    await expectPodLoaded(page, 'https://acme.immy.bot/technician-pod/psa/619/ticket/2152');
    expect(await seenPrompts(page)).toEqual({ prompt: false });

    // A hosted tenant the policy does not list: no pane, no offer, nothing asked of ImmyBot.
    sandbox.immybot.requests.splice(0);
    await page.goto('https://globex.halopsa.com/ticket?id=2152');
    await expect(page.locator('#page-title')).toContainText('2152');
    await page.waitForTimeout(1000);
    expect(await paneCount(page)).toBe(0);
    await expect(pane(page).getByRole('button', { name: 'Use Technician Tools on globex.halopsa.com' })).toHaveCount(0);
    expect(await seenPrompts(page)).toEqual({ prompt: false });
    await expect(page.locator('iframe')).toHaveCount(0);
    expect(sandbox.immybot.requests).toEqual([]);

    // The toolbar popup does not offer it either: it says whose list it is not on.
    const popup = await openToolbarPopup(context, page);
    await expect
      .poll(() => popup.evaluate('document.body.innerText'))
      .toContain('globex.halopsa.com is not one of the HaloPSA sites your organization set for Technician Tools.');
    expect(await popup.evaluate('document.body.innerText')).not.toContain('Use Technician Tools on');
  });

  // Waits for the options page's locked fields (the lead's part of issue 11).
  test('the options page shows every managed field locked, with the note', async ({ context, openOptions }) => {
    await policyInEffect(context);
    const options = await openOptions();
    const { immybot, sites, show } = cards(options);

    // The values in effect come from the policy (the stored settings are empty)...
    await expect(options.locator('#instance')).toHaveValue('https://acme.immy.bot');
    await expect(options.locator('#integration-id')).toHaveValue('619');
    await expect(sites.getByText('https://acme.halopsa.com')).toBeVisible();
    await expect(show.getByRole('radio', { name: /Beside the ticket/ })).toBeChecked();

    // ...and are locked, each with the note.
    await expect(options.locator('#instance')).toBeDisabled();
    await expect(options.locator('#integration-id')).toBeDisabled();
    await expect(immybot).toContainText(SET_BY_ORGANIZATION);
    await expect(sites).toContainText(SET_BY_ORGANIZATION);
    await expect(show).toContainText(SET_BY_ORGANIZATION);
    expect(await options.getByText(SET_BY_ORGANIZATION).count()).toBeGreaterThanOrEqual(3);
    await expect(options.getByText(SET_BY_ORGANIZATION).first()).toBeVisible();
    expect(await unusable(sites.getByRole('button', { name: /^Add/ })), 'the sites card has no usable Add').toBe(true);
    for (const radio of await show.getByRole('radio').all()) await expect(radio).toBeDisabled();
    expect(await show.getByRole('radio').count()).toBe(SHOW_PLACES.length);
    await expect(options.getByTestId('policy-problems')).toHaveCount(0);
    // Nothing to save where the organization set both connection fields; the locked page passes axe.
    await expect(immybot.getByRole('button', { name: 'Save' })).toHaveCount(0);
    expect(await seriousViolations(options)).toEqual([]);
  });
});

/*
 * Measured with Chromium 156: Chromium checks 3rdparty policy against managed_schema.json and drops a value
 * that violates it (a wrong type like integrationId: "619", a list with one wrongly typed entry drops the whole
 * list; an enum miss would too) before the extension sees storage.managed; chrome://policy then lists it as "Not
 * set". So `show` is a plain string in the schema: a typo like "sideways" reaches the extension, which ignores it
 * and names it, as it does a string site that is not a HaloPSA site.
 */
test.describe('a policy that gives a sandbox tenant its own integration (siteConnections)', () => {
  test.use({
    policy: {
      immybotInstance: 'acme',
      integrationId: 619,
      haloSites: ['acme.halopsa.com', 'sandbox.halopsa.com'],
      siteConnections: {
        'sandbox.halopsa.com': { immybotInstance: 'acme', integrationId: 620 },
        // Not in haloSites: left out, and named on the options page.
        'other.halopsa.com': { immybotInstance: 'acme', integrationId: 621 },
      },
    },
  });

  test('Chromium passes the object on; the sandbox loads integration 620, production 619; the rows are locked', async ({
    context,
    page,
    openOptions,
  }) => {
    expect((await managedStorage(context)).siteConnections).toEqual({
      'sandbox.halopsa.com': { immybotInstance: 'acme', integrationId: 620 },
      'other.halopsa.com': { immybotInstance: 'acme', integrationId: 621 },
    });
    const copy = await policyInEffect(context);
    expect(copy.policy.siteConnections).toEqual({
      'https://sandbox.halopsa.com': { instanceOrigin: 'https://acme.immy.bot', integrationId: 620 },
    });

    await page.goto('https://sandbox.halopsa.com/ticket?id=2152');
    await expectPodLoaded(page, 'https://acme.immy.bot/technician-pod/psa/620/ticket/2152');
    await page.goto('https://acme.halopsa.com/ticket?id=2152');
    await expectPodLoaded(page, 'https://acme.immy.bot/technician-pod/psa/619/ticket/2152');

    const options = await openOptions();
    const row = (origin: string) => options.locator(`li[data-origin="${origin}"]`);
    await expect(row('https://sandbox.halopsa.com').getByTestId('site-connection')).toHaveText(
      'acme.immy.bot · integration 620 (its own)',
    );
    await expect(row('https://acme.halopsa.com').getByTestId('site-connection')).toHaveText(
      'acme.immy.bot · integration 619 (default)',
    );
    await expect(row('https://sandbox.halopsa.com')).toContainText('Set by your organization');
    await expect(options.getByRole('button', { name: /Change the ImmyBot connection/ })).toHaveCount(0);
    await expect(options.getByTestId('policy-problems')).toContainText(
      'Your organization’s setting for Site connections is not valid: https://other.halopsa.com was left out.',
    );
  });
});

test.describe('a partly invalid policy', () => {
  test.use({
    policy: {
      immybotInstance: 'https://acme.immy.bot',
      integrationId: 619,
      haloSites: ['acme.halopsa.com', 'ftp://psa.example.com'],
      show: 'sideways',
    },
  });

  test('a typo and an unusable site reach the extension, which ignores and reports both; the valid fields still work', async ({
    context,
    page,
  }) => {
    expect(
      await managedStorage(context),
      'show is a plain string in the schema: Chromium passes "sideways" on',
    ).toEqual({
      immybotInstance: 'https://acme.immy.bot',
      integrationId: 619,
      haloSites: ['acme.halopsa.com', 'ftp://psa.example.com'],
      show: 'sideways',
    });
    const copy = await policyInEffect(context);
    expect(copy.policy).toEqual({
      instanceOrigin: 'https://acme.immy.bot',
      integrationId: 619,
      haloOrigins: ['https://acme.halopsa.com'],
    });
    expect(copy.problems.map((p) => p.field)).toEqual(['haloOrigins', 'show']);
    expect(copy.problems[0].message).toContain('Your organization’s setting for HaloPSA sites is not valid');
    expect(copy.problems[1].message).toContain('"sideways" is not one of page, sidePanel, both or window');

    await watchForPrompts(page);
    await openTicket(page, 3001);
    expect(await seenPrompts(page)).toEqual({ prompt: false });
  });

  // Waits for the options page's policy-problems notice and locks (the lead's part of issue 11).
  test('the options page names both ignored values; the ignored place leaves its field the user’s', async ({
    context,
    openOptions,
  }) => {
    await policyInEffect(context);
    const options = await openOptions();
    const { show } = cards(options);
    await expect(options.locator('#instance')).toHaveValue('https://acme.immy.bot');
    // The place the policy gave is no place: the default, and the user's to change.
    await expect(show.getByRole('radio', { name: /Beside the ticket/ })).toBeChecked();
    for (const radio of await show.getByRole('radio').all()) await expect(radio).toBeEnabled();

    const notice = options.getByTestId('policy-problems');
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(notice).toContainText('HaloPSA sites');
    await expect(notice).toContainText('ftp://psa.example.com');
    // The typo is named, with the values it could have been.
    await expect(notice).toContainText('Show Technician Tools');
    await expect(notice).toContainText('"sideways" is not one of page, sidePanel, both or window');
    await expect(options.locator('#instance')).toBeDisabled();
    await expect(options.locator('#integration-id')).toBeDisabled();
    await expect(show).not.toContainText(SET_BY_ORGANIZATION);
  });
});

test.describe('wrongly typed values', () => {
  test.use({ policy: { immybotInstance: 'acme', integrationId: '619', haloSites: 'acme.halopsa.com' } });

  test('never reach the extension: Chromium drops them, so only the instance is managed', async ({ context }) => {
    expect(await managedStorage(context)).toEqual({ immybotInstance: 'acme' });
    expect(await policyInEffect(context)).toEqual({
      policy: { instanceOrigin: 'https://acme.immy.bot' },
      problems: [],
    });
    // The rest is still to set up: the install opens the first-run steps, the instance already filled in and locked.
    expect(await welcomeOpened(context), 'a partial policy still opens the first-run steps').toBe(true);
    const welcome = context.pages().find(isWelcome) as Page;
    await expect(welcome.getByTestId('welcome')).toBeVisible();
    await expect(welcome.locator('#instance')).toHaveValue('https://acme.immy.bot');
    await expect(welcome.locator('#instance')).toBeDisabled();
    await expect(welcome.locator('#integration-id')).toBeEnabled();
    const step = (title: string) => welcome.getByTestId('welcome').getByRole('listitem').filter({ hasText: title });
    await expect(step('ImmyBot instance').getByText('Done')).toBeVisible();
    await expect(step('Integration ID').getByText('Done')).toHaveCount(0);
    // The technician adds the missing half; the managed half goes with it, and the connection is complete.
    await welcome.locator('#integration-id').fill('619');
    await welcome.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(step('Integration ID').getByText('Done')).toBeVisible();
    expect(
      (await (await worker(context)).evaluate(() => chrome.storage.local.get('settings'))).settings.immybot,
    ).toEqual({
      instanceOrigin: 'https://acme.immy.bot',
      integrationId: 619,
    });
  });
});
