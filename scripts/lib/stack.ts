import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deployables as allDeployables, type Deployable } from '../../functions/manifest.js';
import { families } from '../../shared/registry/catalog.js';
import { endpointTable, routesOf } from '../../shared/registry/routes.js';
import { closeServers, hostFunctions, type HostedFunction } from './function-host.js';
import { createGateway } from './gateway.js';
import { wireEventTriggers } from './event-triggers.js';
import { startStorageNotifier, type StorageNotifier } from './storage-notifier.js';

export interface StackOptions {
  /** gateway port; 0 picks a free one */
  port: number;
  deployables?: Deployable[];
}

export interface RunningStack {
  url: string;
  functions: HostedFunction[];
  /** stands in for the bucket's OBJECT_FINALIZE notifications, which the Storage emulator does not send */
  notifier?: StorageNotifier;
  stop(): Promise<void>;
}

/**
 * Every function on its own loopback port, the Pub/Sub triggers of the CloudEvent functions, and
 * the gateway in front of them. Expects the environment (emulators, issuer) to be set already.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const list = options.deployables ?? allDeployables;
  const functions = await hostFunctions(list);
  const targets = new Map(functions.map((f) => [f.deployable.name, f.url]));
  const servers: Server[] = functions.map((f) => f.server);
  const relayUrl = targets.get('relay');

  const gateway = createGateway({ routes: routesOf(families), endpoints: endpointTable(families), targets, relayUrl });
  await new Promise<void>((resolve, reject) => {
    gateway.once('error', reject);
    gateway.listen(options.port, '127.0.0.1', resolve);
  });
  servers.push(gateway);
  const { port } = gateway.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  process.env.PUBLIC_BASE_URL ??= url;

  const unwire = await wireEventTriggers(functions);
  const notifier = list.some((d) => d.triggerTopicVar === 'UPLOADS_TOPIC') ? await startStorageNotifier() : undefined;
  return {
    url,
    functions,
    notifier,
    stop: async () => {
      await notifier?.stop();
      await unwire();
      await closeServers(servers);
    },
  };
}
