/** The network every resource lives in unless a client names another (DESIGN.md section 5). */
export const DEFAULT_NETWORK = 'default';
