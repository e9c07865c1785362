import { isConfiguredByPolicy, isLocked } from '../../lib/settings/merge';
import { HaloAddresses } from './HaloAddresses';
import { ImmyBotForm } from './ImmyBotForm';
import { SettingsTransfer } from './SettingsTransfer';
import { ShowPlaceChoice } from './ShowPlaceChoice';
import { useSettings } from '../shared/useSettings';
import { Version } from '../shared/Version';
import { SettingsContext } from './settings-context';
import { usePendingSite } from './usePendingSite';
import { Welcome } from './Welcome';

/** Opened by the install (`?welcome`): the first-run steps show on top. */
const welcomed = new URLSearchParams(location.search).has('welcome');

export function OptionsPage() {
  const settings = useSettings();
  // The ticket's site, handed over by the background when a ticket's setup prompt opened this page.
  const site = usePendingSite();
  const locked = (field: Parameters<typeof isLocked>[1]) => !!settings && isLocked(settings.sources, field);
  const problems = settings?.problems ?? [];
  const policyProblems = settings?.policyProblems ?? [];
  return (
    <SettingsContext.Provider value={settings}>
      <header class="page-header">
        <h1>ImmyBot Technician Tools for HaloPSA</h1>
        <p>Shows ImmyBot’s Technician Tools beside every ticket on your HaloPSA sites.</p>
        <Version />
      </header>
      {policyProblems.length > 0 && (
        <div class="card notice" role="alert" data-testid="policy-problems">
          <p>
            Some of your organization’s settings for this extension could not be used; everything else still applies.
            Tell your IT admin:
          </p>
          <ul>
            {policyProblems.map((problem, i) => (
              <li key={i}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
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
      {welcomed && settings && !isConfiguredByPolicy(settings.sources) && <Welcome settings={settings} />}
      {/* A managed site list decides which sites are on: the first save cannot add another. */}
      <ImmyBotForm site={locked('haloOrigins') ? undefined : site} />
      <HaloAddresses locked={locked('haloOrigins')} />
      <ShowPlaceChoice locked={locked('show')} />
      <SettingsTransfer />
    </SettingsContext.Provider>
  );
}
