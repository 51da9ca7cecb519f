import { deployables } from '../../functions/manifest.js';
import { configVariables } from '../../shared/config.js';
import { families } from '../../functions/catalog.js';
import { endpointTable, routesOf } from '../../shared/registry/routes.js';

const defaults = new Map(configVariables.map((v) => [v.name, v.default]));

/**
 * What Terraform deploys, derived from the code: functions, their triggers, the load balancer
 * routes and the relay's endpoint table. Written to infra/generated/manifest.json by
 * `npm run infra:manifest`; a test fails when the committed file is out of date.
 */
export function infraManifest() {
  const routes = routesOf(families);
  const endpoints = Object.fromEntries(endpointTable(families));
  return {
    httpFunctions: deployables.filter((d) => d.kind === 'http').map((d) => ({ name: d.name, entry: d.entry.replace(/\.ts$/, '.js') })),
    eventFunctions: deployables
      .filter((d) => d.kind === 'cloudevent')
      .map((d) => ({
        name: d.name,
        entry: d.entry.replace(/\.ts$/, '.js'),
        topic: defaults.get(d.triggerTopicVar as never) ?? d.triggerTopicVar,
        settlesDeadLetters: d.settlesDeadLetters ?? false,
      })),
    cloudRun: deployables.filter((d) => d.kind === 'cloudrun').map((d) => ({ name: d.name, entry: d.entry.replace(/\.ts$/, '.js') })),
    /** the topic the bucket's OBJECT_FINALIZE notifications go to */
    uploadsTopic: defaults.get('UPLOADS_TOPIC'),
    /** the sequencer's intake topic and pull subscription (infra/sequencer.tf) */
    eventsIntakeTopic: defaults.get('EVENTS_INTAKE_TOPIC'),
    eventSequencerSubscription: defaults.get('EVENTS_SEQUENCER_SUBSCRIPTION'),
    topics: [
      ...new Set(
        configVariables
          .filter((v) => v.name.endsWith('_TOPIC'))
          .map((v) => v.default)
          .filter((t): t is string => !!t),
      ),
    ].sort(),
    /** load balancer path rules: one per route; `{param}` becomes a path template variable */
    routes: [...routes].sort(bySpecificity).map((r) => ({ method: r.method, path: r.path, function: r.function })),
    /** `/ops/{endpoint}` rules, so the relay (and tools) can reach each owning function through the LB */
    opsRoutes: Object.entries(endpoints).map(([endpoint, fn]) => ({ path: `/ops/${endpoint}`, function: fn })),
  };
}

/** Static segments before `{param}` segments at each position, then shorter paths, then by text. */
function bySpecificity(a: { path: string; method: string }, b: { path: string; method: string }): number {
  const sa = a.path.split('/');
  const sb = b.path.split('/');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const pa = sa[i].startsWith('{') ? 1 : 0;
    const pb = sb[i].startsWith('{') ? 1 : 0;
    if (pa !== pb) return pa - pb;
  }
  return sa.length - sb.length || a.path.localeCompare(b.path) || a.method.localeCompare(b.method);
}
