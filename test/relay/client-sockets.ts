import { RealtimeClient } from '../../shared/client/index.js';

/** Typed client sockets for the relay end-to-end tests; `closeAll` closes every one opened. */
export function clientSockets(wsUrl: string) {
  const opened: RealtimeClient[] = [];
  return {
    async open(token: string): Promise<RealtimeClient> {
      const client = new RealtimeClient({ url: wsUrl, token, reconnect: false });
      opened.push(client);
      await client.connect();
      return client;
    },
    track(client: RealtimeClient): RealtimeClient {
      opened.push(client);
      return client;
    },
    closeAll(): void {
      for (const client of opened.splice(0)) client.close();
    },
  };
}
