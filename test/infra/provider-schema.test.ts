import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProviderSchema, type ProviderSchema } from './provider-schema.js';
import { checkTerraform, requiredProviders, type Schemas } from './terraform-check.js';

/**
 * infra/*.tf against the schemas of the providers infra/versions.tf pins, taken from the prebuilt
 * cdktf provider packages (generated from those schemas): every resource and data source type,
 * argument and nested block exists, and required ones are set.
 */
const infraDir = new URL('../../infra/', import.meta.url).pathname;
const fixture = new URL('./fixtures/misspelt.tf', import.meta.url).pathname;
const infraFiles = Object.fromEntries(
  readdirSync(infraDir)
    .filter((f) => f.endsWith('.tf'))
    .map((f) => [f, readFileSync(join(infraDir, f), 'utf8')]),
);

let schemas: Schemas;
beforeAll(() => {
  schemas = { google: loadProviderSchema('@cdktf/provider-google'), archive: loadProviderSchema('@cdktf/provider-archive') };
});

/** `~> 6.50.0` admits exactly the 6.50.x releases; the test only vouches for the schema it has. */
function pinsVersion(constraint: string, schema: ProviderSchema): boolean {
  const [major, minor] = schema.version.split('.');
  const pessimistic = /^~>\s*(\d+)\.(\d+)\.(\d+)$/.exec(constraint.trim());
  const exact = /^=?\s*(\d+\.\d+\.\d+)$/.exec(constraint.trim());
  if (pessimistic)
    return pessimistic[1] === major && pessimistic[2] === minor && Number(pessimistic[3]) <= Number(schema.version.split('.')[2]);
  return exact?.[1] === schema.version;
}

describe('infra against the provider schemas', () => {
  it('pins each provider to the release line whose schema the test knows', async () => {
    const required = await requiredProviders(infraFiles);
    expect(Object.keys(required).sort()).toEqual(Object.keys(schemas).sort());
    for (const [local, { source, version }] of Object.entries(required)) {
      const schema = schemas[local];
      expect(source, local).toBe(schema.source);
      expect(pinsVersion(version, schema), `${local} "${version}" should pin ~> ${schema.version}`).toBe(true);
    }
  });

  it('knows the schema it checks against', () => {
    const fn = schemas.google.resources.get('google_cloudfunctions2_function');
    expect(fn?.get('name')?.required).toBe(true);
    expect(fn?.get('service_config')?.block?.get('available_memory')).toEqual({ required: false });
    expect(schemas.google.dataSources.has('google_project')).toBe(true);
    expect(schemas.google.provider.has('project')).toBe(true);
    expect(schemas.archive.dataSources.get('archive_file')?.get('output_path')?.required).toBe(true);
  });

  it('finds every type, argument and nested block of infra/*.tf in the schema, with required ones set', async () => {
    expect(await checkTerraform(infraFiles, schemas)).toEqual([]);
  });

  it('fails on a misspelt argument, nested argument, dynamic block, type, lifecycle argument and a missing required argument', async () => {
    const problems = await checkTerraform({ 'misspelt.tf': readFileSync(fixture, 'utf8') }, schemas);
    expect(problems.sort()).toEqual(
      [
        'misspelt.tf: google_pubsub_topic.misspelt_attribute: unknown argument "message_retention_duraton"',
        'misspelt.tf: google_storage_bucket.missing_required: required argument "location" is not set',
        'misspelt.tf: google_cloudfunctions2_function.misspelt_nested.service_config: unknown argument "available_memroy"',
        'misspelt.tf: google_pubsub_subscription.unknown_dynamic: dynamic "retry_polcy" is not a block of this type',
        'misspelt.tf: resource type "google_compute_url_mapp" does not exist in hashicorp/google 6.50.0',
        'misspelt.tf: data.google_project.unknown_lifecycle.lifecycle: unknown argument "prevent_destroyed"',
      ].sort(),
    );
  });
});
