import type { Transaction } from '@google-cloud/firestore';
import { log } from '../log.js';
import { parseBelonging, type Belonging } from './belonging.js';
import { readResource } from './collection.js';
import { isDirectory, type ResourceDoc } from './model.js';

/** Directories nest at most this deep; a deeper chain is treated as broken. */
export const MAX_DIRECTORY_DEPTH = 64;

/** A belonging with the directories above it, up to its root: the first belonging that is not a directory. */
export interface BelongingChain {
  belonging: Belonging;
  root: Belonging;
  /** from the belonging's own directory up to the top one; empty when the belonging is not a directory */
  directories: ResourceDoc[];
}

/**
 * Walks up directory belongings to the root (inside the transaction when one is given, so a
 * concurrent move that would change the chain makes the transaction retry). Undefined when a
 * directory on the way does not exist or is not a directory.
 */
export async function resolveChain(belonging: string | Belonging, tx?: Transaction): Promise<BelongingChain | undefined> {
  const start = typeof belonging === 'string' ? parseBelonging(belonging) : belonging;
  const directories: ResourceDoc[] = [];
  let current = start;
  while (current.type === 'directory') {
    if (directories.length >= MAX_DIRECTORY_DEPTH || directories.some((d) => d.id === current.path)) {
      log.error('directory chain is cyclic or too deep', { start: `${start.type}:${start.path}`, at: current.path });
      return undefined;
    }
    const dir = await readResource(current.path, tx);
    if (!dir || !isDirectory(dir)) return undefined;
    directories.push(dir);
    current = parseBelonging(dir.belonging);
  }
  return { belonging: start, root: current, directories };
}
