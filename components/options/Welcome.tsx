import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { recentTicketTab } from '../../lib/halo/recent-ticket';
import type { CurrentSettings } from '../../lib/settings/settings';

interface Step {
  done: boolean;
  title: string;
  text: string;
  /** The field the step is about, to jump to. */
  field: string;
}

const steps = ({ immybot, haloOrigins, policy }: CurrentSettings): Step[] => [
  {
    // A managed half counts as done even before the other half is there.
    done: !!(immybot?.instanceOrigin ?? policy.instanceOrigin),
    title: 'ImmyBot instance',
    text: 'In ImmyBot open Settings › Integrations › HaloPSA, copy the Technician Tools URL and paste it into “ImmyBot instance”: both fields fill in.',
    field: 'instance',
  },
  {
    done: !!(immybot?.integrationId ?? policy.integrationId),
    title: 'Integration ID',
    text: 'The number in that integration’s address in ImmyBot (e.g. 619), if the pasted URL did not fill it. Then Save.',
    field: 'integration-id',
  },
  {
    done: haloOrigins.length > 0,
    title: 'HaloPSA site',
    text: 'Add your HaloPSA address (acme.halopsa.com or your own): Technician Tools works only on the sites listed.',
    field: 'halo-address',
  },
];

/** First-run steps on the options page, ticked off as the settings fill in, ending with a way to try it. */
export function Welcome({ settings }: { settings: CurrentSettings }) {
  const [tryResult, setTryResult] = useState('');
  const list = steps(settings);
  const ready = list.every((step) => step.done);

  const tryIt = async () => {
    if (!ready) return setTryResult('Finish the steps above first: each one says where to find what it needs.');
    const tab = recentTicketTab(await browser.tabs.query({}), settings.haloOrigins);
    if (!tab?.id) {
      const site = settings.haloOrigins[0];
      return setTryResult(
        site
          ? `No HaloPSA ticket is open. Open any ticket on ${new URL(site).host}: Technician Tools appears beside it.`
          : 'Add your HaloPSA site first (step 3), then open any ticket there.',
      );
    }
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  };

  return (
    <section class="card welcome" aria-labelledby="welcome-heading" data-testid="welcome">
      <h2 id="welcome-heading">Set up in three steps</h2>
      <ol class="steps">
        {list.map((step) => (
          <li key={step.field} class={step.done ? 'done' : ''}>
            <a href={`#${step.field}`} onClick={() => document.getElementById(step.field)?.focus()}>
              {step.title}
            </a>
            {step.done && <span class="badge ok">Done</span>}
            <p class="hint">{step.text}</p>
          </li>
        ))}
      </ol>
      <p>
        <button type="button" class="link" onClick={() => void tryIt()}>
          Try it on a ticket
        </button>
      </p>
      <p role="status" class="status">
        {tryResult}
      </p>
    </section>
  );
}
