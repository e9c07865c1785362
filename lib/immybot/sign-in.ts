export type SignInOutcome = 'signed-in' | 'closed' | 'timeout';

export interface SignInWatch {
  /** True once ImmyBot answers /api/v1/auth for the browser's session. */
  isSignedIn: () => Promise<boolean>;
  /** False once the person closed the sign-in window. */
  isWindowOpen: () => Promise<boolean>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  deadlineMs?: number;
}

/** Watches a sign-in window: checks the session with backoff until signed in, closed, or 5 minutes. */
export async function watchSignIn({
  isSignedIn,
  isWindowOpen,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now = Date.now,
  deadlineMs = 5 * 60_000,
}: SignInWatch): Promise<SignInOutcome> {
  const start = now();
  let delay = 1_000;
  while (now() - start < deadlineMs) {
    if (await isSignedIn()) return 'signed-in';
    if (!(await isWindowOpen())) return 'closed';
    await sleep(delay);
    delay = Math.min(Math.round(delay * 1.5), 5_000);
  }
  // One last look: a sign-in that finished during the final wait still counts.
  return (await isSignedIn()) ? 'signed-in' : 'timeout';
}
