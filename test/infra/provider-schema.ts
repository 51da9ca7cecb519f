import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The schema of a Terraform provider, derived from the jsii assembly (`.jsii`) of its prebuilt
 * cdktf package, which is generated from that provider's schema: every resource and data source
 * class names its Terraform type and registry version, and every config property links to its
 * Terraform attribute or block name.
 */
export interface Field {
  required: boolean;
  /** set when the field is a nested block rather than an attribute */
  block?: Block;
}
export type Block = Map<string, Field>;

export interface ProviderSchema {
  /** e.g. `hashicorp/google` */
  source: string;
  /** the provider version the package was generated from, e.g. `6.50.0` */
  version: string;
  provider: Block;
  resources: Map<string, Block>;
  dataSources: Map<string, Block>;
}

interface JsiiTypeRef {
  primitive?: string;
  fqn?: string;
  collection?: { kind: string; elementtype: JsiiTypeRef };
  union?: { types: JsiiTypeRef[] };
}
interface JsiiProperty {
  name: string;
  optional?: boolean;
  type: JsiiTypeRef;
  docs?: { remarks?: string; summary?: string };
}
interface JsiiType {
  kind: string;
  datatype?: boolean;
  interfaces?: string[];
  properties?: JsiiProperty[];
  docs?: { summary?: string };
  initializer?: { parameters?: Array<{ name: string; type: JsiiTypeRef }> };
}

const REPRESENTS =
  /\{@link https:\/\/registry\.terraform\.io\/providers\/([\w-]+\/[\w-]+)\/([\d.]+)\/docs\/(resources|data-sources)\/(\w+) (\w+)\}/;
const ANCHOR = /#(\w+) \w+#\w+\}/;
const SNAKE = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The struct a property's type holds, if any: a block is a struct, or a list/set of structs. */
function structOf(type: JsiiTypeRef, types: Record<string, JsiiType>): string | undefined {
  if (type.fqn && types[type.fqn]?.datatype) return type.fqn;
  if (type.collection && type.collection.kind === 'array') return structOf(type.collection.elementtype, types);
  for (const member of type.union?.types ?? []) {
    const found = structOf(member, types);
    if (found) return found;
  }
  return undefined;
}

function blockOf(fqn: string, types: Record<string, JsiiType>, seen: Map<string, Block>): Block {
  const cached = seen.get(fqn);
  if (cached) return cached;
  const block: Block = new Map();
  seen.set(fqn, block);
  const type = types[fqn];
  for (const parent of type.interfaces ?? []) {
    if (types[parent]) for (const [name, field] of blockOf(parent, types, seen)) block.set(name, field);
  }
  for (const property of type.properties ?? []) {
    const name = ANCHOR.exec(property.docs?.remarks ?? '')?.[1] ?? SNAKE(property.name);
    const struct = structOf(property.type, types);
    block.set(name, { required: !property.optional, ...(struct && { block: blockOf(struct, types, seen) }) });
  }
  return block;
}

/** Reads the provider schema out of a prebuilt cdktf provider package, e.g. `@cdktf/provider-google`. */
export function loadProviderSchema(packageName: string): ProviderSchema {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve(`${packageName}/package.json`));
  const assembly = JSON.parse(readFileSync(join(root, '.jsii'), 'utf8')) as { types: Record<string, JsiiType> };
  const types = assembly.types;
  const seen = new Map<string, Block>();
  const schema: ProviderSchema = { source: '', version: '', provider: new Map(), resources: new Map(), dataSources: new Map() };
  for (const [fqn, type] of Object.entries(types)) {
    if (type.kind !== 'class') continue;
    const config = type.initializer?.parameters?.find((p) => p.name === 'config')?.type.fqn;
    if (!config || !types[config]) continue;
    if (/\.provider\.\w+Provider$/.test(fqn)) {
      schema.provider = blockOf(config, types, seen);
      continue;
    }
    const represents = REPRESENTS.exec(type.docs?.summary ?? '');
    if (!represents) continue;
    const [, source, version, kind, , tfType] = represents;
    schema.source = source;
    schema.version = version;
    (kind === 'resources' ? schema.resources : schema.dataSources).set(tfType, blockOf(config, types, seen));
  }
  return schema;
}
