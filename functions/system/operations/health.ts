import { ApiError } from '../../../shared/errors/api-error.js';
import { checkDependencies } from '../../../shared/health/checks.js';
import { operation } from '../../../shared/registry/define.js';
import { results } from '../../../shared/registry/types.js';
import { emptyObject, healthStatus } from '../schemas/system.js';

const common = { auth: 'none', permission: 'none', restStyle: 'chats', request: emptyObject } as const;

export const getHealthStatus = operation({
  ...common,
  name: 'getHealthStatus',
  summary: 'General status of the service and of its dependencies (Firestore, Pub/Sub, Cloud Storage), checked live',
  bindings: { http: [{ method: 'GET', path: '/health' }] },
  response: healthStatus,
}).handle(async () => {
  const dependencies = await checkDependencies();
  const fundamentalDown = dependencies.some((d) => d.fundamental && !d.isHealthy);
  const anyDown = dependencies.some((d) => !d.isHealthy);
  return {
    isLive: true,
    status: fundamentalDown ? 'error' : anyDown ? 'warn' : 'ok',
    dependencies: dependencies.map(({ name, isHealthy }) => ({ name, isHealthy })),
  };
});

export const isLive = operation({
  ...common,
  name: 'isLive',
  summary: 'Answers 204 while the process is alive',
  bindings: { http: [{ method: 'GET', path: '/health/live' }] },
  successStatus: 204,
  response: emptyObject,
}).handle(async () => results.empty(204));

export const isReady = operation({
  ...common,
  name: 'isReady',
  summary: 'Answers 204 when ready, 429 when a non-fundamental dependency is down, 500 when a fundamental one is',
  bindings: { http: [{ method: 'GET', path: '/health/ready' }] },
  successStatus: 204,
  response: emptyObject,
}).handle(async () => {
  const dependencies = await checkDependencies();
  const down = dependencies.filter((d) => !d.isHealthy);
  if (down.some((d) => d.fundamental)) throw new ApiError(500, `not ready: ${down.map((d) => d.name).join(', ')} unreachable`);
  if (down.length > 0) throw new ApiError(429, `ready, but ${down.map((d) => d.name).join(', ')} unreachable`);
  return results.empty(204);
});
