import type { ClientResource } from './support/client.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { firestore } from '../../shared/gcp/clients.js';
import type { ResourceDoc } from '../../shared/resources/model.js';
import { resources } from '../../shared/resources/repository.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import type { FakeRequest } from '../helpers/fake-upstream.js';
import { json, PREFIX, query } from './support/fake-partners.js';
import { startIntegrationsStack, type IntegrationsStack, type IntegrationsUser } from './support/stack.js';

const FOLDER = 'application/vnd.google-apps.folder';

interface FakeFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  size?: string;
  modifiedTime?: string;
}

/** A Drive: Projects/{Docs/{report.pdf, Archive/}, plan.png, Budget (a sheet)}, plus a file outside it. */
function initialDrive(): Map<string, FakeFile> {
  const files: FakeFile[] = [
    { id: 'fRoot', name: 'Projects', mimeType: FOLDER, parents: ['root'] },
    { id: 'fDocs', name: 'Docs', mimeType: FOLDER, parents: ['fRoot'] },
    { id: 'fPlan', name: 'plan.png', mimeType: 'image/png', parents: ['fRoot'], size: '1234', modifiedTime: '2024-05-01T10:00:00.000Z' },
    { id: 'fBudget', name: 'Budget', mimeType: 'application/vnd.google-apps.spreadsheet', parents: ['fRoot'] },
    { id: 'fReport', name: 'report.pdf', mimeType: 'application/pdf', parents: ['fDocs'], size: '99000' },
    { id: 'fArchive', name: 'Archive', mimeType: FOLDER, parents: ['fDocs'] },
    { id: 'fLoose', name: 'loose.txt', mimeType: 'text/plain', parents: ['root'], size: '12' },
  ];
  return new Map(files.map((f) => [f.id, f]));
}

let drive = initialDrive();
/** Access tokens the fake Drive accepts. */
const validTokens = new Set<string>();

const view = (f: FakeFile) => ({
  id: f.id,
  name: f.name,
  mimeType: f.mimeType,
  ...(f.size ? { size: f.size } : {}),
  ...(f.modifiedTime ? { modifiedTime: f.modifiedTime } : {}),
  webViewLink: `https://drive.google.com/file/d/${f.id}/view`,
});

function authorized(req: FakeRequest): boolean {
  return validTokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''));
}

const unauthorized = { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } };

let env: IntegrationsStack;
let alice: IntegrationsUser;
let events: EventTap;

beforeAll(async () => {
  env = await startIntegrationsStack();
  alice = await env.user();
  events = await tapEvents();
  env.partners.on(`GET ${PREFIX.drive}/files/*`, (req, res) => {
    if (!authorized(req)) return json(res, 401, unauthorized);
    const id = decodeURIComponent((req.url ?? '').split('/files/')[1].split('?')[0]);
    const file = drive.get(id);
    if (!file) return json(res, 404, { error: { code: 404, message: `File not found: ${id}.` } });
    json(res, 200, view(file));
  });
  // files.list, two files per page so the client has to follow nextPageToken
  env.partners.on(`GET ${PREFIX.drive}/files`, (req, res) => {
    if (!authorized(req)) return json(res, 401, unauthorized);
    const q = query(req);
    const parent = /^'([^']+)' in parents and trashed = false$/.exec(q.get('q') ?? '')?.[1];
    if (!parent) return json(res, 400, { error: { code: 400, message: 'Invalid query' } });
    if (!drive.has(parent)) return json(res, 404, { error: { code: 404, message: `File not found: ${parent}.` } });
    const children = [...drive.values()].filter((f) => f.parents.includes(parent));
    const start = Number(q.get('pageToken') ?? 0);
    const page = children.slice(start, start + 2);
    json(res, 200, { files: page.map(view), ...(start + 2 < children.length ? { nextPageToken: String(start + 2) } : {}) });
  });
  env.partners.on(`POST ${PREFIX.oauth}`, (req, res) => {
    const form = new URLSearchParams(req.body.toString());
    if (form.get('client_id') !== 'drive-client-id' || form.get('client_secret') !== 'drive-client-secret')
      return json(res, 401, { error: 'invalid_client' });
    if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== 'refresh-ok')
      return json(res, 400, { error: 'invalid_grant' });
    validTokens.add('renewed-token');
    json(res, 200, { access_token: 'renewed-token', expires_in: 3599, token_type: 'Bearer' });
  });
});
afterAll(async () => {
  await events?.close();
  await env?.stop();
});
beforeEach(() => {
  drive = initialDrive();
  validTokens.clear();
  validTokens.add('alice-token');
  delete process.env.GOOGLE_DRIVE_SYNC_MAX_ITEMS;
});

