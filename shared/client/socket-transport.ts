/** The part of the WebSocket API the client uses: the browser's, Node 22's global, or `ws`. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketConstructor = new (url: string) => SocketLike;

export const OPEN = 1;

/**
 * The global WebSocket where there is one (browsers, Node 22); otherwise `ws`, loaded only then
 * (its name is not a literal, so bundlers for the browser leave it out).
 */
export async function defaultSocketConstructor(): Promise<SocketConstructor> {
  const global = (globalThis as { WebSocket?: SocketConstructor }).WebSocket;
  if (global) return global;
  const name = 'ws';
  try {
    const mod = (await import(name)) as { WebSocket: SocketConstructor };
    return mod.WebSocket;
  } catch {
    throw new Error('no WebSocket implementation: pass options.WebSocket, or install the ws package (Node 20)');
  }
}

export function frameText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  return String(data);
}
