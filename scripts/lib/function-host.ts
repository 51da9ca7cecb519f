import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { Deployable } from '../../functions/manifest.js';
import { repoRoot } from './paths.js';

export interface HostedFunction {
  deployable: Deployable;
  url: string;
  server: Server;
}

/**
 * Serves each function on its own loopback port through functions-framework, exactly as Cloud
 * Functions would invoke it (same body parsing, same CloudEvent/Pub/Sub push handling).
 */
export async function hostFunctions(list: Deployable[]): Promise<HostedFunction[]> {
  const hosted: HostedFunction[] = [];
  for (const deployable of list.filter((d) => d.kind !== 'cloudrun')) {
    await import(pathToFileURL(join(repoRoot, deployable.entry)).href);
    const server = getTestServer(deployable.name);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    hosted.push({ deployable, url: `http://127.0.0.1:${port}`, server });
  }
  return hosted;
}

export async function closeServers(servers: Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections?.();
          s.close(() => resolve());
        }),
    ),
  );
}