async function connect(user: IntegrationsUser, credentials: Record<string, unknown> = { accessToken: 'alice-token', expiresIn: 3600 }) {
  const answer = await user.api.call('googleDrive:setCredentials', credentials);
  expect(answer.status).toBe(200);
}

async function folderResource(user: IntegrationsUser, fileId = 'fRoot'): Promise<ClientResource> {
  const answer = await user.api.call<{ resource: ClientResource }>('resource:createGoogleDriveResource', { fileId });
  expect(answer.status).toBe(200);
  return answer.data.resource;
}

async function childrenOf(resourceId: string): Promise<ResourceDoc[]> {
  const snap = await resources().where('belonging', '==', `directory:${resourceId}`).get();
  return snap.docs.map((d) => d.data() as ResourceDoc).sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''));
}

/** Asks for a sync and waits for its result event (not one of an earlier sync). */
async function sync(user: IntegrationsUser, resourceId: string, timeoutMs = 20_000) {
  const earlier = new Set(events.received.map((e) => e.id));
  const answer = await user.api.call('resource:syncGoogleDriveDirectory', { resourceId });
  expect(answer.status).toBe(200);
  expect(answer.data).toEqual({});
  return events.next(
    (e) =>
      e.endpoint === 'resource:syncGoogleDriveDirectoryResult' &&
      (e.data as { resourceId: string }).resourceId === resourceId &&
      !earlier.has(e.id),
    timeoutMs,
  );
}

