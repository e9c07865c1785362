import { describe, expect, it } from 'vitest';
import {
  framingPageUrl,
  senderRole,
  type SenderContext,
  type SenderInfo,
  type SenderRole,
} from '../../../lib/messaging/sender';

const OWN_ID = 'abc';
const OWN_BASE = 'chrome-extension://abc/';
const TAB = { id: 7 };
const HOSTED = 'https://acme.halopsa.com';
const PSA_8443 = 'https://psa.example.com:8443';
const LOCAL = 'http://localhost:3000';
const CONTEXT: SenderContext = { ownId: OWN_ID, ownBaseUrl: OWN_BASE, haloOrigins: [HOSTED, PSA_8443, LOCAL] };

const role = (sender: SenderInfo, context: SenderContext = CONTEXT) => senderRole(sender, context);

describe('senderRole', () => {
  it.each<[string, SenderInfo, SenderRole]>([
    // Our own pages, in a tab or not.
    ['the options page', { id: OWN_ID, url: 'chrome-extension://abc/options.html' }, 'extension-page'],
    [
      'the options page in a tab',
      { id: OWN_ID, url: 'chrome-extension://abc/options.html?site=https%3A%2F%2Facme.halopsa.com', tab: TAB },
      'extension-page',
    ],
    ['a popup in a tab', { id: OWN_ID, url: 'chrome-extension://abc/popup.html', tab: TAB }, 'extension-page'],
    ['the sign-in window', { id: OWN_ID, url: 'chrome-extension://abc/signin.html', tab: TAB }, 'extension-page'],

    // Our content script on a site the user listed: hosted and self-hosted alike.
    ['a listed hosted tenant', { id: OWN_ID, url: 'https://acme.halopsa.com/ticket?id=1', tab: TAB }, 'listed-site'],
    [
      'a listed hosted tenant, spelled in capitals',
      { id: OWN_ID, url: 'https://ACME.HaloPSA.com/ticket?id=1', tab: TAB },
      'listed-site',
    ],
    [
      'a listed self-hosted site on its port',
      { id: OWN_ID, url: 'https://psa.example.com:8443/ticket?id=1', tab: TAB },
      'listed-site',
    ],
    ['listed http localhost', { id: OWN_ID, url: 'http://localhost:3000/ticket?id=1', tab: TAB }, 'listed-site'],

    // Our content script on a hosted tenant nobody listed: it may only offer to be turned on.
    [
      'an unlisted hosted tenant',
      { id: OWN_ID, url: 'https://stranger.halopsa.com/ticket?id=1', tab: TAB },
      'unlisted-hosted',
    ],
    [
      'an unlisted trial tenant',
      { id: OWN_ID, url: 'https://acme.trial.usehalo.com/tickets?id=1', tab: TAB },
      'unlisted-hosted',
    ],
    [
      'the listed tenant’s name on another hosted domain',
      { id: OWN_ID, url: 'https://acme.haloitsm.com/ticket?id=1', tab: TAB },
      'unlisted-hosted',
    ],

    // Everyone else.
    ['another extension', { id: 'other', url: 'chrome-extension://abc/options.html' }, 'untrusted'],
    [
      'another extension on a listed site',
      { id: 'other', url: 'https://acme.halopsa.com/ticket?id=1', tab: TAB },
      'untrusted',
    ],
    [
      'another extension on an unlisted hosted tenant',
      { id: 'other', url: 'https://stranger.halopsa.com/ticket?id=1', tab: TAB },
      'untrusted',
    ],
    ['no sender id', { url: 'chrome-extension://abc/options.html' }, 'untrusted'],
    ['a tab on another site', { id: OWN_ID, url: 'https://evil.test/', tab: TAB }, 'untrusted'],
    [
      'a self-hosted HaloPSA nobody listed',
      { id: OWN_ID, url: 'https://service.example.net/ticket?id=1', tab: TAB },
      'untrusted',
    ],
    [
      'a listed self-hosted host on another port',
      { id: OWN_ID, url: 'https://psa.example.com/ticket?id=1', tab: TAB },
      'untrusted',
    ],
    [
      'listed localhost on another port',
      { id: OWN_ID, url: 'http://localhost:4000/ticket?id=1', tab: TAB },
      'untrusted',
    ],
    ['the bare halopsa.com site', { id: OWN_ID, url: 'https://halopsa.com/', tab: TAB }, 'untrusted'],
    ['www.halopsa.com', { id: OWN_ID, url: 'https://www.halopsa.com/', tab: TAB }, 'untrusted'],
    [
      'a listed tenant over plain http',
      { id: OWN_ID, url: 'http://acme.halopsa.com/ticket?id=1', tab: TAB },
      'untrusted',
    ],
    [
      'an unlisted tenant over plain http',
      { id: OWN_ID, url: 'http://stranger.halopsa.com/ticket?id=1', tab: TAB },
      'untrusted',
    ],
    [
      'a listed tenant on a port',
      { id: OWN_ID, url: 'https://acme.halopsa.com:8443/ticket?id=1', tab: TAB },
      'untrusted',
    ],
    [
      'an unlisted tenant on a port',
      { id: OWN_ID, url: 'https://stranger.halopsa.com:8443/ticket?id=1', tab: TAB },
      'untrusted',
    ],
    ['a lookalike host', { id: OWN_ID, url: 'https://acme.halopsa.com.evil.test/', tab: TAB }, 'untrusted'],
    ['a listed site’s url without a tab', { id: OWN_ID, url: 'https://acme.halopsa.com/ticket?id=1' }, 'untrusted'],
    [
      'an unlisted tenant’s url without a tab',
      { id: OWN_ID, url: 'https://stranger.halopsa.com/ticket?id=1' },
      'untrusted',
    ],
    ['a missing url', { id: OWN_ID, tab: TAB }, 'untrusted'],
    ['an empty url', { id: OWN_ID, url: '', tab: TAB }, 'untrusted'],
    [
      'a longer extension id sharing the prefix',
      { id: OWN_ID, url: 'chrome-extension://abcdef/options.html' },
      'untrusted',
    ],
    [
      'a page of another extension in a tab',
      { id: OWN_ID, url: 'chrome-extension://xyz/options.html', tab: TAB },
      'untrusted',
    ],
    ['about:blank in a tab', { id: OWN_ID, url: 'about:blank', tab: TAB }, 'untrusted'],
  ])('%s → %s', (_, sender, expected) => {
    expect(role(sender)).toBe(expected);
  });

  it('with nothing listed, no site is listed and every hosted tenant is unlisted', () => {
    const empty: SenderContext = { ...CONTEXT, haloOrigins: [] };
    expect(role({ id: OWN_ID, url: 'https://acme.halopsa.com/ticket?id=1', tab: TAB }, empty)).toBe('unlisted-hosted');
    expect(role({ id: OWN_ID, url: 'https://psa.example.com:8443/ticket?id=1', tab: TAB }, empty)).toBe('untrusted');
    expect(role({ id: OWN_ID, url: 'chrome-extension://abc/options.html' }, empty)).toBe('extension-page');
  });

  it('follows the list: the same tenant is listed, then unlisted once removed', () => {
    const sender = { id: OWN_ID, url: 'https://acme.halopsa.com/ticket?id=1', tab: TAB };
    expect(role(sender, { ...CONTEXT, haloOrigins: [HOSTED] })).toBe('listed-site');
    expect(role(sender, { ...CONTEXT, haloOrigins: [PSA_8443] })).toBe('unlisted-hosted');
  });

  it('a listed origin never makes another extension or a tabless sender trusted', () => {
    const url = 'https://psa.example.com:8443/ticket?id=1';
    expect(role({ id: 'other', url, tab: TAB })).toBe('untrusted');
    expect(role({ url, tab: TAB })).toBe('untrusted');
    expect(role({ id: OWN_ID, url })).toBe('untrusted');
  });

  it('uses the base URL it is given (Firefox pages live under moz-extension://<uuid>/)', () => {
    const firefox: SenderContext = { ...CONTEXT, ownBaseUrl: 'moz-extension://0b0e7c1e-uuid/' };
    expect(role({ id: OWN_ID, url: 'moz-extension://0b0e7c1e-uuid/options.html' }, firefox)).toBe('extension-page');
    expect(role({ id: OWN_ID, url: 'chrome-extension://abc/options.html' }, firefox)).toBe('untrusted');
  });
});

