import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getAttachmentForMember } from '../../shared/access/attachments.js';
import type { Privacy } from '../../shared/access/privacy.js';
import { asMember, asOwner, mayPlace } from '../../shared/access/props.js';
import { mayReadResource, mayRestoreResource, mayWriteResource } from '../../shared/access/resources.js';
import { MANAGE_SCOPE, READ_SCOPE, ressourceAccess } from '../../shared/access/ressources.js';
import { getRoomForMember, getRoomForOwner, roomRights } from '../../shared/access/rooms.js';
import type { Principal } from '../../shared/auth/principal.js';
import { ApiError } from '../../shared/errors/api-error.js';
import { firestore } from '../../shared/gcp/clients.js';
import { resourceRef } from '../../shared/resources/collection.js';
import type { ResourceDoc } from '../../shared/resources/model.js';
import { DEFAULT_NETWORK } from '../../shared/resources/networks.js';
import { attachmentRef, type AttachmentRecord } from '../../shared/rooms/attachments.js';
import type { RoomMember, RoomRecord, RoomType } from '../../shared/rooms/model.js';
import { roomRef } from '../../shared/rooms/repository.js';

/**
 * The rights matrix of DESIGN.md section 5 and seed 004, cell by cell: every shared access rule
 * (shared/access/*) called on records seeded in the Firestore emulator. A cell is what the caller
 * observes: `allowed`, `denied` (a yes/no rule saying no), `not found` (404) or `forbidden` (403).
 */
type Outcome = 'allowed' | 'denied' | 'not found' | 'forbidden';

const BOTH = [READ_SCOPE, MANAGE_SCOPE];

const people = ['owner', 'admin', 'member', 'outsider', 'reader', 'writer', 'denied'] as const;
type Person = (typeof people)[number];
const id: Record<Person | 'workspace' | 'channel' | 'group' | 'gone', string> = Object.fromEntries(
  [...people, 'workspace', 'channel', 'group', 'gone'].map((name) => [name, randomUUID()]),
) as never;

const user = (who: Person, scopes: string[] = BOTH): Principal => ({
  userId: id[who],
  subject: id[who],
  networkId: DEFAULT_NETWORK,
  scopes,
  admin: false,
  token: '',
});
/** A token pointing to the workspace (seed 004 `tokenType: "workspace"`). */
const workspaceToken = (scopes: string[] = BOTH): Principal => ({
  ...user('owner', scopes),
  userId: id.workspace,
  subject: id.workspace,
  workspaceId: id.workspace,
});

const resourceIds = {
  /** in the workspace's room sorting table, SELF */
  inWorkspace: randomUUID(),
  /** in the workspace, WORKSPACE READ: its members read it */
  workspaceShared: randomUUID(),
  /** in the workspace, SELF, denying one of its admins */
  denyingAdmin: randomUUID(),
  /** in the owner's sorting table, CUSTOM READ to `reader` */
  readShare: randomUUID(),
  /** in the owner's sorting table, CUSTOM WRITE to the group (whose member `writer` is) */
  groupWriteShare: randomUUID(),
  /** in the owner's trashcan, deleted from the workspace's room sorting table */
  trashed: randomUUID(),
};
const attachmentId = randomUUID();

const docs: Record<keyof typeof resourceIds, ResourceDoc & { privacy?: Privacy }> = {} as never;

function room(key: 'workspace' | 'channel' | 'group', type: RoomType, members: [Person, boolean][], parentId?: string): RoomRecord {
  const now = new Date().toISOString();
  const list: RoomMember[] = members.map(([who, owner]) => ({ userId: id[who], owner, joinedAt: now }));
  return {
    id: id[key],
    networkId: DEFAULT_NETWORK,
    type,
    name: key,
    description: '',
    ...(parentId && { parentId }),
    members: list,
    memberIds: list.map((m) => m.userId),
    meetingId: randomUUID(),
    createdAt: now,
    updatedAt: now,
  };
}

function resource(key: keyof typeof resourceIds, belonging: string, privacy?: Partial<Privacy>, extra: Partial<ResourceDoc> = {}) {
  const now = Date.now();
  docs[key] = {
    id: resourceIds[key],
    created: now,
    updated: now,
    title: key,
    belonging,
    belongingType: belonging.slice(0, belonging.indexOf(':')),
    status: 'ready',
    totalReactions: 0,
    ownerId: id.owner,
    networkId: DEFAULT_NETWORK,
    ...(privacy && { privacy: { value: 'SELF', perms: 'READ', allow: [], deny: [], ...privacy } }),
    ...extra,
  };
}

/** What a caller observes of a check: its answer, or the status of the error it throws. */
async function outcome(check: () => Promise<unknown> | unknown): Promise<Outcome> {
  try {
    const answer = await check();
    return answer === false ? 'denied' : 'allowed';
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return 'not found';
    if (err instanceof ApiError && err.status === 403) return 'forbidden';
    throw err;
  }
}