describe('resource:createGoogleDriveResource', () => {
  it('creates a resource with data.googleDrive from the file metadata', async () => {
    await connect(alice);
    const answer = await alice.api.call<{ resource: ClientResource }>('resource:createGoogleDriveResource', { fileId: 'fPlan' });
    expect(answer.status).toBe(200);
    expect(answer.data.resource).toMatchObject({
      title: 'plan.png',
      belonging: `userSortingTable:${alice.id}`,
      status: 'ready',
      metadata: {
        fileName: 'plan.png',
        fileSize: 1234,
        fileDate: Date.parse('2024-05-01T10:00:00.000Z'),
        contentType: 'image/png',
        link: 'https://drive.google.com/file/d/fPlan/view',
      },
      data: { googleDrive: { fileId: 'fPlan', name: 'plan.png', mimeType: 'image/png' } },
    });
    const read = await alice.api.call<{ resource: unknown }>('resource:get', { resource: answer.data.resource.id });
    expect(read.data.resource).toEqual(answer.data.resource);
    expect(env.partners.requests(`${PREFIX.drive}/files/fPlan`).at(-1)?.headers.authorization).toBe('Bearer alice-token');
  });

  it('marks a folder as a directory', async () => {
    await connect(alice);
    const folder = await folderResource(alice);
    expect(folder.data).toEqual({
      googleDrive: { fileId: 'fRoot', name: 'Projects', mimeType: FOLDER },
      directory: { innerContentType: 'empty', innerContentCount: 0 },
    });
  });

  it('answers 403 without a Drive authorization, 404 for a file Drive does not show', async () => {
    const bob = await env.user();
    const none = await bob.api.call('resource:createGoogleDriveResource', { fileId: 'fPlan' });
    expect(none.status).toBe(403);
    expect(none.error.message).toMatch(/googleDrive:setCredentials/);
    await connect(alice);
    const missing = await alice.api.call('resource:createGoogleDriveResource', { fileId: 'nope' });
    expect(missing.status).toBe(404);
    expect(missing.error.message).toBe('Google Drive file not found');
    const malformed = await alice.api.call('resource:createGoogleDriveResource', { fileId: "x' or '1'='1" });
    expect(malformed.status).toBe(400);
  });

  it('renews an expired access token with the stored refresh token, once', async () => {
    const carol = await env.user();
    await connect(carol, { accessToken: 'stale-token-of-carol', refreshToken: 'refresh-ok' });
    const before = env.partners.requests(PREFIX.oauth).length;
    expect((await carol.api.call('resource:createGoogleDriveResource', { fileId: 'fPlan' })).status).toBe(200);
    expect((await carol.api.call('resource:createGoogleDriveResource', { fileId: 'fBudget' })).status).toBe(200);
    expect(env.partners.requests(PREFIX.oauth).length - before).toBe(1);
    const drivesCalls = env.partners.requests(`${PREFIX.drive}/files/fBudget`);
    expect(drivesCalls.at(-1)?.headers.authorization).toBe('Bearer renewed-token');
  });

  it('answers 403 when the token is refused and the refresh token revoked, and forgets deleted credentials', async () => {
    const dave = await env.user();
    await connect(dave, { accessToken: 'refused-token-of-dave', refreshToken: 'refresh-revoked' });
    const refused = await dave.api.call('resource:createGoogleDriveResource', { fileId: 'fPlan' });
    expect(refused.status).toBe(403);
    expect(refused.error.message).toMatch(/revoked or has expired/);

    await connect(dave, { accessToken: 'alice-token' });
    expect((await dave.api.call('resource:createGoogleDriveResource', { fileId: 'fPlan' })).status).toBe(200);
    expect((await dave.api.call('googleDrive:deleteCredentials', {})).status).toBe(200);
    expect((await dave.api.call('resource:createGoogleDriveResource', { fileId: 'fPlan' })).status).toBe(403);
  });

  it('keeps the tokens sealed: nothing readable in the database, and a copied value does not open for another user', async () => {
    const grace = await env.user();
    await connect(grace, { accessToken: 'alice-token', refreshToken: 'refresh-ok', expiresIn: 3600 });
    const stored = (await firestore().collection('googleDriveCredentials').doc(grace.id).get()).data()!;
    expect(JSON.stringify(stored)).not.toMatch(/alice-token|refresh-ok/);
    expect(stored.expiresAt).toBeGreaterThan(Date.now());
    expect((await grace.api.call('resource:createGoogleDriveResource', { fileId: 'fPlan' })).status).toBe(200);

    const henry = await env.user();
    await firestore().collection('googleDriveCredentials').doc(henry.id).set(stored);
    const copied = await henry.api.call('resource:createGoogleDriveResource', { fileId: 'fPlan' });
    expect(copied.status).toBe(403);
    expect(copied.error.message).toMatch(/no Google Drive authorization/);
  });

  it('answers 503 naming the missing key while CREDENTIALS_ENCRYPTION_KEY is unset, storing nothing', async () => {
    const ivan = await env.user();
    const key = process.env.CREDENTIALS_ENCRYPTION_KEY;
    delete process.env.CREDENTIALS_ENCRYPTION_KEY;
    try {
      const answer = await ivan.api.call('googleDrive:setCredentials', { accessToken: 'alice-token' });
      expect(answer.status).toBe(503);
      expect(answer.error.message).toMatch(/CREDENTIALS_ENCRYPTION_KEY is not configured/);
    } finally {
      process.env.CREDENTIALS_ENCRYPTION_KEY = key;
    }
    expect((await firestore().collection('googleDriveCredentials').doc(ivan.id).get()).exists).toBe(false);
  });
});

