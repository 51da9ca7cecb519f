import { env } from '../config.js';
import type { UserProfile } from './profile.js';

/** Seed 002's `User Simple` view of a profile; `avatar3D` is left out when empty, as the seed says. */
export function toUserSimple(profile: UserProfile): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: profile.id,
    firstName: profile.firstName,
    lastName: profile.lastName,
    privacyMode: profile.privacyMode === 1 ? 1 : 0,
    avatar: profile.pictureUpdatedAt ? `${env('PUBLIC_BASE_URL')}/api/v0/resource/thumbnail/user/${profile.id}` : '',
    companyName: profile.companyName,
    companyTitle: profile.companyTitle,
  };
  const avatar3D = (profile as UserProfile & { avatar3D?: Record<string, unknown> }).avatar3D;
  if (avatar3D && Object.keys(avatar3D).length > 0) view.avatar3D = avatar3D;
  return view;
}
