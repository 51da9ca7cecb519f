import { randomBytes } from 'node:crypto';
import { env, envInt } from '../../shared/config.js';
import type { Family } from '../../shared/registry/family.js';
import { endpointTable } from '../../shared/registry/routes.js';
import { endpointFunctions } from './endpoints.generated.js';

/** Thresholds and intervals; each defaults to its RELAY_* configuration variable. */
export interface RelayLimits {
  authTimeoutMs: number;
  heartbeatMs: number;
  maxBufferedBytes: number;
  maxFrameBytes: number;
  callTimeoutMs: number;
  maxInFlight: number;
  messageRate: number;
  messageBurst: number;
  maxSocketsPerUser: number;
  connectionsPerMinute: number;
  drainTimeoutMs: number;
  reorderWaitMs: number;
  maxUnauthenticated: number;
  maxUnauthenticatedPerAddress: number;
  /** proxies in front that append to X-Forwarded-For; decides what the per-address limit counts */
  trustedProxies: number;
}

export interface RelayOptions {
  /** default: PORT; 0 picks a free port */
  port?: number;
  /** default 127.0.0.1; the Cloud Run service listens on 0.0.0.0 */
  host?: string;
  /** where the WebSocket endpoint -> function table comes from (default: endpoints.generated.ts, made from the registry catalog without loading it) */
  families?: Family[];
  /** function name -> base URL (default: RELAY_FUNCTION_URLS, else FUNCTION_URL_TEMPLATE) */
  functionUrls?: Record<string, string>;
  /** `metadata`: send an ID token for the function in X-Serverless-Authorization (default: RELAY_INVOKER_AUTH) */
  invokerAuth?: 'none' | 'metadata';
  /** create this instance's Pub/Sub subscription to the events topic (default true) */
  subscribe?: boolean;
  /** names the instance and its subscription (default: random) */
  instanceId?: string;
  limits?: Partial<RelayLimits>;
}

export interface RelaySettings {
  port: number;
  host: string;
  /** WebSocket endpoint -> owning function */
  endpoints: Map<string, string>;
  /** function name -> base URL */
  functionUrl: (name: string) => string;
  invokerAuth: 'none' | 'metadata';
  subscribe: boolean;
  instanceId: string;
  limits: RelayLimits;
}

function configuredLimits(): RelayLimits {
  return {
    authTimeoutMs: envInt('RELAY_AUTH_TIMEOUT_MS'),
    heartbeatMs: envInt('RELAY_HEARTBEAT_MS'),
    maxBufferedBytes: envInt('RELAY_MAX_BUFFERED_BYTES'),
    maxFrameBytes: envInt('RELAY_MAX_FRAME_BYTES'),
    callTimeoutMs: envInt('RELAY_CALL_TIMEOUT_MS'),
    maxInFlight: envInt('RELAY_MAX_IN_FLIGHT'),
    messageRate: envInt('RELAY_MESSAGE_RATE'),
    messageBurst: envInt('RELAY_MESSAGE_BURST'),
    maxSocketsPerUser: envInt('RELAY_MAX_SOCKETS_PER_USER'),
    connectionsPerMinute: envInt('RELAY_CONNECTIONS_PER_MINUTE'),
    drainTimeoutMs: envInt('RELAY_DRAIN_TIMEOUT_MS'),
    reorderWaitMs: envInt('RELAY_REORDER_WAIT_MS'),
    maxUnauthenticated: envInt('RELAY_MAX_UNAUTHENTICATED'),
    maxUnauthenticatedPerAddress: envInt('RELAY_MAX_UNAUTHENTICATED_PER_ADDRESS'),
    trustedProxies: envInt('RELAY_TRUSTED_PROXIES'),
  };
}

function configuredFunctionUrls(): ((name: string) => string | undefined) | undefined {
  const map = env('RELAY_FUNCTION_URLS');
  if (map) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(map);
    } catch {
      throw new Error('RELAY_FUNCTION_URLS is not JSON: expected {"functionName": "https://..."}');
    }
    if (typeof parsed !== 'object' || parsed === null) throw new Error('RELAY_FUNCTION_URLS must be a JSON object');
    const urls = parsed as Record<string, unknown>;
    return (name) => (typeof urls[name] === 'string' ? (urls[name] as string) : undefined);
  }
  const template = env('FUNCTION_URL_TEMPLATE');
  return template ? (name) => template.replaceAll('{name}', name) : undefined;
}

/** Options over configuration; fails at start when an endpoint's function has no URL. */
export function resolveSettings(options: RelayOptions): RelaySettings {
  const endpoints = options.families ? endpointTable(options.families) : new Map(Object.entries(endpointFunctions));
  const given = options.functionUrls;
  const lookup = given ? (name: string) => given[name] : configuredFunctionUrls();
  if (!lookup) throw new Error('the relay needs function URLs: set RELAY_FUNCTION_URLS or FUNCTION_URL_TEMPLATE');
  const urls = new Map<string, string>();
  for (const fn of new Set(endpoints.values())) {
    const url = lookup(fn);
    if (!url) throw new Error(`no URL for function ${fn} (RELAY_FUNCTION_URLS / FUNCTION_URL_TEMPLATE)`);
    urls.set(fn, url.replace(/\/+$/, ''));
  }
  const invokerAuth = options.invokerAuth ?? env('RELAY_INVOKER_AUTH');
  if (invokerAuth !== 'none' && invokerAuth !== 'metadata')
    throw new Error(`RELAY_INVOKER_AUTH must be none or metadata, not ${invokerAuth}`);
  return {
    port: options.port ?? envInt('PORT'),
    host: options.host ?? '127.0.0.1',
    endpoints,
    functionUrl: (name) => urls.get(name)!,
    invokerAuth,
    subscribe: options.subscribe ?? true,
    instanceId: options.instanceId ?? randomBytes(6).toString('hex'),
    limits: { ...configuredLimits(), ...options.limits },
  };
}
