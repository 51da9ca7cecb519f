import type { Principal } from './principal.js';

/** The principal of calls to operations declared with `auth: 'none'` (or `'optional'` without a token). */
export const ANONYMOUS: Principal = Object.freeze({
  userId: '',
  subject: '',
  networkId: 'default',
  scopes: [],
  admin: false,
  token: '',
}) as Principal;

export const isAnonymous = (p: Principal) => p.userId === '';
