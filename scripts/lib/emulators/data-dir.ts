import { mkdir, rename, rm } from 'node:fs/promises';

/** An empty sibling folder to write a new snapshot into before it replaces `dir`. */
export async function stagingDir(dir: string): Promise<string> {
  const staging = `${dir}.saving`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  return staging;
}

/** Swaps a finished snapshot in, so a crash mid-save never leaves a half-written `dir`. */
export async function replaceDir(staging: string, dir: string): Promise<void> {
  const old = `${dir}.old`;
  await rm(old, { recursive: true, force: true });
  await rename(dir, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(staging, dir);
  await rm(old, { recursive: true, force: true });
}