describe('the pane’s own page, framed into a ticket tab', () => {
  const CONTEXT = { ownId: 'abc', ownBaseUrl: 'chrome-extension://abc/', haloOrigins: ['https://acme.halopsa.com'] };
  const TAB = { id: 7, url: 'https://acme.halopsa.com/ticket?id=2152' };

  it('by Chrome’s per-session address (a GUID where the id stands) is our extension page', () => {
    const url = 'chrome-extension://4557dec3-993a-448b-b219-b8abc776b28f/pane.html';
    expect(senderRole({ id: 'abc', url, tab: TAB, frameId: 3 }, CONTEXT)).toBe('framed-page');
    // The same address claimed by another extension is nobody we know.
    expect(senderRole({ id: 'xyz', url, tab: TAB, frameId: 3 }, CONTEXT)).toBe('untrusted');
  });

  it('is a framed page only inside a tab’s sub-frame: at the top of a tab it is an ordinary extension page', () => {
    const pane = { id: 'abc', url: 'chrome-extension://abc/pane.html', tab: TAB };
    expect(senderRole({ ...pane, frameId: 3 }, CONTEXT)).toBe('framed-page');
    expect(senderRole({ ...pane, frameId: 0 }, CONTEXT)).toBe('extension-page');
    expect(senderRole({ id: 'abc', url: 'chrome-extension://abc/sidepanel.html' }, CONTEXT)).toBe('extension-page');
  });

  it('names the page it sits in only when framed (frameId > 0), as the browser reports the tab', () => {
    const pane = { id: 'abc', url: 'chrome-extension://abc/pane.html', tab: TAB };
    expect(framingPageUrl({ ...pane, frameId: 3 })).toBe(TAB.url);
    expect(framingPageUrl({ ...pane, frameId: 0 })).toBeUndefined();
    expect(framingPageUrl({ id: 'abc', url: 'chrome-extension://abc/sidepanel.html' })).toBeUndefined();
    expect(framingPageUrl({ ...pane, frameId: 3, tab: { id: 7 } })).toBeUndefined();
  });
});
