import { describe, expect, it } from 'vitest';
import { ressourceRights, type Privacy, type Viewer } from './privacy.js';

const user = (id: string, groups: string[] = [], adminOf: string[] = []): Viewer => ({
  id,
  kind: 'user',
  groups: new Set(groups),
  adminOf: new Set(adminOf),
});
const workspaceViewer = (id: string): Viewer => ({ id, kind: 'workspace', groups: new Set(), adminOf: new Set() });
const doc = (ownerId: string, privacy?: Partial<Privacy>) => ({
  ownerId,
  privacy: privacy && { value: 'SELF' as const, perms: 'READ' as const, allow: [], deny: [], ...privacy },
});

describe('seed 004 ressource rights', () => {
  it('the owner reads and manages, whatever the privacy says', () => {
    expect(ressourceRights(user('o'), doc('o', { deny: ['o'] }), undefined)).toEqual({ read: true, manage: true });
  });
  it('workspace admins read and manage what is attached to their workspace only', () => {
    expect(ressourceRights(user('a', [], ['w']), doc('o'), 'w')).toEqual({ read: true, manage: true });
    expect(ressourceRights(user('a', [], ['w']), doc('o'), 'other')).toEqual({ read: false, manage: false });
  });
  it('shares grant their perms: READ and SPEAK read, WRITE manages', () => {
    expect(ressourceRights(user('u'), doc('o', { value: 'CUSTOM', perms: 'SPEAK', allow: ['u'] }), undefined)).toEqual({
      read: true,
      manage: false,
    });
    expect(ressourceRights(user('u', ['g']), doc('o', { value: 'CUSTOM', perms: 'WRITE', allow: ['g'] }), undefined)).toEqual({
      read: true,
      manage: true,
    });
    expect(ressourceRights(user('u', ['w']), doc('o', { value: 'WORKSPACE', perms: 'READ' }), 'w')).toEqual({ read: true, manage: false });
  });
  it('deny wins over shares and over admin rights', () => {
    expect(ressourceRights(user('u', ['g']), doc('o', { value: 'CUSTOM', perms: 'WRITE', allow: ['u'], deny: ['g'] }), undefined)).toEqual({
      read: false,
      manage: false,
    });
    expect(ressourceRights(user('a', [], ['w']), doc('o', { deny: ['a'] }), 'w')).toEqual({ read: false, manage: false });
  });
  it('a workspace reads what is attached to it, unless denied, and manages nothing', () => {
    expect(ressourceRights(workspaceViewer('w'), doc('o'), 'w')).toEqual({ read: true, manage: false });
    expect(ressourceRights(workspaceViewer('w'), doc('w'), 'w')).toEqual({ read: true, manage: false });
    expect(ressourceRights(workspaceViewer('w'), doc('o', { deny: ['w'] }), 'w')).toEqual({ read: false, manage: false });
    expect(ressourceRights(workspaceViewer('w'), doc('o', { value: 'CUSTOM', allow: ['w'] }), undefined)).toEqual({
      read: false,
      manage: false,
    });
  });
});
