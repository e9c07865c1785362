import { describe, expect, it } from 'vitest';
import { recentTicketTab } from '../../../lib/halo/recent-ticket';

const LISTED = ['https://acme.halopsa.com', 'https://psa.example.com'];

describe('recentTicketTab', () => {
  it('picks the ticket tab on a listed site that was used last', () => {
    const tabs = [
      { id: 1, url: 'https://acme.halopsa.com/ticket?id=5', lastAccessed: 10 },
      { id: 2, url: 'https://psa.example.com/ticket?id=7', lastAccessed: 30 },
      { id: 3, url: 'https://acme.halopsa.com/ticket?id=9', lastAccessed: 20 },
    ];
    expect(recentTicketTab(tabs, LISTED)?.id).toBe(2);
  });

  it('passes over tabs that are no ticket, on unlisted sites, or whose address the browser hides', () => {
    const tabs = [
      { id: 1, url: 'https://acme.halopsa.com/tickets', lastAccessed: 50 },
      { id: 2, url: 'https://stranger.halopsa.com/ticket?id=5', lastAccessed: 40 },
      { id: 3, lastAccessed: 30 },
      { id: 4, url: 'https://acme.halopsa.com/ticket?id=5', lastAccessed: 1 },
    ];
    expect(recentTicketTab(tabs, LISTED)?.id).toBe(4);
  });

  it('finds none when no ticket is open', () => {
    expect(recentTicketTab([{ id: 1, url: 'https://example.com/' }], LISTED)).toBeUndefined();
    expect(recentTicketTab([], LISTED)).toBeUndefined();
  });
});
