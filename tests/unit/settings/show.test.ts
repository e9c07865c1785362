import { describe, expect, it } from 'vitest';
import { defaultShowPlace, isShowPlace, showPlace, showsInPage, showsInSidePanel } from '../../../lib/settings/show';

describe('where Technician Tools shows', () => {
  it('defaults to beside the ticket in Chrome and Edge, to the side panel in Firefox', () => {
    expect(defaultShowPlace(false)).toBe('page');
    expect(defaultShowPlace(true)).toBe('sidePanel');
    expect(showPlace(null, false)).toBe('page');
    expect(showPlace(null, true)).toBe('sidePanel');
  });

  it('a choice beats the default in every browser', () => {
    for (const firefox of [false, true]) {
      expect(showPlace('page', firefox)).toBe('page');
      expect(showPlace('both', firefox)).toBe('both');
      expect(showPlace('sidePanel', firefox)).toBe('sidePanel');
      expect(showPlace('window', firefox)).toBe('window');
    }
  });

  it('this build (Chrome in the unit tests) defaults to the page', () => {
    expect(showPlace(null)).toBe('page');
  });

  it('“Both” shows in the page and the side panel; each single place only in itself', () => {
    expect([showsInPage('page'), showsInSidePanel('page')]).toEqual([true, false]);
    expect([showsInPage('sidePanel'), showsInSidePanel('sidePanel')]).toEqual([false, true]);
    expect([showsInPage('both'), showsInSidePanel('both')]).toEqual([true, true]);
  });

  it('“In its own window” shows in neither: the page keeps only the handle that opens the window', () => {
    expect([showsInPage('window'), showsInSidePanel('window')]).toEqual([false, false]);
  });

  it.each(['page', 'sidePanel', 'both', 'window'])('knows %s', (place) => expect(isShowPlace(place)).toBe(true));
  it.each(['sidebar', 'Page', '', null, undefined, 0, {}])('rejects %j', (value) =>
    expect(isShowPlace(value)).toBe(false),
  );
});
