import { log } from '../log.js';
import { missingAuthSettings } from './verify.js';

/**
 * Outside the emulators, a process that would verify tokens without an issuer, audience or JWKS
 * URL refuses to start: one CRITICAL line naming what is missing, then exit code 1.
 */
export function refuseToStartWithoutAuthSettings(component: string): void {
  const missing = missingAuthSettings();
  if (missing.length === 0) return;
  log.critical('refusing to start: token verification is not configured', { component, missing });
  process.exit(1);
}
