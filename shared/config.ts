/**
 * Every configuration variable the system reads, with its default and meaning.
 * The README's configuration table is checked against this list by a test.
 */
export interface ConfigVariable {
  name: string;
  default: string | undefined;
  description: string;
}

export const configVariables = [
  { name: 'GOOGLE_CLOUD_PROJECT', default: 'demo-local', description: 'Google Cloud project id (Firestore, Pub/Sub, Storage).' },
  { name: 'PORT', default: '8080', description: 'Port of a function, the relay, or the local gateway.' },
  { name: 'LOG_LEVEL', default: 'INFO', description: 'Lowest severity written to the structured log (DEBUG, INFO, WARNING, ERROR).' },
  { name: 'FIRESTORE_EMULATOR_HOST', default: undefined, description: 'host:port of the Firestore emulator; unset in production.' },
  { name: 'PUBSUB_EMULATOR_HOST', default: undefined, description: 'host:port of the Pub/Sub emulator; unset in production.' },
  {
    name: 'STORAGE_EMULATOR_HOST',
    default: undefined,
    description: 'http://host:port of the Cloud Storage emulator; unset in production.',
  },
  {
    name: 'STORAGE_BUCKET',
    default: 'demo-local-content',
    description: 'Bucket holding originals, thumbnails, pictures, attachments and previews.',
  },
  {
    name: 'AUTH_JWKS_URL',
    default: undefined,
    description:
      'JWKS URL the token signatures are checked against (Firebase: https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com).',
  },
  { name: 'AUTH_ISSUER', default: undefined, description: 'Expected `iss` of tokens (Firebase: https://securetoken.google.com/PROJECT).' },
  { name: 'AUTH_AUDIENCE', default: undefined, description: 'Expected `aud` of tokens (Firebase: the project id).' },
  {
    name: 'CORS_ALLOWED_ORIGINS',
    default: undefined,
    description:
      'Comma-separated browser origins (scheme://host[:port]) that may call the API cross-origin and authenticate a WebSocket by the ZM_AUTH_TOKEN cookie; unset: none.',
  },
  {
    name: 'EVENTS_TOPIC',
    default: 'events',
    description: 'Pub/Sub topic of sequenced client events (with their channel positions), read by every relay instance.',
  },
  {
    name: 'EVENTS_INTAKE_TOPIC',
    default: 'event-intake',
    description:
      'Pub/Sub topic on which functions publish committed client events, ordered by channel (ordering key), for the event sequencer.',
  },
  {
    name: 'EVENTS_SEQUENCER_SUBSCRIPTION',
    default: 'event-sequencer',
    description: 'Pull subscription of EVENTS_INTAKE_TOPIC (message ordering on) the event sequencer reads.',
  },
  {
    name: 'EVENT_OUTBOX_SWEEP_SECONDS',
    default: '10',
    description:
      'Age after which the sequencer re-publishes an event outbox entry that was committed but never published (the function died or Pub/Sub failed), in seconds.',
  },
  { name: 'PROCESSING_TOPIC', default: 'resource-processing', description: 'Pub/Sub topic of processing jobs for completed uploads.' },
  {
    name: 'MAX_UPLOAD_BYTES',
    default: String(512 * 1024 * 1024),
    description: 'Largest resource content accepted, in bytes (413 beyond).',
  },
  {
    name: 'MAX_JSON_BODY_BYTES',
    default: String(10 * 1024 * 1024),
    description: 'Largest request body accepted by JSON, JSON-RPC and relay-call bindings (and by bodiless ones), in bytes (413 beyond).',
  },
  { name: 'SIGNED_URL_TTL_SECONDS', default: '900', description: 'Lifetime of signed read URLs handed to clients.' },
  {
    name: 'PUBLIC_BASE_URL',
    default: 'http://127.0.0.1:8080',
    description: 'Externally visible base URL of the API (used in URLs handed to clients).',
  },
  {
    name: 'MEDIA_MAX_PIXELS',
    default: '50000000',
    description:
      'Largest pixel count (width x height) an image, video frame or embedded PDF image may declare; larger content fails as too large before it is decoded.',
  },
  {
    name: 'MEDIA_TOOL_TIMEOUT_MS',
    default: '30000',
    description: 'Time limit of one media tool run (ffprobe, ffmpeg, an image pipeline) during processing, in milliseconds.',
  },
  {
    name: 'CHATS_MAX_GROUP_MEMBERS',
    default: '128',
    description: 'Chats: most members (creator included) a group or workspace room may have.',
  },
  { name: 'CHATS_MAX_USER_IMAGE_KB', default: '512', description: 'Chats: largest user picture accepted, in kB (400 beyond).' },
  { name: 'CHATS_MAX_ROOM_IMAGE_KB', default: '512', description: 'Chats: largest room picture accepted, in kB (400 beyond).' },
  {
    name: 'CHATS_MAX_ATTACHMENT_BYTES',
    default: String(25 * 1024 * 1024),
    description: 'Chats: largest attachment accepted, in bytes (413 beyond); Cloud Functions take request bodies up to 32 MiB.',
  },
  {
    name: 'CHATS_CAN_SEE_MESSAGE_READS',
    default: 'true',
    description: 'Chats capability: users can see whether their messages were read.',
  },
  { name: 'CHATS_CAN_SEE_USERS_PRESENCE', default: 'true', description: 'Chats capability: users can see the presence of other users.' },
  { name: 'CHATS_CAN_VIDEO_CALL', default: 'true', description: 'Chats capability: users can join video calls.' },
  { name: 'CHATS_CAN_VIDEO_CALL_RECORD', default: 'true', description: 'Chats capability: users can record video calls.' },
  {
    name: 'CHATS_CAN_USE_VIRTUAL_BACKGROUND',
    default: 'true',
    description: 'Chats capability: users can use a virtual background in calls.',
  },
  {
    name: 'CHATS_EDIT_MESSAGE_TIME_LIMIT_MINUTES',
    default: '10',
    description: 'Chats capability: minutes during which a message can be edited.',
  },
  {
    name: 'CHATS_DELETE_MESSAGE_TIME_LIMIT_MINUTES',
    default: '10',
    description: 'Chats capability: minutes during which a message can be deleted.',
  },
  {
    name: 'CHATS_PREVIEW_MAX_SIDE',
    default: '4096',
    description: 'Chats previews: largest width or height, in pixels, a preview may be asked for (400 beyond).',
  },
  {
    name: 'THUMBNAIL_DEFAULT_SIZE',
    default: '512',
    description:
      'Longest side, in pixels, of the thumbnail made when content is processed and served when a request names no size (snapped to the allowed sizes).',
  },
  {
    name: 'THUMBNAIL_CACHE_SECONDS',
    default: '86400',
    description: 'max-age of the private Cache-Control header on thumbnail answers (revalidated with ETag afterwards).',
  },
  {
    name: 'PROCESSING_MAX_BYTES',
    default: String(256 * 1024 * 1024),
    description:
      'Largest content a processing job loads to extract metadata and thumbnails; larger content becomes ready with its size and sniffed type only.',
  },
  {
    name: 'IMPORT_TOPIC',
    default: 'resource-imports',
    description: 'Pub/Sub topic of remote import jobs (remote images downloaded and stored, link previews).',
  },
  { name: 'AI_IMAGE_TOPIC', default: 'ai-image-generation', description: 'Pub/Sub topic of AI image generation jobs.' },
  {
    name: 'REMOTE_IMAGE_MAX_BYTES',
    default: String(32 * 1024 * 1024),
    description: 'Largest remote image (or page preview image) an import downloads, in bytes.',
  },
  {
    name: 'OPENAI_BASE_URL',
    default: 'https://api.openai.com/v1',
    description: 'Base URL of the OpenAI-compatible API used for AI images.',
  },
  {
    name: 'OPENAI_API_KEY',
    default: undefined,
    description: 'API key for OPENAI_BASE_URL (a secret); AI image generation answers 503 while it is unset.',
  },
  { name: 'OPENAI_IMAGE_SIZE', default: '1024x1024', description: 'Size requested from the image generation API.' },
  { name: 'OPENAI_TIMEOUT_MS', default: '180000', description: 'Time limit of one image generation call, in milliseconds.' },
  {
    name: 'UPLOADS_TOPIC',
    default: 'resource-uploads',
    description:
      "Pub/Sub topic receiving the content bucket's OBJECT_FINALIZE notifications for `originals/` (direct uploads completing); triggers the upload-finalized function.",
  },
  {
    name: 'YOUTUBE_PROXY_HOSTS',
    default: 'googlevideo.com',
    description:
      'Comma-separated hosts (each with its subdomains) whose URLs GET /api/v0/resource/proxy/youtube fetches; any other host is refused (400), redirects included.',
  },
  {
    name: 'OUTBOUND_ALLOWED_HOSTS',
    default: undefined,
    description:
      'Comma-separated `host` or `host:port` entries outbound HTTP may reach even when they resolve to loopback/private/link-local addresses (local stack and tests only; leave unset in production).',
  },
  {
    name: 'OUTBOUND_TIMEOUT_MS',
    default: '15000',
    description:
      'Total time limit of an outbound HTTP call (all redirects and the body); for streamed bodies, the limit until headers and then the longest silence allowed.',
  },
  { name: 'OUTBOUND_CONNECT_TIMEOUT_MS', default: '5000', description: 'Time limit for establishing one outbound TCP connection.' },
  {
    name: 'OUTBOUND_MAX_BYTES',
    default: String(32 * 1024 * 1024),
    description: 'Default cap on an outbound response body, in bytes, after decompression (callers importing media pass their own).',
  },
  {
    name: 'OUTBOUND_MAX_REDIRECTS',
    default: '5',
    description: 'Redirects an outbound call follows before failing; every hop is re-checked.',
  },
  {
    name: 'EVENT_HISTORY_SECONDS',
    default: '300',
    description:
      'How long published client events stay recoverable after a WebSocket reconnect, in seconds (Firestore TTL on eventChannels/*/batches).',
  },
  {
    name: 'EVENT_HISTORY_LIMIT',
    default: '1000',
    description: 'Most events a reconnecting socket can recover per channel; beyond, the relay says recovery is impossible.',
  },
  {
    name: 'FUNCTION_URL_TEMPLATE',
    default: undefined,
    description:
      'Base URL of the function owning a WebSocket endpoint, `{name}` replaced by the function name (or one base for all, e.g. the load balancer); the relay posts calls to `<base>/ops/{endpoint}`.',
  },
  {
    name: 'RELAY_FUNCTION_URLS',
    default: undefined,
    description: 'JSON map function name -> base URL for the relay forwards; takes precedence over FUNCTION_URL_TEMPLATE.',
  },
  {
    name: 'RELAY_INVOKER_AUTH',
    default: 'none',
    description:
      '`metadata`: the relay sends an ID token for the function URL from the metadata server in `X-Serverless-Authorization` (the user JWT stays in `Authorization`); `none`: no service identity.',
  },
  {
    name: 'GCE_METADATA_HOST',
    default: 'metadata.google.internal',
    description: 'host[:port] of the GCE metadata server the relay asks for ID tokens when RELAY_INVOKER_AUTH=metadata.',
  },
  {
    name: 'RELAY_AUTH_TIMEOUT_MS',
    default: '10000',
    description: 'Time a socket without an Authorization header has to send its `auth` frame before it is closed with 4401.',
  },
  {
    name: 'RELAY_HEARTBEAT_MS',
    default: '30000',
    description: "Interval of the relay's pings; a socket that has not answered the previous ping is dropped.",
  },
  {
    name: 'RELAY_MAX_BUFFERED_BYTES',
    default: String(4 * 1024 * 1024),
    description: 'Bytes a socket may have waiting to be sent; a slower consumer is closed with 4413.',
  },
  {
    name: 'RELAY_MAX_FRAME_BYTES',
    default: String(1024 * 1024),
    description: 'Largest frame a client may send (larger: closed with 1009).',
  },
  {
    name: 'RELAY_CALL_TIMEOUT_MS',
    default: '30000',
    description: 'Time the relay waits for a function to answer a forwarded call before replying 503.',
  },
  { name: 'RELAY_MAX_IN_FLIGHT', default: '32', description: 'Calls one socket may have in flight at once; more are answered 429.' },
  {
    name: 'RELAY_MESSAGE_RATE',
    default: '20',
    description:
      'Sustained frames per second one user may send over all their sockets on an instance; beyond the burst, calls are answered 429.',
  },
  { name: 'RELAY_MESSAGE_BURST', default: '60', description: 'Frames a user may send in a burst above RELAY_MESSAGE_RATE.' },
  {
    name: 'RELAY_MAX_SOCKETS_PER_USER',
    default: '20',
    description: 'Sockets one user may hold open on a relay instance; more are closed with 4429.',
  },
  {
    name: 'RELAY_CONNECTIONS_PER_MINUTE',
    default: '60',
    description: 'New authenticated sockets one user may open per minute on a relay instance; more are closed with 4429.',
  },
  {
    name: 'RELAY_DRAIN_TIMEOUT_MS',
    default: '8000',
    description: 'On SIGTERM, how long in-flight calls may take to finish before sockets are closed with 1012.',
  },
  {
    name: 'RELAY_MAX_UNAUTHENTICATED',
    default: '2000',
    description: 'Sockets a relay instance holds open before they have authenticated; more upgrades are refused with 429.',
  },
  {
    name: 'RELAY_MAX_UNAUTHENTICATED_PER_ADDRESS',
    default: '50',
    description:
      'Sockets one client address may hold open on a relay instance before they have authenticated; more upgrades are refused with 429.',
  },
  {
    name: 'RELAY_TRUSTED_PROXIES',
    default: '0',
    description:
      'Proxies in front of the relay that append to X-Forwarded-For (2 behind the load balancer and Cloud Run); the client address is the entry that many places from the right, 0: the TCP peer.',
  },
  {
    name: 'RELAY_REORDER_WAIT_MS',
    default: '500',
    description:
      'How long the relay holds an event that arrived ahead of a missing position before filling the gap from the event history.',
  },
  { name: 'OMDB_BASE_URL', default: 'https://www.omdbapi.com', description: 'OMDb API base URL (IMDb search and title data).' },
  { name: 'OMDB_API_KEY', default: undefined, description: 'OMDb API key (secret); IMDb operations answer 503 while it is unset.' },
  { name: 'PINTEREST_BASE_URL', default: 'https://api.pinterest.com', description: 'Pinterest API base URL (v5 paths are appended).' },
  {
    name: 'PINTEREST_TOKEN',
    default: undefined,
    description: 'Pinterest API v5 access token of the app (secret); Pinterest operations answer 503 while it is unset.',
  },
  { name: 'PINTEREST_COUNTRY_CODE', default: 'US', description: 'Two-letter country code Pinterest pin searches are made for.' },
  { name: 'PIXABAY_BASE_URL', default: 'https://pixabay.com/api/', description: 'Pixabay image search API URL.' },
  { name: 'PIXABAY_API_KEY', default: undefined, description: 'Pixabay API key (secret); pixabay:search answers 503 while it is unset.' },
  { name: 'GOOGLE_DRIVE_BASE_URL', default: 'https://www.googleapis.com/drive/v3', description: 'Google Drive API v3 base URL.' },
  {
    name: 'GOOGLE_OAUTH_TOKEN_URL',
    default: 'https://oauth2.googleapis.com/token',
    description: 'Google OAuth token endpoint, used to refresh stored Google Drive access tokens.',
  },
  {
    name: 'GOOGLE_DRIVE_CLIENT_ID',
    default: undefined,
    description:
      'OAuth client id the users granted Drive access to; with GOOGLE_DRIVE_CLIENT_SECRET it lets stored refresh tokens renew expired access tokens.',
  },
  {
    name: 'GOOGLE_DRIVE_CLIENT_SECRET',
    default: undefined,
    description: 'OAuth client secret of GOOGLE_DRIVE_CLIENT_ID (secret); unset: expired Drive access tokens are not renewed.',
  },
  {
    name: 'CREDENTIALS_ENCRYPTION_KEY',
    default: undefined,
    description:
      'AES-256 key (32 bytes, base64; a secret) sealing the OAuth tokens users hand over (Google Drive); unset: storing or using them answers 503. The local stack and the tests make one.',
  },
  { name: 'GOOGLE_DRIVE_SYNC_TOPIC', default: 'drive-sync', description: 'Pub/Sub topic of Google Drive directory sync jobs.' },
  {
    name: 'GOOGLE_DRIVE_SYNC_MAX_ITEMS',
    default: '5000',
    description: 'Most Drive files and folders one directory sync reads; a larger tree fails the sync with 413.',
  },
  {
    name: 'YOUTUBE_THUMBNAIL_BASE_URL',
    default: 'https://i.ytimg.com',
    description: 'Base URL of YouTube video thumbnails (`/vi/{id}/hqdefault.jpg` is appended).',
  },
  {
    name: 'AMAZON_IMAGE_BASE_URL',
    default: 'https://images.amazon.com/images/P/',
    description: 'Base URL of Amazon product images by ASIN (`{asin}.01.LZZZZZZZ.jpg` is appended).',
  },
  {
    name: 'PARTNER_IMAGE_MAX_BYTES',
    default: String(10 * 1024 * 1024),
    description: 'Largest partner or link image fetched to make a partner thumbnail, in bytes.',
  },
  {
    name: 'PARTNER_THUMBNAIL_CACHE_SECONDS',
    default: '604800',
    description: 'max-age of partner thumbnail answers (they are also kept in Cloud Storage under partner-thumbnails/).',
  },
] as const satisfies readonly ConfigVariable[];

export type ConfigName = (typeof configVariables)[number]['name'];

const defaults = new Map<string, string | undefined>(configVariables.map((v) => [v.name, v.default]));

/** Reads a configuration variable at call time, so tests and the local stack can set the environment first. */
export function env(name: ConfigName): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? defaults.get(name) : value;
}

export function requireEnv(name: ConfigName): string {
  const value = env(name);
  if (value === undefined) throw new Error(`configuration variable ${name} is not set`);
  return value;
}

export function envInt(name: ConfigName): number {
  const raw = requireEnv(name);
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`configuration variable ${name} is not a number: ${raw}`);
  return value;
}

export const projectId = () => requireEnv('GOOGLE_CLOUD_PROJECT');
