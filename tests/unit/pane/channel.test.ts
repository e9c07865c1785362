import { describe, expect, it } from 'vitest';
import { readDockMessage, readFrameMessage } from '../../../lib/pane/channel';

const STATE = { t: 'state', mode: 'pane', collapsed: false, noRoom: false, width: 440, min: 320, max: 630, dark: true };

describe('readDockMessage (what the pane’s page hears: the dock, or a page forging it)', () => {
  it('takes a state and a focus request', () => {
    expect(readDockMessage(STATE)).toEqual(STATE);
    expect(readDockMessage({ t: 'focus', extra: 1 })).toEqual({ t: 'focus' });
  });

  it('keeps only the fields it knows, as booleans and numbers', () => {
    expect(readDockMessage({ ...STATE, collapsed: 'yes', dark: 1, ticket: 2152, person: 'Ben' })).toEqual({
      ...STATE,
      collapsed: false,
      dark: false,
    });
  });

  it.each([
    null,
    'state',
    { t: 'state' },
    { ...STATE, mode: 'offer2' },
    { ...STATE, mode: 'none' },
    { ...STATE, width: '440' },
    { ...STATE, width: Number.NaN },
    { ...STATE, max: -1 },
    { ...STATE, min: 1e9 },
    { t: 'lookup', faultId: 2152 },
  ])('drops %j', (message) => {
    expect(readDockMessage(message)).toBeNull();
  });
});

describe('readFrameMessage (what the dock hears from the pane’s page)', () => {
  it.each([
    [
      { t: 'size', height: 78 },
      { t: 'size', height: 78, width: undefined },
    ],
    [
      { t: 'size', height: 104, width: 40 },
      { t: 'size', height: 104, width: 40 },
    ],
    [
      { t: 'layout', width: 500 },
      { t: 'layout', width: 500, collapsed: undefined, end: false },
    ],
    [
      { t: 'layout', collapsed: true, end: true },
      { t: 'layout', width: undefined, collapsed: true, end: true },
    ],
    [
      { t: 'dragging', on: true },
      { t: 'dragging', on: true },
    ],
    [{ t: 'reload', url: 'https://evil.example' }, { t: 'reload' }],
    [{ t: 'openHere' }, { t: 'openHere' }],
    [{ t: 'dismissSetup' }, { t: 'dismissSetup' }],
  ])('%j → %j', (message, read) => {
    expect(readFrameMessage(message)).toEqual(read);
  });

  it.each([
    null,
    { t: 'size' },
    { t: 'size', height: -1 },
    { t: 'size', height: 10, width: 'wide' },
    { t: 'layout', width: Number.POSITIVE_INFINITY },
    { t: 'navigate', url: 'https://evil.example' },
  ])('drops %j', (message) => {
    expect(readFrameMessage(message)).toBeNull();
  });
});
