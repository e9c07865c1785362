import { describe, expect, it, vi } from 'vitest';
import { createPaneController, type PaneOutputs } from '../../../lib/pane/controller';
import type { CurrentSettings } from '../../../lib/settings/settings';

const CONNECTION = { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 };
const LISTED: CurrentSettings = {
  immybot: CONNECTION,
  haloOrigins: ['https://acme.halopsa.com'],
  declinedOrigins: [],
  show: null,
  siteConnections: {},
  signedInAt: 0,
  sources: {
    instanceOrigin: 'local',
    integrationId: 'local',
    haloOrigins: 'local',
    show: 'default',
    siteConnections: 'default',
  },
  policy: {},
  problems: [],
  policyProblems: [],
};
const pod = (faultId: number) => `https://acme.immy.bot/technician-pod/psa/619/ticket/${faultId}`;
const ticket = (faultId: number, origin = 'https://acme.halopsa.com') => `${origin}/ticket?id=${faultId}`;

function setup(settings: CurrentSettings = LISTED) {
  const calls: Array<[string, ...unknown[]]> = [];
  /**
   * Whether HaloPSA's page holds its own Technician Tools frame, whether the controller watches for it, and whether
   * the site is known to show it (remembered once seen, as the page does).
   */
  const native = { present: false, watching: false, known: false };
  const out: PaneOutputs = {
    watchNativeTab: (on) => {
      native.watching = on;
      return on && native.present;
    },
    nativeTabSite: (seen) => {
      native.known ||= seen;
      return native.known;
    },
    showPane: (...args) => void calls.push(['showPane', ...args]),
    showPrompt: (view) => void calls.push(['showPrompt', view]),
    clear: () => void calls.push(['clear']),
    ticketClosed: () => void calls.push(['ticketClosed']),
  };
  const load = vi.fn(async () => settings);
  const controller = createPaneController(load, out);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { controller, calls, load, settle, native };
}