describe('resource:syncGoogleDriveDirectory', () => {
  it('needs write access to the folder, not ownership: room managers and WRITE shares sync, members who only read get 403, others 404', async () => {
    const [bob, carol, dave, erin] = await Promise.all([env.user(), env.user(), env.user(), env.user()]);
    const room = await bob.api.post<{ id: string }>('/rooms', { name: 'Drive room', type: 'group', membersIds: [alice.id, carol.id] });
    expect(room.status).toBe(201);
    await connect(alice);
    const placed = await alice.api.call<{ resource: ClientResource }>('resource:createGoogleDriveResource', {
      fileId: 'fRoot',
      contributeToRoom: room.body.id,
    });
    expect(placed.status).toBe(200);
    const root = placed.data.resource;
    for (const [user, token] of [
      [bob, 'bob-drive-token'],
      [carol, 'carol-drive-token'],
      [dave, 'dave-drive-token'],
      [erin, 'erin-drive-token'],
    ] as const) {
      validTokens.add(token);
      await connect(user, { accessToken: token, expiresIn: 3600 });
    }

    expect((await carol.api.call('resource:syncGoogleDriveDirectory', { resourceId: root.id })).status).toBe(403);
    expect((await erin.api.call('resource:syncGoogleDriveDirectory', { resourceId: root.id })).status).toBe(404);
    expect(await childrenOf(root.id)).toEqual([]);

    expect((await sync(bob, root.id)).data).toEqual({ resourceId: root.id, isSuccess: true, errorCode: 0, errorString: '' });
    const synced = await childrenOf(root.id);
    expect(synced.map((r) => [r.title, r.ownerId])).toEqual([
      ['Budget', bob.id],
      ['Docs', bob.id],
      ['plan.png', bob.id],
    ]);

    const manager = alice.api.as((await env.stack.user({ user: alice.id, scope: 'workspace_ressources manage_ressources' })).token);
    const share = await manager.put(`/ressource/${root.id}`, { privacy: { value: 'CUSTOM', perms: 'WRITE', allow: [dave.id], deny: [] } });
    expect(share.status).toBe(200);
    drive.set('fNew', { id: 'fNew', name: 'notes.txt', mimeType: 'text/plain', parents: ['fRoot'], size: '5' });
    expect((await sync(dave, root.id)).data).toMatchObject({ resourceId: root.id, isSuccess: true });
    expect((await childrenOf(root.id)).map((r) => [r.title, r.ownerId])).toContainEqual(['notes.txt', dave.id]);
  });

  it('creates the folder tree as resources in directory belongings and reports success on user:{id}', async () => {
    await connect(alice);
    const root = await folderResource(alice);
    const result = await sync(alice, root.id);
    expect(result.channel).toBe(`user:${alice.id}`);
    expect(result.data).toEqual({ resourceId: root.id, isSuccess: true, errorCode: 0, errorString: '' });

    const top = await childrenOf(root.id);
    expect(top.map((r) => [r.title, r.data?.googleDrive, r.ownerId])).toEqual([
      ['Budget', { fileId: 'fBudget', name: 'Budget', mimeType: 'application/vnd.google-apps.spreadsheet' }, alice.id],
      ['Docs', { fileId: 'fDocs', name: 'Docs', mimeType: FOLDER }, alice.id],
      ['plan.png', { fileId: 'fPlan', name: 'plan.png', mimeType: 'image/png' }, alice.id],
    ]);
    const docs = top.find((r) => r.title === 'Docs')!;
    expect(docs.data?.directory).toEqual({ innerContentCount: 2 });
    expect(docs.directoryKinds).toEqual({ directory: 1, application: 1 });
    expect(top.find((r) => r.title === 'plan.png')!.metadata).toMatchObject({ fileSize: 1234, contentType: 'image/png' });

    const nested = await childrenOf(docs.id);
    expect(nested.map((r) => r.title)).toEqual(['Archive', 'report.pdf']);
    expect(nested[0].data?.directory).toEqual({ innerContentCount: 0 });
    expect(nested[0].directoryKinds).toEqual({});
    expect(await childrenOf(nested[0].id)).toEqual([]);

    const rootAfter = await alice.api.call<{ resource: { data: Record<string, unknown> } }>('resource:get', { resource: root.id });
    expect(rootAfter.data.resource.data.directory).toEqual({ innerContentType: 'mixed', innerContentCount: 3 });

    const added = await events.next((e) => e.endpoint === 'resource:addedToBelonging' && e.channel === `belonging:directory:${docs.id}`);
    expect((added.data as { resources: Array<{ title: string }> }).resources.map((r) => r.title).sort()).toEqual(['Archive', 'report.pdf']);
    const toUser = await events.next(
      (e) => e.endpoint === 'sortingTable:addResourcesToDirectory' && (e.data as { directoryId: string }).directoryId === root.id,
    );
    expect(toUser.channel).toBe(`user:${alice.id}`);
  });

  it('updates the same resources on a second sync: renames, new files, no duplicates', async () => {
    await connect(alice);
    const root = await folderResource(alice);
    await sync(alice, root.id);
    const first = await childrenOf(root.id);

    drive.get('fPlan')!.name = 'floor-plan.png';
    drive.set('fNew', { id: 'fNew', name: 'notes.txt', mimeType: 'text/plain', parents: ['fRoot'], size: '5' });
    expect((await sync(alice, root.id)).data).toMatchObject({ isSuccess: true });

    const second = await childrenOf(root.id);
    expect(second.map((r) => r.title)).toEqual(['Budget', 'Docs', 'floor-plan.png', 'notes.txt']);
    const planBefore = first.find((r) => r.title === 'plan.png')!;
    const planAfter = second.find((r) => r.title === 'floor-plan.png')!;
    expect(planAfter.id).toBe(planBefore.id);
    expect(planAfter.created).toBe(planBefore.created);
    expect(planAfter.metadata?.fileName).toBe('floor-plan.png');
    expect(planAfter.data?.googleDrive).toEqual({ fileId: 'fPlan', name: 'floor-plan.png', mimeType: 'image/png' });
    const updated = await events.next((e) => e.endpoint === 'resource:updated' && e.channel === `resource:${planAfter.id}`);
    expect(updated.data).toMatchObject({ belonging: `directory:${root.id}`, resource: { id: planAfter.id, title: 'floor-plan.png' } });
    expect(
      events.received.some(
        (e) => e.endpoint === 'resource:updated' && e.channel === `resource:${first.find((r) => r.title === 'Budget')!.id}`,
      ),
    ).toBe(false);
  });

  it('gives synced files the search words of their names: resource:searchBelonging finds them by a word, and by the new one after a rename', async () => {
    await connect(alice);
    const root = await folderResource(alice);
    await sync(alice, root.id);
    const docs = (await childrenOf(root.id)).find((r) => r.title === 'Docs')!;
    const search = async (belonging: string, query: string) => {
      const answer = await alice.api.call<{ resources: Array<{ title: string }> }>('resource:searchBelonging', {
        belonging,
        query,
        limit: 50,
      });
      expect(answer.status).toBe(200);
      return answer.data.resources.map((r) => r.title).sort();
    };
    expect(await search(`directory:${docs.id}`, 'report')).toEqual(['report.pdf']);
    expect(await search(`directory:${root.id}`, 'plan')).toEqual(['plan.png']);
    expect(await search(`directory:${root.id}`, 'report')).toEqual([]);

    drive.get('fReport')!.name = 'quarterly summary.pdf';
    expect((await sync(alice, root.id)).data).toMatchObject({ isSuccess: true });
    expect(await search(`directory:${docs.id}`, 'quarterly')).toEqual(['quarterly summary.pdf']);
    expect(await search(`directory:${docs.id}`, 'report')).toEqual([]);
  });

  it('moves resources of files gone from Drive to the trashcan, keeps and counts what the user added, and lets a restore bring them back', async () => {
    await connect(alice);
    const root = await folderResource(alice);
    await sync(alice, root.id);
    const docs = (await childrenOf(root.id)).find((r) => r.title === 'Docs')!;
    const own = await alice.api.call<{ resource: { id: string } }>('resource:create', { resource: { title: 'my notes' }, parent: docs.id });
    expect(own.status).toBe(200);
    const report = (await childrenOf(docs.id)).find((r) => r.title === 'report.pdf')!;

    drive.delete('fReport');
    drive.delete('fPlan');
    expect((await sync(alice, root.id)).data).toMatchObject({ isSuccess: true });

    expect((await childrenOf(root.id)).map((r) => r.title)).toEqual(['Budget', 'Docs']);
    expect((await childrenOf(docs.id)).map((r) => r.title)).toEqual(['Archive', 'my notes']);
    const read = async (id: string) =>
      (await alice.api.call<{ resource: { belonging: string; data: { directory: unknown } } }>('resource:get', { resource: id })).data
        .resource;
    expect((await read(docs.id)).data.directory).toEqual({ innerContentType: 'mixed', innerContentCount: 2 });
    expect((await read(root.id)).data.directory).toEqual({ innerContentType: 'mixed', innerContentCount: 2 });
    expect((await read(report.id)).belonging).toBe(`trashcan:${alice.id}`);
    const removed = await events.next(
      (e) => e.endpoint === 'resource:deletedFromBelonging' && e.channel === `belonging:directory:${docs.id}`,
    );
    expect(removed.data).toMatchObject({ resourceIds: [report.id] });

    const restored = await alice.api.call('sortingTable:restoreResources', { resources: [report.id] });
    expect(restored.status).toBe(200);
    expect((await read(report.id)).belonging).toBe(`directory:${docs.id}`);
    expect((await read(docs.id)).data.directory).toEqual({ innerContentType: 'mixed', innerContentCount: 3 });
  });

  it('reports a failure with its status when Drive refuses the authorization, and creates nothing', async () => {
    const erin = await env.user();
    await connect(erin);
    const root = await folderResource(erin);
    await connect(erin, { accessToken: 'token-revoked-later', refreshToken: 'refresh-revoked' });
    const result = await sync(erin, root.id);
    expect(result.data).toMatchObject({ resourceId: root.id, isSuccess: false, errorCode: 403 });
    expect((result.data as { errorString: string }).errorString).toMatch(/googleDrive:setCredentials/);
    expect(await childrenOf(root.id)).toEqual([]);
  });

  it('reports 413 for a tree over GOOGLE_DRIVE_SYNC_MAX_ITEMS and 404 for a folder gone from Drive, writing nothing', async () => {
    await connect(alice);
    const root = await folderResource(alice);
    process.env.GOOGLE_DRIVE_SYNC_MAX_ITEMS = '4';
    expect((await sync(alice, root.id)).data).toMatchObject({ isSuccess: false, errorCode: 413 });
    expect(await childrenOf(root.id)).toEqual([]);

    delete process.env.GOOGLE_DRIVE_SYNC_MAX_ITEMS;
    const docs = await folderResource(alice, 'fDocs');
    drive.delete('fDocs');
    expect((await sync(alice, docs.id)).data).toMatchObject({
      isSuccess: false,
      errorCode: 404,
      errorString: 'Google Drive folder fDocs not found',
    });
  });

  it('tells the user the sync failed once Pub/Sub gives up redelivering a job that keeps failing', { timeout: 90_000 }, async () => {
    await connect(alice);
    const root = await folderResource(alice, 'fDocs');
    // Firestore refuses a document over 1 MiB: not a client error, so the job is retried, then dead-lettered.
    drive.set('fHuge', { id: 'fHuge', name: 'n'.repeat(1_100_000), mimeType: 'text/plain', parents: ['fDocs'] });
    const result = await sync(alice, root.id, 80_000);
    expect(result.data).toMatchObject({
      resourceId: root.id,
      isSuccess: false,
      errorCode: 500,
      errorString: 'the sync failed 5 times and was given up',
    });
    expect(env.partners.requests(`${PREFIX.drive}/files?`).filter((r) => r.url.includes('fDocs')).length).toBeGreaterThanOrEqual(5);
  });

  it('answers 422 for a resource that is not a Drive folder, 404 for one of another user, 403 without authorization', async () => {
    await connect(alice);
    const file = await alice.api.call<{ resource: { id: string } }>('resource:createGoogleDriveResource', { fileId: 'fPlan' });
    const notFolder = await alice.api.call('resource:syncGoogleDriveDirectory', { resourceId: file.data.resource.id });
    expect(notFolder.status).toBe(422);
    expect(notFolder.error.message).toMatch(/is not a Google Drive folder/);

    const root = await folderResource(alice);
    const frank = await env.user();
    expect((await frank.api.call('resource:syncGoogleDriveDirectory', { resourceId: root.id })).status).toBe(404);

    await alice.api.call('googleDrive:deleteCredentials', {});
    const unauthorized = await alice.api.call('resource:syncGoogleDriveDirectory', { resourceId: root.id });
    expect(unauthorized.status).toBe(403);
  });
});
