import { useEffect, useState } from 'preact/hooks';
import { isHaloOrigin } from '../../lib/halo/address';
import { sendToBackground } from '../../lib/messaging/client';

/**
 * The HaloPSA site a ticket's setup prompt opened this page for, asked of the background once on load. Never
 * read from the address: any page or extension can open options.html with whatever query it likes.
 */
export function usePendingSite(): string | undefined {
  const [site, setSite] = useState<string>();
  useEffect(() => {
    sendToBackground({ type: 'takePendingSite' }).then(
      (answer) => setSite(isHaloOrigin(answer?.site) ? answer.site : undefined),
      () => undefined,
    );
  }, []);
  return site;
}