describe('createPaneController', () => {
  it('reads no settings and does nothing on pages that are not tickets', async () => {
    const { controller, calls, load, settle } = setup();
    controller.navigate('https://acme.halopsa.com/tickets?area=1');
    controller.navigate('https://acme.halopsa.com/config/tickets/tickettype?id=1');
    await settle();
    expect(load).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  it('reads settings once, on the first ticket, and shows the pane for the URL current when they arrive', async () => {
    const { controller, calls, load, settle } = setup();
    controller.navigate(ticket(2152));
    controller.navigate(ticket(2820));
    await settle();
    controller.navigate(ticket(3001));
    expect(load).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([
      ['showPane', 2820, pod(2820), { reload: false, signedInAt: 0 }],
      ['showPane', 3001, pod(3001), { reload: false, signedInAt: 0 }],
    ]);
  });

  it('leaving tickets closes the ticket and clears; coming back shows the pane again', async () => {
    const { controller, calls, settle } = setup();
    controller.navigate(ticket(2152));
    await settle();
    controller.navigate('https://acme.halopsa.com/tickets?area=1');
    controller.navigate(ticket(2152));
    expect(calls.map(([name]) => name)).toEqual(['showPane', 'ticketClosed', 'clear', 'showPane']);
  });

  it('an unlisted hosted tenant gets the offer; listing it turns the offer into the pane at once', async () => {
    const { controller, calls, settle } = setup();
    controller.navigate(ticket(2152, 'https://beta.halopsa.com'));
    await settle();
    controller.settingsChanged({ ...LISTED, haloOrigins: [...LISTED.haloOrigins, 'https://beta.halopsa.com'] });
    expect(calls).toEqual([
      ['showPrompt', { kind: 'offer', faultId: 2152, host: 'beta.halopsa.com' }],
      ['showPane', 2152, pod(2152), { reload: false, signedInAt: 0 }],
    ]);
  });

  it('removing the site takes the pane away (closing the ticket) and shows the offer again', async () => {
    const { controller, calls, settle } = setup();
    controller.navigate(ticket(2152));
    await settle();
    controller.settingsChanged({ ...LISTED, haloOrigins: [] });
    expect(calls.slice(1)).toEqual([
      ['ticketClosed'],
      ['showPrompt', { kind: 'offer', faultId: 2152, host: 'acme.halopsa.com' }],
    ]);
  });

  it('before setup a ticket shows the setup prompt; a self-hosted page off the list shows nothing', async () => {
    const { controller, calls, settle } = setup({ ...LISTED, immybot: null });
    controller.navigate(ticket(2152));
    await settle();
    controller.navigate(ticket(2152, 'https://psa.example.com'));
    expect(calls).toEqual([['showPrompt', { kind: 'setup', faultId: 2152 }], ['clear']]);
  });

  it('a completed sign-in reloads the frame that is showing, and only then', async () => {
    const { controller, calls, settle } = setup();
    controller.navigate(ticket(2152));
    await settle();
    controller.settingsChanged({ ...LISTED, signedInAt: 5 });
    controller.settingsChanged({ ...LISTED, signedInAt: 5 });
    expect(calls).toEqual([
      ['showPane', 2152, pod(2152), { reload: false, signedInAt: 0 }],
      ['showPane', 2152, pod(2152), { reload: true, signedInAt: 5 }],
      ['showPane', 2152, pod(2152), { reload: false, signedInAt: 5 }],
    ]);
  });

  it('a changed ImmyBot instance moves the pane to the new Technician Tools URL', async () => {
    const { controller, calls, settle } = setup();
    controller.navigate(ticket(2152));
    await settle();
    controller.settingsChanged({
      ...LISTED,
      immybot: { instanceOrigin: 'https://contoso.immy.bot', integrationId: 77 },
    });
    expect(calls[1]).toEqual([
      'showPane',
      2152,
      'https://contoso.immy.bot/technician-pod/psa/77/ticket/2152',
      { reload: false, signedInAt: 0 },
    ]);
  });
});

describe('createPaneController: where Technician Tools shows', () => {
  it('“In the side panel”: a handle on every ticket, never a frame, and no native-tab watch', async () => {
    const { controller, calls, settle, native } = setup({ ...LISTED, show: 'sidePanel' });
    controller.navigate(ticket(2152));
    await settle();
    controller.navigate(ticket(2820));
    expect(calls).toEqual([
      ['showPrompt', { kind: 'elsewhere', faultId: 2152 }],
      ['showPrompt', { kind: 'elsewhere', faultId: 2820 }],
    ]);
    expect(native.watching).toBe(false);
  });

  it('“Both” and “Beside the ticket” show the pane; switching to the side panel closes it at once', async () => {
    const { controller, calls, settle } = setup({ ...LISTED, show: 'both' });
    controller.navigate(ticket(2152));
    await settle();
    controller.settingsChanged({ ...LISTED, show: 'page' });
    controller.settingsChanged({ ...LISTED, show: 'sidePanel' });
    controller.settingsChanged({ ...LISTED, show: null });
    expect(calls).toEqual([
      ['showPane', 2152, pod(2152), { reload: false, signedInAt: 0 }],
      ['showPane', 2152, pod(2152), { reload: false, signedInAt: 0 }],
      ['ticketClosed'],
      ['showPrompt', { kind: 'elsewhere', faultId: 2152 }],
      // Not chosen: this build's default (Chrome: beside the ticket).
      ['showPane', 2152, pod(2152), { reload: false, signedInAt: 0 }],
    ]);
  });

  it('the side panel place changes nothing for the offer, the setup prompt or non-ticket pages', async () => {
    const { controller, calls, settle } = setup({ ...LISTED, immybot: null, show: 'sidePanel' });
    controller.navigate(ticket(2152));
    await settle();
    controller.navigate('https://acme.halopsa.com/tickets?area=1');
    expect(calls).toEqual([['showPrompt', { kind: 'setup', faultId: 2152 }], ['clear']]);
  });
});

describe('createPaneController: HaloPSA’s own Technician Tools (Custom Tab)', () => {
  it('watches only while a ticket would show the pane', async () => {
    const { controller, settle, native } = setup();
    controller.navigate(ticket(2152));
    await settle();
    expect(native.watching).toBe(true);
    controller.navigate('https://acme.halopsa.com/tickets?area=1');
    expect(native.watching).toBe(false);
    controller.navigate(ticket(2152, 'https://beta.halopsa.com'));
    expect(native.watching).toBe(false);
  });

  it('a page that already shows it gets the handle and no frame', async () => {
    const { controller, calls, settle, native } = setup();
    native.present = true;
    controller.navigate(ticket(2152));
    await settle();
    expect(calls).toEqual([['showPrompt', { kind: 'native', faultId: 2152 }]]);
  });

  it('when it appears the pane gives way to its handle (closing the ticket), and stays so when HaloPSA’s tab closes', async () => {
    const { controller, calls, settle, native } = setup();
    controller.navigate(ticket(2152));
    await settle();
    native.present = true;
    controller.refresh();
    expect(native.known).toBe(true);
    native.present = false;
    controller.refresh();
    expect(calls).toEqual([
      ['showPane', 2152, pod(2152), { reload: false, signedInAt: 0 }],
      ['ticketClosed'],
      ['showPrompt', { kind: 'native', faultId: 2152 }],
      ['showPrompt', { kind: 'native', faultId: 2152 }],
    ]);
  });

  it('a site known to show it: every ticket starts as the handle, loading no frame of ours', async () => {
    const { controller, calls, settle, native } = setup();
    native.known = true;
    controller.navigate(ticket(2152));
    await settle();
    controller.navigate(ticket(2820));
    expect(calls).toEqual([
      ['showPrompt', { kind: 'native', faultId: 2152 }],
      ['showPrompt', { kind: 'native', faultId: 2820 }],
    ]);
  });

  it('a site never seen showing it gets the pane; the side panel place never asks', async () => {
    const { controller, calls, settle, native } = setup({ ...LISTED, show: 'sidePanel' });
    native.present = true;
    controller.navigate(ticket(2152));
    await settle();
    expect(native.known).toBe(false);
    expect(calls).toEqual([['showPrompt', { kind: 'elsewhere', faultId: 2152 }]]);
  });

  it('“Open it here anyway” holds for that ticket only', async () => {
    const { controller, calls, settle, native } = setup();
    native.present = true;
    controller.navigate(ticket(2152));
    await settle();
    controller.openHereAnyway(2152);
    controller.refresh();
    controller.navigate(ticket(2820));
    expect(calls).toEqual([
      ['showPrompt', { kind: 'native', faultId: 2152 }],
      ['showPane', 2152, pod(2152), { reload: false, signedInAt: 0 }],
      ['showPane', 2152, pod(2152), { reload: false, signedInAt: 0 }],
      ['ticketClosed'],
      ['showPrompt', { kind: 'native', faultId: 2820 }],
    ]);
  });
});
