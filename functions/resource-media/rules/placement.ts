import type { Placement } from '../../../shared/resources/placement.js';

/** The caller's AI generations, unless the request places the resource elsewhere. */
export function aiImagePlacement(userId: string, input: Placement): Placement {
  const placed = input.belonging ?? input.parent ?? input.roomId ?? input.contributeToRoom ?? input.addToSortingTable;
  return placed === undefined ? { ...input, belonging: `userAIGeneration:${userId}` } : input;
}
