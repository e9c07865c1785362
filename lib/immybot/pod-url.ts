import { isValidId } from '../ids';
import { isInstanceOrigin } from './instance';

/** The Technician Tools page ImmyBot serves for one HaloPSA ticket. Throws on anything unchecked. */
export function podUrl(instanceOrigin: string, integrationId: number, faultId: number): string {
  if (!isInstanceOrigin(instanceOrigin)) throw new TypeError(`Not an ImmyBot instance origin: ${instanceOrigin}`);
  if (!isValidId(integrationId)) throw new TypeError(`Not an integration id: ${integrationId}`);
  if (!isValidId(faultId)) throw new TypeError(`Not a HaloPSA ticket id: ${faultId}`);
  return `${instanceOrigin}/technician-pod/psa/${integrationId}/ticket/${faultId}`;
}

const POD_PATH = /^\/technician-pod\/psa\/\d+\/ticket\/\d+\/?$/;

/** Whether `url` is a Technician Tools page (any instance), e.g. the frame of HaloPSA's own Custom Tab. */
export function isPodUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && POD_PATH.test(parsed.pathname);
  } catch {
    return false;
  }
}
