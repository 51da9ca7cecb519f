/**
 * The typed client in a few lines (README "Trying it"): opens a socket, shows a chats room
 * (which joins the room's channel `room:{id}`), renames the room over HTTP and prints the
 * `chats:roomUpdated` event the socket receives.
 *
 *   TOKEN=... node --import tsx scripts/client-example.ts <roomId>     (API defaults to http://127.0.0.1:8080)
 */
import { createClient } from 'rooms-content-backend/client';

const roomId = process.argv[2];
const token = process.env.TOKEN;
if (!roomId || !token) {
  process.stderr.write('usage: TOKEN=<token> [API=http://127.0.0.1:8080] node --import tsx scripts/client-example.ts <roomId>\n');
  process.exit(2);
}
const { http, realtime } = createClient({ baseUrl: process.env.API ?? 'http://127.0.0.1:8080', token });

const event = new Promise<void>((resolve) =>
  realtime.on(
    'chats:roomUpdated',
    (payload, meta) => {
      process.stdout.write(`event chats:roomUpdated on ${meta.channel} (position ${meta.position}): ${JSON.stringify(payload)}\n`);
      resolve();
    },
    { channel: `room:${roomId}` },
  ),
);
const { userId } = await realtime.connect();
process.stdout.write(`socket authenticated as ${userId}\n`);
await realtime.subscribe('resource:searchBelonging', { belonging: `room:${roomId}` });
process.stdout.write(`joined room:${roomId}\n`);
const renamed = await http.updateRoom({ roomId, name: `Renamed at ${new Date().toISOString()}` });
process.stdout.write(`renamed over HTTP: ${renamed.name}\n`);
await event;
realtime.close();
