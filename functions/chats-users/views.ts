import type { UserProfile } from '../../shared/users/profile.js';

/** A user as Chats shows it (seed 003 `User`). */
export interface ChatsUser {
  id: string;
  /** absent when the user's token never carried one */
  email?: string;
  name: string;
  type: 'internal' | 'guest';
  pictureUpdatedAt?: string;
  statusMessage?: string;
}

export function chatsUser(profile: UserProfile): ChatsUser {
  const name = profile.name || [profile.firstName, profile.lastName].filter(Boolean).join(' ');
  const user: ChatsUser = { id: profile.id, ...(profile.email ? { email: profile.email } : {}), name, type: profile.type };
  if (profile.pictureUpdatedAt) user.pictureUpdatedAt = profile.pictureUpdatedAt;
  if (profile.statusMessage) user.statusMessage = profile.statusMessage;
  return user;
}
