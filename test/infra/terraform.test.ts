import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { beforeAll, describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { configVariables } from '../../shared/config.js';
import { infraManifest } from '../../scripts/lib/infra-manifest.js';

const infraDir = new URL('../../infra/', import.meta.url).pathname;
type Hcl = { resource?: Record<string, Record<string, Array<Record<string, unknown>>>>; locals?: Array<Record<string, unknown>> };
let tf: Hcl = {};

/** Terraform cannot be installed here: the .tf files are parsed with hcl2json and checked against the code. */
beforeAll(async () => {
  const merged: Hcl = { resource: {}, locals: [] };
  for (const file of readdirSync(infraDir).filter((f) => f.endsWith('.tf'))) {
    const parsed = (await parse(file, readFileSync(join(infraDir, file), 'utf8'))) as Hcl;
    for (const [type, byName] of Object.entries(parsed.resource ?? {})) Object.assign((merged.resource![type] ??= {}), byName);
    merged.locals!.push(...(parsed.locals ?? []));
  }
  tf = merged;
});

const resource = (type: string, name: string) => tf.resource?.[type]?.[name]?.[0];

describe('infra', () => {
  it('has a generated manifest in step with the registry and the deployables (run npm run infra:manifest)', () => {
    const committed = JSON.parse(readFileSync(join(infraDir, 'generated', 'manifest.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(infraManifest())));
  });

  it('deploys every function kind from the manifest', () => {
    expect(resource('google_cloudfunctions2_function', 'http')?.for_each).toBe('${local.http_functions}');
    expect(resource('google_cloudfunctions2_function', 'event')?.for_each).toBe('${local.event_functions}');
    expect(resource('google_cloud_run_v2_service', 'relay')?.for_each).toBe('${local.cloud_run}');
    const manifest = infraManifest();
    const names = [...manifest.httpFunctions, ...manifest.eventFunctions, ...manifest.cloudRun].map((f) => f.name).sort();
    expect(names).toEqual(deployables.map((d) => d.name).sort());
  });

  it('declares every Pub/Sub topic the code uses, with dead letters for triggered functions', () => {
    const topicVars = configVariables.filter((v) => v.name.endsWith('_TOPIC')).map((v) => v.default);
    expect(infraManifest().topics).toEqual(expect.arrayContaining(topicVars as string[]));
    expect(resource('google_pubsub_topic', 'topic')?.for_each).toBe('${local.topics}');
    expect(resource('google_pubsub_subscription', 'trigger')).toMatchObject({
      dead_letter_policy: expect.any(Array),
      retry_policy: expect.any(Array),
    });
    expect(resource('google_pubsub_subscription', 'dead_letter_settle')).toBeDefined();
    expect(resource('google_storage_notification', 'uploads')).toMatchObject({
      event_types: ['OBJECT_FINALIZE'],
      object_name_prefix: 'originals/',
    });
    expect(infraManifest().topics).toContain(infraManifest().uploadsTopic);
  });

  it("declares the content bucket, Firestore indexes from the code's index file, and secrets", () => {
    expect(resource('google_storage_bucket', 'content')).toBeDefined();
    expect(resource('google_firestore_index', 'composite')).toBeDefined();
    expect(resource('google_secret_manager_secret', 'secret')).toBeDefined();
    const secrets = JSON.stringify(tf.locals);
    for (const v of configVariables.filter((c) => /_(API_KEY|TOKEN|SECRET|ENCRYPTION_KEY)$/.test(c.name)))
      expect(secrets, v.name).toContain(v.name);
  });

  it('enables the APIs it uses before the resources that need them, and zips the staged function source', () => {
    const services = JSON.stringify(tf.locals);
    for (const api of ['cloudfunctions', 'cloudbuild', 'run', 'firestore', 'pubsub', 'secretmanager', 'compute', 'iamcredentials'])
      expect(services).toContain(`${api}.googleapis.com`);
    const gated: Array<[string, string]> = [
      ['google_firestore_database', 'main'],
      ['google_cloudfunctions2_function', 'http'],
      ['google_cloudfunctions2_function', 'event'],
      ['google_cloud_run_v2_service', 'relay'],
      ['google_secret_manager_secret', 'secret'],
      ['google_pubsub_topic', 'topic'],
      ['google_storage_bucket', 'content'],
    ];
    for (const [type, name] of gated)
      expect(resource(type, name)?.depends_on, `${type}.${name}`).toEqual(['${google_project_service.required}']);
    expect(resource('google_storage_bucket_object', 'source')?.source).toBe('${data.archive_file.source.output_path}');
  });

  it('routes every registry route through the URL map, most specific first', () => {
    const urlMap = JSON.stringify(resource('google_compute_url_map', 'api'));
    expect(urlMap).toContain('local.route_rules');
    const routes = infraManifest().routes.map((r) => r.path);
    const staticYoutube = routes.indexOf('/api/v0/resource/proxy/youtube');
    const paramProxy = routes.indexOf('/api/v0/resource/proxy/{id}');
    if (staticYoutube >= 0 && paramProxy >= 0) expect(staticYoutube).toBeLessThan(paramProxy);
    expect(routes.indexOf('/health')).toBeGreaterThanOrEqual(0);
  });
});
