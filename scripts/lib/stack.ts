import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deployables as allDeployables, type Deployable } from '../../functions/manifest.js';
import { acquireSequencer, type RunningSequencer } from '../../functions/event-sequencer/index.js';
import { startRelay, type RunningRelay } from '../../functions/relay/index.js';
import { families as catalog } from '../../functions/catalog.js';
import type { Family } from '../../shared/registry/family.js';
import { endpointTable, RELAY_FUNCTION, routesOf } from '../../shared/registry/routes.js';
import { closeServers, hostFunctions, type HostedFunction } from './function-host.js';
import { createGateway } from './gateway.js';
import { wireEventTriggers } from './event-triggers.js';
import { handedOffSettled } from '../../shared/events/handoff.js';
import { startStorageNotifier, type StorageNotifier } from './storage-notifier.js';

export interface StackOptions {
  /** gateway port; 0 picks a free one */
  port: number;
  deployables?: Deployable[];
  /** the families the gateway routes and the relay forwards to (default: the catalog) */
  families?: Family[];
}

export interface RunningStack {
  url: string;
  functions: HostedFunction[];
  /** the WebSocket relay behind the gateway's `/ws`, when the deployables include it */
  relay?: RunningRelay;
  /** the event sequencer (a Cloud Run pull worker in production), pulling the same subscription on the emulator */
  sequencer: RunningSequencer;
  /** stands in for the bucket's OBJECT_FINALIZE notifications, which the Storage emulator does not send */
  notifier?: StorageNotifier;
  /** Replaces the relay as a deployment does: the old one drains (sockets closed with 1012), `whileDown` runs, a new instance takes `/ws`. */
  restartRelay(whileDown?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Every function on its own loopback port, the Pub/Sub triggers of the CloudEvent functions, and
 * the gateway in front of them. Expects the environment (emulators, issuer) to be set already.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const list = options.deployables ?? allDeployables;
  const families = options.families ?? catalog;
  const sequencer = await acquireSequencer();
  const functions = await hostFunctions(list);
  const targets = new Map(functions.map((f) => [f.deployable.name, f.url]));
  const servers: Server[] = functions.map((f) => f.server);
  const launchRelay = () => startRelay({ port: 0, families, functionUrls: Object.fromEntries(targets) });
  const relay = list.some((d) => d.name === RELAY_FUNCTION) ? await launchRelay() : undefined;

  const gatewayOptions = {
    routes: routesOf(families),
    endpoints: endpointTable(families),
    targets,
    local: new Map(functions.map((f) => [f.deployable.name, f.server])),
    relayUrl: relay?.url,
  };
  const gateway = createGateway(gatewayOptions);
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
  const running: RunningStack = {
    url,
    functions,
    relay,
    sequencer: sequencer.sequencer,
    notifier,
    restartRelay: async (whileDown) => {
      await running.relay?.stop();
      await whileDown?.();
      running.relay = await launchRelay();
      gatewayOptions.relayUrl = running.relay.url;
    },
    stop: async () => {
      // publishes handed off after an answer still use the clients the caller closes next
      await handedOffSettled();
      await running.relay?.stop();
      await sequencer.release();
      await notifier?.stop();
      await unwire();
      await closeServers(servers);
    },
  };
  return running;
}
