/** A token, or a function the client asks for a current one (at connect, reconnect and before expiry). */
export type TokenProvider = string | (() => string | Promise<string>);

export const currentToken = async (provider: TokenProvider | undefined): Promise<string | undefined> =>
  typeof provider === 'function' ? await provider() : provider;

function base64UrlDecode(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

/** The `exp` of a JWT in milliseconds, read without verifying it (only to refresh in time). */
export function expiresAt(token: string): number | undefined {
  try {
    const exp = (JSON.parse(base64UrlDecode(token.split('.')[1] ?? '')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
