/**
 * Resources a sync made for Drive files that are no longer in their folder (deleted, trashed or
 * moved away in Drive) go to their owner's trashcan, as `resource:delete` would put them: a user
 * can restore them, and a vanished folder takes what is inside it along.
 */
import { guardResourceAccess } from '../../../shared/access/revocations.js';
import { parseBelonging } from '../../../shared/resources/belonging.js';
import { emitMoves } from '../../../shared/resources/change-events.js';
import { resources } from '../../../shared/resources/collection.js';
import type { ResourceDoc } from '../../../shared/resources/model.js';
import { moveWithPlan, trashMove } from '../../../shared/resources/relocate.js';
import { resolveChain } from '../../../shared/resources/tree.js';
import type { EventPublisher } from '../../../shared/registry/types.js';
import { recordQuery } from '../../../shared/gcp/query-shapes.js';

export interface SyncedFolder {
  resourceId: string;
  /** ids of the Drive files the folder holds now */
  driveFileIds: Set<string>;
}

/**
 * Moves the vanished mirrors of one folder to the trashcan. `isMirror` tells a resource the sync
 * made for a Drive file of this folder from one a user put there, which stays.
 */
export async function trashVanished(
  userId: string,
  folder: SyncedFolder,
  isMirror: (doc: ResourceDoc, folderResourceId: string) => boolean,
  events: EventPublisher,
): Promise<number> {
  const belonging = `directory:${folder.resourceId}`;
  const trashcan = parseBelonging(`trashcan:${userId}`);
  // the trashed mirrors leave the sight of everyone who saw them in the folder
  return guardResourceAccess({ events }, [], async (guarded) => {
    const plan = async () => {
      const children = await recordQuery(resources().where('belonging', '==', belonging)).get();
      const vanished = children.docs
        .map((snap) => snap.data() as ResourceDoc)
        .filter((doc) => doc.ownerId === userId && isMirror(doc, folder.resourceId))
        .filter((doc) => !folder.driveFileIds.has(String((doc.data?.googleDrive as { fileId?: unknown } | undefined)?.fileId)));
      const parsed = parseBelonging(belonging);
      const chain = (await resolveChain(parsed)) ?? { belonging: parsed, root: parsed };
      const now = Date.now();
      const moves = vanished.map((before) => trashMove(before, chain.root, userId, now));
      return { moves, result: chain };
    };
    const { moved } = await moveWithPlan(guarded.events, plan, (committed, moved, from) =>
      emitMoves(
        committed,
        moved.map(({ after }) => ({ from, to: { belonging: trashcan, root: trashcan }, after })),
      ),
    );
    return moved.length;
  });
}
