import { useEffect, useState } from 'preact/hooks';
import type { CookieAccess } from '../../lib/immybot/cookie-access';
import { trusted } from '../../lib/pane/trusted';
import { claimOncePerSession } from '../../lib/session-once';
import { SIGNED_OUT_NOTED_KEY } from '../../lib/storage';
import { IconButton } from '../shared/IconButton';

interface Props {
  /** The HaloPSA site the pane is on: the note shows once per browser session on each. */
  site: string;
  cookieAccess: CookieAccess | undefined;
  /** The sign-in window asks for the cookie exception again, even after a "no". */
  onAllowCookies: () => void;
  onOpenSidePanel?: () => void;
}

/**
 * Signed in here but no cookie exception: ImmyBot's frame under HaloPSA is signed out. Said once per session per
 * site, and kept through ticket switches until dismissed (so ImmyBot's frame does not move when it goes): the side
 * panel is the way that always works.
 */
export function SignedOutNote({ site, cookieAccess, onAllowCookies, onOpenSidePanel }: Props) {
  const applies = cookieAccess !== undefined && cookieAccess !== 'applied';
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!applies) return;
    let live = true;
    void claimOncePerSession(SIGNED_OUT_NOTED_KEY, site).then((first) => live && first && setShown(true));
    return () => {
      live = false;
    };
  }, [applies, site]);
  if (!applies || !shown) return null;
  return (
    <div class="signed-out-note" role="note">
      <span>
        ImmyBot below is signed out:{' '}
        {onOpenSidePanel ? (
          <button type="button" class="link" onClick={trusted(onOpenSidePanel)}>
            open in side panel
          </button>
        ) : (
          'use Open in new tab'
        )}
        {cookieAccess === 'no-permission' && (
          <>
            {' or '}
            <button type="button" class="link" onClick={trusted(onAllowCookies)}>
              sign it in here
            </button>
          </>
        )}
      </span>
      <IconButton icon="close" label="Dismiss this note" onClick={() => setShown(false)} />
    </div>
  );
}
