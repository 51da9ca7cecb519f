/**
 * The package's `main` in production: Cloud Functions and Cloud Run set FUNCTION_TARGET (or
 * K_SERVICE) to the deployed name, and only that deployable's module is loaded, so a function's
 * cold start does not pay for the other families.
 */
import { refuseToStartWithoutAuthSettings } from '../shared/auth/fail-closed.js';
import { routeConsoleToLog } from '../shared/log.js';
import { deployables } from './manifest.js';

routeConsoleToLog();

const target = process.env.FUNCTION_TARGET ?? process.env.K_SERVICE;
const deployable = deployables.find((d) => d.name === target);
if (!deployable)
  throw new Error(`FUNCTION_TARGET ${target ?? '(unset)'} is not a deployable: ${deployables.map((d) => d.name).join(', ')}`);
if (deployable.kind === 'http') refuseToStartWithoutAuthSettings(deployable.name);
await import(new URL(`../${deployable.entry.replace(/\.ts$/, '.js')}`, import.meta.url).href);
