/**
 * Child-process entry of the Cloud Storage emulator: the Node Cloud Storage emulator of firebase-tools
 * serving only its GCS JSON API routes, without the Java rules runtime that `start()` would download.
 *
 *   node --import tsx storage-server.ts --project=P [--import=DIR]
 *
 * Sends `{ port }` over IPC once listening; exits when the parent goes away.
 */
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

interface StorageEmulatorInstance {
  storageLayer: { import(dir: string, options: { initiatedBy: string }): void };
}
interface StorageModule {
  StorageEmulator: new (args: { projectId: string; host: string; port: number; auto_download: boolean }) => StorageEmulatorInstance;
}
interface ServerModule {
  createApp(projectId: string, emulator: StorageEmulatorInstance): Promise<RequestListener>;
}
interface RegistryModule {
  EmulatorRegistry: { set(name: 'storage', instance: StorageEmulatorInstance): void };
}

const require = createRequire(import.meta.url);
const { StorageEmulator } = require('firebase-tools/lib/emulator/storage') as StorageModule;
const { createApp } = require('firebase-tools/lib/emulator/storage/server') as ServerModule;
const { EmulatorRegistry } = require('firebase-tools/lib/emulator/registry') as RegistryModule;

const HOST = '127.0.0.1';
const { values } = parseArgs({ options: { project: { type: 'string' }, import: { type: 'string' } } });
const projectId = values.project ?? 'demo-local';

const server = createServer();
await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
const { port } = server.address() as AddressInfo;

const emulator = new StorageEmulator({ projectId, host: HOST, port, auto_download: false });
// the emulator builds object URLs and bucket metadata from the registry's host and port
EmulatorRegistry.set('storage', emulator);
if (values.import) emulator.storageLayer.import(values.import, { initiatedBy: 'start' });
const app = await createApp(projectId, emulator);

server.on('request', (request: IncomingMessage, response: ServerResponse) => {
  // Clients address the JSON API as /storage/v1/b/...; some emulator routes (copy/rewrite, metadata
  // patch) are only mounted as /b/..., which every route also accepts.
  if (request.url?.startsWith('/storage/v1/b/')) request.url = request.url.slice('/storage/v1'.length);
  app(request, response);
});

process.on('disconnect', () => process.exit(0));
process.send?.({ port });
