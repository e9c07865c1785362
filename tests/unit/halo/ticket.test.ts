import { describe, expect, it } from 'vitest';
import { faultIdFromUrl } from '../../../lib/halo/ticket';

describe('faultIdFromUrl', () => {
  it.each([
    ['https://acme.halopsa.com/ticket?id=2152', 2152],
    ['https://acme.halopsa.com/ticket?id=2152&showmenu=false', 2152],
    ['https://acme.halopsa.com/tickets?id=2152', 2152],
    [
      'https://acme.halopsa.com/tickets?showalltickettypes=1&mainview=all&viewid=1&selid=-1&sellevel=1&selparentid=0&id=2820',
      2820,
    ],
    ['https://acme.halopsa.com/ticket/?id=2152', 2152],
    ['https://acme.halopsa.com/tickets/?id=2152', 2152],
    ['https://acme.haloitsm.com/ticket?id=7', 7],
    ['https://acme.haloservicedesk.com/ticket?id=7', 7],
    ['https://acme.trial.usehalo.com/ticket?id=7', 7],
    ['https://psa.example.com/ticket?id=2152', 2152],
    ['https://service.example.net/tickets?id=2152', 2152],
    ['https://psa.example.com:8443/ticket?id=2152', 2152],
    ['http://10.0.0.5:8080/ticket?id=2152', 2152],
    ['https://acme.halopsa.com/ticket?id=2152#details', 2152],
    ['https://acme.halopsa.com/ticket?id=0002152', 2152],
    ['https://acme.halopsa.com/ticket?id=2147483647', 2147483647],
    // The same id twice is still one ticket.
    ['https://acme.halopsa.com/ticket?id=5&id=5', 5],
  ])('%s → %d', (url, expected) => {
    expect(faultIdFromUrl(url)).toBe(expected);
  });

  it('accepts a URL object', () => {
    expect(faultIdFromUrl(new URL('https://acme.halopsa.com/ticket?id=2152'))).toBe(2152);
  });

  it.each([
    'https://acme.halopsa.com/tickets?area=1',
    'https://acme.halopsa.com/tickets?viewid=1',
    'https://acme.halopsa.com/tickets',
    'https://acme.halopsa.com/ticket',
    'https://acme.halopsa.com/ticket?id=',
    'https://acme.halopsa.com/config/tickets/tickettype?id=1',
    'https://acme.halopsa.com/config/ticket?id=1',
    'https://acme.halopsa.com/portal/ticket?id=358840',
    'https://acme.halopsa.com/portal/tickets?id=358840',
    'https://acme.halopsa.com/customers?clientid=5',
    'https://acme.halopsa.com/assets?id=5',
    'https://acme.halopsa.com/kb?id=5',
    'https://acme.halopsa.com/reports?id=5',
    'https://acme.halopsa.com/ticketsx?id=5',
    'https://acme.halopsa.com/ticket/5',
    'https://acme.halopsa.com/?id=5',
    'https://acme.halopsa.com/ticket?id=0',
    'https://acme.halopsa.com/ticket?id=-5',
    'https://acme.halopsa.com/ticket?id=abc',
    'https://acme.halopsa.com/ticket?id=1e3',
    'https://acme.halopsa.com/ticket?id=0x10',
    'https://acme.halopsa.com/ticket?id=1.5',
    'https://acme.halopsa.com/ticket?id=+5',
    'https://acme.halopsa.com/ticket?id=%205',
    'https://acme.halopsa.com/ticket?id=2147483648',
    'https://acme.halopsa.com/ticket?id=99999999999999999999',
    'https://acme.halopsa.com/ticket?ticketid=5',
    'https://acme.halopsa.com/ticket?id=5&id=6',
    'https://acme.halopsa.com/tickets?id=2152&id=2820',
    'not a url',
    '/ticket?id=5',
    '',
  ])('%j → null', (url) => {
    expect(faultIdFromUrl(url)).toBeNull();
  });
});
