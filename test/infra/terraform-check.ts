import { parse } from '@cdktf/hcl2json';
import type { Block, ProviderSchema } from './provider-schema.js';

/** hcl2json's JSON form of a .tf file: blocks are arrays of bodies, attributes are values. */
type Body = Record<string, unknown>;
type Labelled = Record<string, Record<string, Body[]>>;
interface TfFile {
  terraform?: Body[];
  provider?: Record<string, Body[]>;
  resource?: Labelled;
  data?: Labelled;
}

/** Arguments Terraform itself defines on every resource and data source. */
const META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection']);
const LIFECYCLE = new Set([
  'create_before_destroy',
  'prevent_destroy',
  'ignore_changes',
  'replace_triggered_by',
  'precondition',
  'postcondition',
]);

const isBodyList = (value: unknown): value is Body[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));

/** The problems of one block body against its schema: unknown names, attributes used as blocks and back, missing required fields. */
function checkBody(body: Body, schema: Block, where: string, problems: string[], meta = false): void {
  const given = new Set(Object.keys(body));
  for (const [name, value] of Object.entries(body)) {
    if (meta && META.has(name)) {
      if (name === 'lifecycle' && isBodyList(value)) {
        for (const key of value.flatMap((v) => Object.keys(v)))
          if (!LIFECYCLE.has(key)) problems.push(`${where}.lifecycle: unknown argument "${key}"`);
      }
      continue;
    }
    if (name === 'dynamic' && typeof value === 'object' && value !== null) {
      for (const [blockName, uses] of Object.entries(value as Record<string, Body[]>)) {
        const field = schema.get(blockName);
        if (!field?.block) {
          problems.push(`${where}: dynamic "${blockName}" is not a block of this type`);
          continue;
        }
        given.add(blockName);
        for (const use of uses) {
          for (const content of (use.content as Body[] | undefined) ?? [])
            checkBody(content, field.block, `${where}.${blockName}`, problems);
        }
      }
      continue;
    }
    const field = schema.get(name);
    if (!field) {
      problems.push(`${where}: unknown ${isBodyList(value) ? 'block' : 'argument'} "${name}"`);
      continue;
    }
    if (field.block) {
      if (isBodyList(value)) for (const inner of value) checkBody(inner, field.block, `${where}.${name}`, problems);
    } else if (isBodyList(value) && value.length > 0 && !Array.isArray((value as unknown[])[0])) {
      // a map or object attribute written as `name = { ... }` is an object in hcl2json, a block is a list of bodies
      problems.push(`${where}: "${name}" is an argument, not a block`);
    }
  }
  for (const [name, field] of schema) {
    if (field.required && !given.has(name)) problems.push(`${where}: required ${field.block ? 'block' : 'argument'} "${name}" is not set`);
  }
}

export interface Schemas {
  /** by the provider's local name in `required_providers` (`google`, `archive`) */
  [localName: string]: ProviderSchema;
}

const providerOf = (tfType: string) => tfType.split('_')[0];

/** Every problem of the given .tf files (name -> text) against the provider schemas; empty when all are valid. */
export async function checkTerraform(files: Record<string, string>, schemas: Schemas): Promise<string[]> {
  const problems: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const tf = (await parse(file, text)) as TfFile;
    for (const [kind, list] of [
      ['resource', tf.resource],
      ['data', tf.data],
    ] as const) {
      for (const [tfType, byName] of Object.entries(list ?? {})) {
        const schema = schemas[providerOf(tfType)];
        const block = kind === 'resource' ? schema?.resources.get(tfType) : schema?.dataSources.get(tfType);
        if (!block) {
          problems.push(
            `${file}: ${kind} type "${tfType}" does not exist in ${schema ? `${schema.source} ${schema.version}` : 'any provider the test knows'}`,
          );
          continue;
        }
        for (const [name, bodies] of Object.entries(byName)) {
          for (const body of bodies) checkBody(body, block, `${file}: ${kind === 'data' ? 'data.' : ''}${tfType}.${name}`, problems, true);
        }
      }
    }
    for (const [local, bodies] of Object.entries(tf.provider ?? {})) {
      const schema = schemas[local];
      if (!schema) problems.push(`${file}: provider "${local}" is not known to the test`);
      else for (const { alias: _alias, ...body } of bodies) checkBody(body, schema.provider, `${file}: provider.${local}`, problems);
    }
  }
  return problems;
}

/** The `required_providers` entries of the given files: local name -> { source, version }. */
export async function requiredProviders(files: Record<string, string>): Promise<Record<string, { source: string; version: string }>> {
  const out: Record<string, { source: string; version: string }> = {};
  for (const [file, text] of Object.entries(files)) {
    const tf = (await parse(file, text)) as TfFile;
    for (const terraform of tf.terraform ?? []) {
      for (const required of (terraform.required_providers as Body[] | undefined) ?? []) Object.assign(out, required);
    }
  }
  return out;
}
