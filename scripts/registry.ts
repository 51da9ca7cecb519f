/** Prints the whole operation and event registry as one JSON array (how seed coverage is measured). */
import { families } from '../functions/catalog.js';

const entries = families.flatMap((family) => [
  ...family.operations.map((op) => ({
    name: op.name,
    family: family.name,
    kind: 'operation' as const,
    summary: op.summary,
    deprecated: op.deprecated ?? false,
    replacedBy: op.replacedBy,
    permission: op.permission,
    auth: op.auth,
    workspaceTokens: op.workspaceTokens ?? false,
    extension: op.extension ?? false,
    http: op.bindings.http ?? [],
    jsonRpc: op.bindings.jsonRpc,
    websocket: op.bindings.websocket,
  })),
  ...family.events.map((ev) => ({
    name: ev.name,
    family: family.name,
    kind: 'event' as const,
    summary: ev.summary,
    channel: ev.channel,
    extension: ev.extension ?? false,
    http: [],
    websocket: ev.name,
  })),
]);

process.stdout.write(JSON.stringify(entries, null, 2) + '\n');
