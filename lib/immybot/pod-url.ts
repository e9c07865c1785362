import { isValidId } from '../ids';
import { isInstanceOrigin } from './instance';

/** The Technician Tools page ImmyBot serves for one HaloPSA ticket. Throws on anything unchecked. */
export function podUrl(instanceOrigin: string, integrationId: number, faultId: number): string {
  if (!isInstanceOrigin(instanceOrigin)) throw new TypeError(`Not an ImmyBot instance origin: ${instanceOrigin}`);
  if (!isValidId(integrationId)) throw new TypeError(`Not an integration id: ${integrationId}`);
  if (!isValidId(faultId)) throw new TypeError(`Not a HaloPSA ticket id: ${faultId}`);
  return `${instanceOrigin}/technician-pod/psa/${integrationId}/ticket/${faultId}`;
}
