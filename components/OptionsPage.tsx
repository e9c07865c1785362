import { useEffect, useState } from 'preact/hooks';
import { isHaloOrigin } from '../lib/halo/address';
import type { SettingsProblem } from '../lib/settings/read';
import { loadStoredSettings } from '../lib/settings/page-settings';
import { HaloAddresses } from './HaloAddresses';
import { ImmyBotForm } from './ImmyBotForm';
import { SettingsTransfer } from './SettingsTransfer';
import { ShowPlaceChoice } from './ShowPlaceChoice';

/** The ticket's site when a ticket's setup prompt opened this page (`?site=`); anything else is ignored. */
function siteFromAddress(): string | undefined {
  const site = new URLSearchParams(location.search).get('site');
  return isHaloOrigin(site) ? site : undefined;
}

export function OptionsPage() {
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  useEffect(() => void loadStoredSettings().then((read) => setProblems(read.problems)), []);
  return (
    <>
      <header class="page-header">
        <h1>ImmyBot Technician Tools for HaloPSA</h1>
        <p>Shows ImmyBot’s Technician Tools beside every ticket on your HaloPSA sites.</p>
      </header>
      {problems.length > 0 && (
        <div class="card notice" role="alert" data-testid="settings-problems">
          <p>Some saved settings could not be used. Everything else was kept; saving stores the repaired settings.</p>
          <ul>
            {problems.map((problem, i) => (
              <li key={i}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      <ImmyBotForm site={siteFromAddress()} />
      <HaloAddresses />
      <ShowPlaceChoice />
      <SettingsTransfer />
    </>
  );
}