type Cell = [name: string, check: () => Promise<unknown> | unknown, expected: Outcome];

const cells: Cell[] = [
  // rooms: members enter, owners manage; a channel's members are its workspace's
  ['rooms: the workspace admin is an owner', async () => (await roomRights(user('admin'), id.workspace)).owner, 'allowed'],
  ['rooms: a workspace member is a member', async () => (await roomRights(user('member'), id.workspace)).member, 'allowed'],
  ['rooms: a workspace member is no owner', async () => (await roomRights(user('member'), id.workspace)).owner, 'denied'],
  ['rooms: an outsider is no member', async () => (await roomRights(user('outsider'), id.workspace)).member, 'denied'],
  ['rooms: a workspace member enters its channel', () => getRoomForMember(id.channel, id.member), 'allowed'],
  ['rooms: an outsider is refused the channel (seed 003: 403)', () => getRoomForMember(id.channel, id.outsider), 'forbidden'],
  [
    'rooms: hidden from an outsider when asked (404)',
    () => getRoomForMember(id.channel, id.outsider, { hideFromNonMembers: true }),
    'not found',
  ],
  ['rooms: an unknown room', () => getRoomForMember(id.gone, id.owner), 'not found'],
  ['rooms: a member who is no owner may not manage', () => getRoomForOwner(id.workspace, id.member), 'forbidden'],
  ['rooms: the admin manages the channel', () => getRoomForOwner(id.channel, id.admin), 'allowed'],

  // resources (seed 000): the owner, then the root belonging's rights, then seed 004 shares
  ['resources: the owner reads and writes their own', () => mayWriteResource(user('owner'), docs.readShare), 'allowed'],
  ['resources: an outsider does not read a user sorting table', () => mayReadResource(user('outsider'), docs.readShare), 'denied'],
  ['resources: a READ share reads', () => mayReadResource(user('reader'), docs.readShare), 'allowed'],
  ['resources: a READ share does not write', () => mayWriteResource(user('reader'), docs.readShare), 'denied'],
  ['resources: a group WRITE share writes', () => mayWriteResource(user('writer'), docs.groupWriteShare), 'allowed'],
  ['resources: a room member reads the room sorting table', () => mayReadResource(user('member'), docs.inWorkspace), 'allowed'],
  ['resources: a room member does not change what others placed', () => mayWriteResource(user('member'), docs.inWorkspace), 'denied'],
  ['resources: a room owner manages what members placed', () => mayWriteResource(user('admin'), docs.inWorkspace), 'allowed'],
  ['resources: an outsider does not read the room sorting table', () => mayReadResource(user('outsider'), docs.inWorkspace), 'denied'],
  [
    'resources: a room owner restores from the trashcan what left the room',
    () => mayRestoreResource(user('admin'), docs.trashed),
    'allowed',
  ],
  ['resources: a room member does not restore it', () => mayRestoreResource(user('member'), docs.trashed), 'denied'],

  // ressources (seed 004): scopes, owner, workspace admin, privacy and shares, deny wins, workspace tokens
  ['ressources: the owner manages', () => ressourceAccess(user('owner'), resourceIds.readShare, 'manage'), 'allowed'],
  [
    'ressources: without workspace_ressources nobody reads',
    () => ressourceAccess(user('owner', [MANAGE_SCOPE]), resourceIds.readShare, 'read'),
    'forbidden',
  ],
  [
    'ressources: without manage_ressources nobody manages',
    () => ressourceAccess(user('owner', [READ_SCOPE]), resourceIds.readShare, 'manage'),
    'forbidden',
  ],
  [
    'ressources: an outsider does not see a SELF ressource',
    () => ressourceAccess(user('outsider'), resourceIds.inWorkspace, 'read'),
    'not found',
  ],
  [
    'ressources: a workspace member does not see a SELF ressource of the workspace',
    () => ressourceAccess(user('member'), resourceIds.inWorkspace, 'read'),
    'not found',
  ],
  [
    'ressources: the workspace admin manages a SELF ressource of the workspace',
    () => ressourceAccess(user('admin'), resourceIds.inWorkspace, 'manage'),
    'allowed',
  ],
  ['ressources: WORKSPACE privacy: a member reads', () => ressourceAccess(user('member'), resourceIds.workspaceShared, 'read'), 'allowed'],
  [
    'ressources: WORKSPACE READ: a member does not manage',
    () => ressourceAccess(user('member'), resourceIds.workspaceShared, 'manage'),
    'forbidden',
  ],
  [
    'ressources: WORKSPACE privacy: an outsider does not see it',
    () => ressourceAccess(user('outsider'), resourceIds.workspaceShared, 'read'),
    'not found',
  ],
  ['ressources: CUSTOM READ: the person reads', () => ressourceAccess(user('reader'), resourceIds.readShare, 'read'), 'allowed'],
  [
    'ressources: CUSTOM READ: the person does not manage',
    () => ressourceAccess(user('reader'), resourceIds.readShare, 'manage'),
    'forbidden',
  ],
  [
    'ressources: CUSTOM WRITE to a group: its member manages',
    () => ressourceAccess(user('writer'), resourceIds.groupWriteShare, 'manage'),
    'allowed',
  ],
  ['ressources: deny wins over admin rights', () => ressourceAccess(user('denied'), resourceIds.denyingAdmin, 'read'), 'not found'],
  ['ressources: the other admin still manages it', () => ressourceAccess(user('admin'), resourceIds.denyingAdmin, 'manage'), 'allowed'],
  ['ressources: a ressource in the trashcan', () => ressourceAccess(user('owner'), resourceIds.trashed, 'read'), 'not found'],
  [
    'ressources: a workspace token reads what is attached to it',
    () => ressourceAccess(workspaceToken(), resourceIds.inWorkspace, 'read'),
    'allowed',
  ],
  [
    'ressources: a workspace token manages nothing',
    () => ressourceAccess(workspaceToken(), resourceIds.inWorkspace, 'manage'),
    'forbidden',
  ],
  [
    "ressources: a workspace token does not see a user's ressource",
    () => ressourceAccess(workspaceToken(), resourceIds.readShare, 'read'),
    'not found',
  ],

  // attachments (seed 003): members of the attachment's room
  ['attachments: a member of the room reads', () => getAttachmentForMember(attachmentId, id.owner), 'allowed'],
  ['attachments: an outsider is refused (seed 003: 403)', () => getAttachmentForMember(attachmentId, id.outsider), 'forbidden'],
  ['attachments: an unknown attachment', () => getAttachmentForMember(randomUUID(), id.owner), 'not found'],

  // props (seed 001): members read, owners manage, others do not see the room
  ['props: a member reads', () => asMember(user('writer'), id.group), 'allowed'],
  ['props: an outsider does not see the room', () => asMember(user('outsider'), id.group), 'not found'],
  ['props: a member who is no owner may not manage', () => asOwner(user('writer'), id.group), 'forbidden'],
  ['props: the owner manages', () => asOwner(user('owner'), id.group), 'allowed'],
  ['props: an owner places their own resource', () => mayPlace(user('owner'), id.group, docs.readShare), 'allowed'],
  ["props: another user's resource from elsewhere is not placed", () => mayPlace(user('admin'), id.group, docs.readShare), 'denied'],
];

