/**
 * Every deployable unit: HTTP Cloud Functions (one per endpoint family), Pub/Sub-triggered
 * CloudEvent functions, and the Cloud Run relay. The local stack, the tests and the Terraform
 * checks all read this list.
 */
export interface Deployable {
  name: string;
  kind: 'http' | 'cloudevent' | 'cloudrun';
  /** entry module, relative to the repository root; it registers `name` with functions-framework */
  entry: string;
  /** CloudEvent functions: the configuration variable naming the Pub/Sub topic that triggers them */
  triggerTopicVar?: string;
}

export const deployables: Deployable[] = [
  { name: 'system', kind: 'http', entry: 'functions/system/index.ts' },
  { name: 'resources', kind: 'http', entry: 'functions/resources/index.ts' },
  { name: 'relay', kind: 'cloudrun', entry: 'functions/relay/index.ts' },
];
