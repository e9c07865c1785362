import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CurrentSettings } from '../../lib/settings/settings';

/** The options page reads the settings once (OptionsPage) and every card takes them from here. */
export const SettingsContext = createContext<CurrentSettings | null>(null);

/** The settings in effect on the options page; null until first read. */
export const useOptionsSettings = (): CurrentSettings | null => useContext(SettingsContext);