describe('the rights matrix (shared/access), on records in the Firestore emulator', () => {
  beforeAll(async () => {
    const rooms = [
      room('workspace', 'workspace', [
        ['admin', true],
        ['denied', true],
        ['member', false],
        ['owner', false],
      ]),
      room('channel', 'channel', [], id.workspace),
      room('group', 'group', [
        ['owner', true],
        ['writer', false],
        ['reader', false],
      ]),
    ];
    resource('inWorkspace', `roomSortingTable:${id.workspace}`, {});
    resource('workspaceShared', `roomSortingTable:${id.workspace}`, { value: 'WORKSPACE', perms: 'READ' });
    resource('denyingAdmin', `roomSortingTable:${id.workspace}`, { deny: [id.denied] });
    resource('readShare', `userSortingTable:${id.owner}`, { value: 'CUSTOM', perms: 'READ', allow: [id.reader] });
    resource('groupWriteShare', `userSortingTable:${id.owner}`, { value: 'CUSTOM', perms: 'WRITE', allow: [id.group] });
    resource('trashed', `trashcan:${id.owner}`, undefined, { previousBelonging: `roomSortingTable:${id.workspace}` });
    const attachment: AttachmentRecord = {
      id: attachmentId,
      roomId: id.group,
      networkId: DEFAULT_NETWORK,
      userId: id.writer,
      name: 'a.txt',
      size: 1,
      mimeType: 'text/plain',
      createdAt: new Date().toISOString(),
    };
    const batch = firestore().batch();
    for (const r of rooms) batch.set(roomRef(r.id), r);
    for (const doc of Object.values(docs)) batch.set(resourceRef(doc.id), doc);
    batch.set(attachmentRef(attachmentId), attachment);
    await batch.commit();
  });

  it.each(cells)('%s', async (_name, check, expected) => {
    expect(await outcome(check)).toBe(expected);
  });

  it('covers every subject of the access module', () => {
    const subjects = new Set(cells.map(([name]) => name.slice(0, name.indexOf(':'))));
    expect([...subjects].sort()).toEqual(['attachments', 'props', 'resources', 'ressources', 'rooms']);
  });
});
