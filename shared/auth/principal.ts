/** The authenticated caller, derived from a verified token. */
export interface Principal {
  /** User id: the token's `sub` when it is a UUID, otherwise a UUID v5 derived from issuer and subject. */
  userId: string;
  /** The token's raw subject. */
  subject: string;
  name?: string;
  email?: string;
  networkId: string;
  scopes: string[];
  admin: boolean;
  /** Set when the token points to a workspace (claim `tokenType: "workspace"`, `sub` = the workspace id) rather than a user. */
  workspaceId?: string;
  /** The raw bearer token, forwarded by the relay to functions. */
  token: string;
}

export function hasScope(principal: Principal, scope: string): boolean {
  return principal.scopes.includes(scope);
}
