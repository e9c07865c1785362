import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeCertificate } from './certs';
import { haloHandler } from './halo/server';
import { createImmyBot, type ImmyBotStandIn } from './immybot/server';

export interface Sandbox {
  haloPort: number;
  immybotPort: number;
  immybot: ImmyBotStandIn;
  /** Chromium --host-resolver-rules sending the real HaloPSA and ImmyBot hostnames to the sandbox. */
  resolverRules: string;
  close(): Promise<void>;
}

/** Hostname patterns the HaloPSA-like server answers for (Chromium resolver rules, Firefox's proxy). */
export const HALO_HOSTS: readonly string[] = [
  '*.halopsa.com',
  'halopsa.com',
  '*.haloitsm.com',
  'haloitsm.com',
  '*.haloservicedesk.com',
  'haloservicedesk.com',
  '*.usehalo.com',
  '*.example.test',
];

/** HaloPSA-like pages and an ImmyBot stand-in over real TLS on loopback, for tests, bench and demo. */
export async function startSandbox(): Promise<Sandbox> {
  const tls = makeCertificate();
  const immybot = createImmyBot();
  const halo = createServer(tls, haloHandler);
  const immy = createServer(tls, immybot.handler);
  const [haloPort, immybotPort] = await Promise.all([listen(halo), listen(immy)]);
  const resolverRules = [
    ...HALO_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${haloPort}`),
    `MAP *.immy.bot 127.0.0.1:${immybotPort}`,
    // Nothing else resolves: a test can never reach the internet by accident.
    'MAP * ~NOTFOUND',
    'EXCLUDE localhost',
  ].join(', ');
  return {
    haloPort,
    immybotPort,
    immybot,
    resolverRules,
    close: async () => {
      for (const server of [halo, immy]) server.closeAllConnections();
      await Promise.all([halo, immy].map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
