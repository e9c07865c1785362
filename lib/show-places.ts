/**
 * Where Technician Tools shows: the values of the `show` setting and policy key. Here, outside lib/settings, so
 * the admins' rollout kit (lib/rollout) offers the same choices the extension accepts.
 */
export const SHOW_PLACES = ['page', 'sidePanel', 'both', 'window'] as const;
