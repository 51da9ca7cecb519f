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
  /**
   * CloudEvent functions: their dead-lettered messages (topic `<name>-dead-letter`) are pushed back
   * to them, marked by the CloudPubSubDeadLetterSourceDeliveryCount attribute, so they can record
   * the final failure (e.g. a resource left `failed` rather than `processing`).
   */
  settlesDeadLetters?: boolean;
}

export const deployables: Deployable[] = [
  { name: 'system', kind: 'http', entry: 'functions/system/index.ts' },
  { name: 'resources', kind: 'http', entry: 'functions/resources/index.ts' },
  { name: 'reactions', kind: 'http', entry: 'functions/reactions/index.ts' },
  { name: 'props', kind: 'http', entry: 'functions/props/index.ts' },
  { name: 'ressources', kind: 'http', entry: 'functions/ressources/index.ts' },
  { name: 'chats-rooms', kind: 'http', entry: 'functions/chats-rooms/index.ts' },
  { name: 'chats-users', kind: 'http', entry: 'functions/chats-users/index.ts' },
  { name: 'chats-attachments', kind: 'http', entry: 'functions/chats-attachments/index.ts' },
  { name: 'resource-media', kind: 'http', entry: 'functions/resource-media/index.ts' },
  {
    name: 'process-upload',
    kind: 'cloudevent',
    entry: 'functions/process-upload/index.ts',
    triggerTopicVar: 'PROCESSING_TOPIC',
    settlesDeadLetters: true,
  },
  {
    name: 'process-import',
    kind: 'cloudevent',
    entry: 'functions/process-import/index.ts',
    triggerTopicVar: 'IMPORT_TOPIC',
    settlesDeadLetters: true,
  },
  {
    name: 'process-ai-image',
    kind: 'cloudevent',
    entry: 'functions/process-ai-image/index.ts',
    triggerTopicVar: 'AI_IMAGE_TOPIC',
    settlesDeadLetters: true,
  },
  { name: 'resource-content', kind: 'http', entry: 'functions/resource-content/index.ts' },
  {
    name: 'upload-finalized',
    kind: 'cloudevent',
    entry: 'functions/resource-content/upload-finalized.ts',
    triggerTopicVar: 'UPLOADS_TOPIC',
  },
  { name: 'resource-integrations', kind: 'http', entry: 'functions/resource-integrations/index.ts' },
  {
    name: 'drive-sync',
    kind: 'cloudevent',
    entry: 'functions/resource-integrations/google-drive/sync-function.ts',
    triggerTopicVar: 'GOOGLE_DRIVE_SYNC_TOPIC',
    settlesDeadLetters: true,
  },
  { name: 'relay', kind: 'cloudrun', entry: 'functions/relay/index.ts' },
  { name: 'event-sequencer', kind: 'cloudrun', entry: 'functions/event-sequencer/index.ts' },
];
