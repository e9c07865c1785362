import type { SettingsChange } from '../settings/changes';
import { sendToBackground } from './client';

/** Asks the background, the settings' only writer, to apply one change; rejects with its message. */
export async function changeSettings(change: SettingsChange): Promise<void> {
  const done = await sendToBackground({ type: 'changeSettings', change });
  if (!done?.ok) throw new Error(done?.error ?? 'The extension did not answer. Reload this page and try again.');
}
