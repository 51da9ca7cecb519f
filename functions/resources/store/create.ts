import type { InputOf } from '../../../shared/registry/schema-types.js';
import type { OperationContext } from '../../../shared/registry/types.js';
import { badRequest, conflict } from '../../../shared/errors/api-error.js';
import { insertResources, type ResourceDraft } from '../../../shared/resources/insert.js';
import { isDirectory, toClientResource, type ClientResource, type ResourceDoc } from '../../../shared/resources/model.js';
import { resolvePlacement } from '../../../shared/resources/placement.js';
import { locateVisibleResource } from '../../../shared/resources/repository.js';
import { assertDeclaredSize } from '../../../shared/content/limits.js';
import { createUploadTarget, type UploadTarget } from '../../../shared/content/upload-target.js';
import { clientDraft } from '../rules/client-draft.js';
import type { createDirectoryRequest, createLinkRequest, createRequest } from '../schemas/resource.js';

/**
 * A plain create makes a resource that will hold a file (unless it points at a remote link): it
 * answers, beside the Resource, a resumable upload target the client PUTs the bytes to. A declared
 * `metadata.fileSize` over the cap is refused before anything is written.
 */
export async function createResource(
  ctx: OperationContext,
  input: InputOf<typeof createRequest>,
): Promise<{ resource: ClientResource; upload?: UploadTarget }> {
  const draft = clientDraft(input.resource);
  const metadata = draft.metadata as { fileSize?: number; link?: string } | undefined;
  assertDeclaredSize(metadata?.fileSize);
  const placement = await resolvePlacement(ctx.principal, input);
  const [doc] = await insertResources(ctx.events, ctx.principal, placement, [draft]);
  const upload = metadata?.link ? undefined : await createUploadTarget(doc);
  return { resource: toClientResource(doc), upload };
}

export async function createDirectory(ctx: OperationContext, input: InputOf<typeof createDirectoryRequest>): Promise<ClientResource> {
  const placement = await resolvePlacement(ctx.principal, { belonging: input.belonging, networkId: input.networkId });
  const draft: ResourceDraft = {
    title: input.title,
    status: 'ready',
    data: { directory: { innerContentCount: 0 } },
    directoryKinds: {},
  };
  const [doc] = await insertResources(ctx.events, ctx.principal, placement, [draft]);
  return toClientResource(doc);
}

/** What a link copies from the resource it points to: its description and its stored bytes, never its place, owner or reactions. */
const LINKED_FIELDS = [
  'title',
  'description',
  'location',
  'date',
  'category',
  'encryptionVersion',
  'encryptionEpoch',
  'encryptionEpk',
  'status',
  'metadata',
  'thumbnail',
  'fromTemplate',
  'data',
  'customParams',
  'actions',
  'storagePath',
] as const satisfies ReadonlyArray<keyof ResourceDoc>;

/**
 * A new resource sharing the bytes of one the caller may read (same `storagePath`, nothing
 * copied in Storage). `linkId` names the resource holding the bytes (a link to a link points to
 * the original); `linkType` is `local` when the original has the caller as owner in the same
 * network, `global` otherwise. An original whose bytes have not arrived yet (pending, processing)
 * can be linked: the link follows its status, metadata and bytes as they come (shared/resources/links.ts).
 */
export async function createLinkResource(ctx: OperationContext, input: InputOf<typeof createLinkRequest>): Promise<ClientResource> {
  const { doc: original } = await locateVisibleResource(ctx.principal, input.resource);
  if (isDirectory(original)) throw badRequest(`resource ${original.id} is a directory: directories cannot be linked`);
  if (original.status === 'failed') throw conflict(`resource ${original.id} is failed: it holds no content to link`);
  const placement = await resolvePlacement(ctx.principal, input);
  const draft: Record<string, unknown> = {};
  for (const key of LINKED_FIELDS) if (original[key] !== undefined) draft[key] = original[key];
  const local = original.ownerId === ctx.principal.userId && original.networkId === placement.networkId;
  const [doc] = await insertResources(ctx.events, ctx.principal, placement, [
    { ...(draft as ResourceDraft), linkId: original.linkId ?? original.id, linkType: local ? 'local' : 'global' },
  ]);
  return toClientResource(doc);
}
