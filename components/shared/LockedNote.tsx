/** The words every locked setting carries: the organization set it, so this page cannot change it. */
export const LOCKED_NOTE = 'Set by your organization';

export function LockedNote({ id }: { id?: string }) {
  return (
    <p id={id} class="locked-note">
      {LOCKED_NOTE}
    </p>
  );
}
