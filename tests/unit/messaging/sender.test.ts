import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderInfo } from '../../../lib/messaging/sender';

const OWN_ID = 'abc';
const OWN_BASE = 'chrome-extension://abc/';
const TAB = { id: 7 };

describe('isTrustedSender', () => {
  it.each<[string, SenderInfo]>([
    ['the options page', { id: OWN_ID, url: 'chrome-extension://abc/options.html' }],
    ['a popup in a tab', { id: OWN_ID, url: 'chrome-extension://abc/popup.html', tab: TAB }],
    ['our content script on a hosted HaloPSA ticket', { id: OWN_ID, url: 'https://acme.halopsa.com/ticket?id=1', tab: TAB }],
    ['our content script on a trial tenant', { id: OWN_ID, url: 'https://acme.trial.usehalo.com/tickets?id=1', tab: TAB }],
  ])('trusts %s', (_, sender) => {
    expect(isTrustedSender(sender, OWN_ID, OWN_BASE)).toBe(true);
  });

  it.each<[string, SenderInfo]>([
    ['another extension', { id: 'other', url: 'chrome-extension://abc/options.html' }],
    ['another extension on HaloPSA', { id: 'other', url: 'https://acme.halopsa.com/ticket?id=1', tab: TAB }],
    ['no sender id', { url: 'chrome-extension://abc/options.html' }],
    ['a tab on another site', { id: OWN_ID, url: 'https://evil.test/', tab: TAB }],
    ['the bare halopsa.com site', { id: OWN_ID, url: 'https://halopsa.com/', tab: TAB }],
    ['www.halopsa.com', { id: OWN_ID, url: 'https://www.halopsa.com/', tab: TAB }],
    ['plain http HaloPSA', { id: OWN_ID, url: 'http://acme.halopsa.com/ticket?id=1', tab: TAB }],
    ['a lookalike host', { id: OWN_ID, url: 'https://acme.halopsa.com.evil.test/', tab: TAB }],
    ['a HaloPSA url without a tab', { id: OWN_ID, url: 'https://acme.halopsa.com/ticket?id=1' }],
    ['a missing url', { id: OWN_ID, tab: TAB }],
    ['an empty url', { id: OWN_ID, url: '', tab: TAB }],
    ['a longer extension id sharing the prefix', { id: OWN_ID, url: 'chrome-extension://abcdef/options.html' }],
  ])('rejects %s', (_, sender) => {
    expect(isTrustedSender(sender, OWN_ID, OWN_BASE)).toBe(false);
  });

  it('honours a custom HaloPSA page predicate (self-hosted domains)', () => {
    const selfHosted = (url: string) => new URL(url).origin === 'https://psa.example.com:8443';
    const sender = { id: OWN_ID, url: 'https://psa.example.com:8443/ticket?id=1', tab: TAB };
    expect(isTrustedSender(sender, OWN_ID, OWN_BASE)).toBe(false);
    expect(isTrustedSender(sender, OWN_ID, OWN_BASE, selfHosted)).toBe(true);
    // The predicate replaces the default: hosted tenants are then up to it.
    expect(isTrustedSender({ id: OWN_ID, url: 'https://acme.halopsa.com/', tab: TAB }, OWN_ID, OWN_BASE, selfHosted)).toBe(false);
    // It never widens the id or tab checks.
    expect(isTrustedSender({ ...sender, id: 'other' }, OWN_ID, OWN_BASE, selfHosted)).toBe(false);
    expect(isTrustedSender({ id: OWN_ID, url: sender.url }, OWN_ID, OWN_BASE, selfHosted)).toBe(false);
  });

  it('trusts own pages without asking the predicate', () => {
    const never = () => false;
    expect(isTrustedSender({ id: OWN_ID, url: 'chrome-extension://abc/options.html' }, OWN_ID, OWN_BASE, never)).toBe(true);
  });

  it('keeps extension-page-only requests away from content scripts, even on HaloPSA', () => {
    const contentScript = { id: OWN_ID, url: 'https://acme.halopsa.com/ticket?id=1', tab: TAB };
    const optionsPage = { id: OWN_ID, url: 'chrome-extension://abc/options.html', tab: TAB };
    expect(isTrustedSender(contentScript, OWN_ID, OWN_BASE, undefined, false)).toBe(false);
    expect(isTrustedSender(contentScript, OWN_ID, OWN_BASE, undefined, true)).toBe(true);
    expect(isTrustedSender(optionsPage, OWN_ID, OWN_BASE, undefined, false)).toBe(true);
  });
});
