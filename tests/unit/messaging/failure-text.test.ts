import { describe, expect, it } from 'vitest';
import { failureText, NO_ANSWER } from '../../../lib/messaging/failure-text';

describe('failureText', () => {
  it.each([
    new Error('https://acme.halopsa.com is already in the list.'),
    new Error('Settings are managed by your organisation.'),
  ])('keeps the extension’s own sentence: %s', (error) => expect(failureText(error)).toBe(error.message));

  it.each([
    ['a string', 'Error: boom'],
    ['the browser’s wording', new Error('Could not establish connection. Receiving end does not exist.')],
    ['an invalidated page', new Error('Extension context invalidated.')],
    ['a fragment', new Error('undefined is not a function')],
    ['nothing', undefined],
    ['an empty message', new Error('')],
  ])('replaces %s with the fallback', (_, error) => {
    expect(failureText(error)).toBe(NO_ANSWER);
    expect(failureText(error, 'Not saved.')).toBe('Not saved.');
  });
});
