import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { recentTicketTab } from '../../lib/halo/recent-ticket';
import type { CurrentSettings } from '../../lib/settings/settings';
import { useSignedIn } from './useSignedIn';

interface Step {
  done: boolean;
  title: string;
  text: string;
  /** The field the step is about, to jump to. */
  field: string;
}

const steps = ({ immybot, haloOrigins, policy }: CurrentSettings, signedIn: boolean): Step[] => [
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
    text: 'Add your HaloPSA site (acme.halopsa.com or your own): Technician Tools works only on the sites listed.',
    field: 'halo-address',
  },
  {
    done: signedIn,
    title: 'Sign in to ImmyBot',
    text: 'With your ImmyBot account, in the window “Sign in to ImmyBot” (beside Test connection) opens: the pane shows ImmyBot’s answers only to a signed-in technician.',
    field: 'sign-in',
  },
];

/** HaloPSA's ticket list on a site: where "Try it" goes when no ticket is open. */
const ticketList = (site: string) => `${site}/tickets?area=1`;

/** First-run steps on the options page, ticked off as the settings fill in, ending with a way to try it. */
export function Welcome({ settings }: { settings: CurrentSettings }) {
  const [tryResult, setTryResult] = useState('');
  const signedIn = useSignedIn(settings.immybot, settings.signedInAt) === true;
  const list = steps(settings, signedIn);

  const tryIt = async () => {
    const next = list.findIndex((step) => !step.done);
    if (next >= 0) return setTryResult(`Finish step ${next + 1} first, ${list[next].title}: it says what it needs.`);
    const tab = recentTicketTab(await browser.tabs.query({}), settings.haloOrigins);
    if (!tab?.id) {
      // No ticket open: the first site's ticket list, one click from any ticket.
      const site = settings.haloOrigins[0];
      await browser.tabs.create({ url: ticketList(site) });
      return setTryResult(
        `Opened ${new URL(site).host}’s tickets: open any ticket, Technician Tools appears beside it.`,
      );
    }
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  };

  return (
    <section class="card welcome" aria-labelledby="welcome-heading" data-testid="welcome">
      <h2 id="welcome-heading">Set up in four steps</h2>
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
