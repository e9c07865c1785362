/**
 * Wraps a pane control's handler so that only a real user action runs it: a HaloPSA page script
 * calling `.click()` or dispatching events (`isTrusted` false) does nothing.
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
    else event.preventDefault();
  };
}
