import * as z from 'zod/mini';
import { isValidId } from '../ids';
import { isInstanceOrigin } from './instance';

/** Where Technician Tools lives: an ImmyBot instance and its HaloPSA integration ("provider link"). */
export const ImmyBotConnectionSchema = z.object({
  instanceOrigin: z.string().check(z.refine(isInstanceOrigin, 'Not an ImmyBot instance origin')),
  integrationId: z.number().check(z.refine(isValidId, 'Not an integration id')),
});

export type ImmyBotConnection = z.infer<typeof ImmyBotConnectionSchema>;

export const sameConnection = (a: ImmyBotConnection | null, b: ImmyBotConnection | null): boolean =>
  a?.instanceOrigin === b?.instanceOrigin && a?.integrationId === b?.integrationId;

/** The same sites, each with the same connection. */
export const sameConnections = (a: Record<string, ImmyBotConnection>, b: Record<string, ImmyBotConnection>): boolean =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([site, connection]) => Object.hasOwn(b, site) && sameConnection(connection, b[site]));

/** A connection as the options page and the import list show it: “acme.immy.bot · integration 619”. */
export const connectionLabel = ({ instanceOrigin, integrationId }: ImmyBotConnection): string =>
  `${new URL(instanceOrigin).host} · integration ${integrationId}`;
