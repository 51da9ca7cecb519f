import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedPageSchema, photoPageSchema, photoSchema } from '../../functions/ressources/schemas/ressource.js';
import { responseProblems } from '../../shared/validation/validator.js';
import sharp from 'sharp';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { TestSocket, type Frame } from '../relay/helpers.js';
import { allPages, imageResource, person, png, publish, workspace, workspaceToken, type ErrorBody, type Page } from './support.js';

let stack: TestStack;
beforeAll(async () => (stack = await startTestStack()));
afterAll(async () => stack?.stop());

type Photo = { id: string; title?: string; status: string; content_type?: string; from: { id: string; type: string }; added_time: string };
type Entry = {
  id: string;
  type: string;
  from: { id: string; type: string };
  created_time: string;
  privacy?: unknown;
  fields?: string[];
  photo?: string;
  reaction?: string;
};

describe('GET/POST /ressource/{id}/photos', () => {
  it('attaches an existing image resource once, and lists it with who attached it and when', async () => {
    const owner = await person(stack);
    const { id } = await publish(owner.api, 'user');
    const image = await imageResource(owner);
    const first = await owner.api.post<Photo>(`/ressource/${id}/photos`, { photo: image });
    expect(first.status).toBe(201);
    expect(responseProblems(photoSchema, first.body)).toEqual([]);
    expect(first.body).toMatchObject({ id: image, from: { id: owner.id, type: 'user' } });
    const again = await owner.api.post<Photo>(`/ressource/${id}/photos`, { photo: image });
    expect(again.status).toBe(200);
    expect(again.body.added_time).toBe(first.body.added_time);

    const list = await owner.api.get<Page<'photos', Photo>>(`/ressource/${id}/photos`);
    expect(list.status).toBe(200);
    expect(responseProblems(photoPageSchema, list.body)).toEqual([]);
    expect(list.body).toMatchObject({
      photos: [{ id: image, content_type: 'image/png', from: { id: owner.id } }],
      hasMore: false,
      nextCursor: '',
    });
  });

  it('uploads the image itself as a new resource of the caller, attached in the same call', async () => {
    const owner = await person(stack);
    const { id } = await publish(owner.api, 'user');
    const res = await owner.api.post<Photo>(`/ressource/${id}/photos`, await png(8, 6), {
      'content-type': 'image/png',
      'x-file-name': 'front.png',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ title: 'front.png', content_type: 'image/png', from: { id: owner.id } });
    expect(res.body.id).not.toBe(id);
    const stored = await owner.api.ops<{ resource: { belonging: string; status: string } }>('resource:get', { resource: res.body.id });
    expect(stored.body.data.resource.belonging).toBe(`uploadSession:${owner.id}/${id}`);
    const list = await owner.api.get<Page<'photos', Photo>>(`/ressource/${id}/photos`);
    expect(list.body.photos.map((p) => p.id)).toEqual([res.body.id]);
  });

  it('refuses what is not a photo with a clear 4xx and attaches nothing', async () => {
    const [owner, other] = [await person(stack), await person(stack)];
    const { id } = await publish(owner.api, 'user');
    const text = await owner.api.post<ErrorBody>(`/ressource/${id}/photos`, Buffer.from('just words, no pixels'), {
      'content-type': 'image/png',
    });
    expect(text.status).toBe(415);
    expect(text.body.error.message).toMatch(/not an image/);
    const foreign = await owner.api.post<ErrorBody>(`/ressource/${id}/photos`, { photo: await imageResource(other) });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toMatch(/not an image resource you may use/);
    const document = await owner.api.ops<{ resource: { id: string } }>('resource:create', { resource: { title: 'doc' } });
    await owner.api.put(`/api/v0/resource/${document.body.data.resource.id}/content`, Buffer.from('%PDF? no, text'), {
      'content-type': 'text/plain',
    });
    expect((await owner.api.post(`/ressource/${id}/photos`, { photo: document.body.data.resource.id })).status).toBe(400);
    expect((await owner.api.post(`/ressource/${id}/photos`, { photo: id })).status).toBe(400);
    const malformed = await owner.api.post<ErrorBody>(`/ressource/${id}/photos`, { photo: 'x', extra: 1 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/photo/);
    expect((await owner.api.post(`/ressource/${id}/photos`)).status).toBe(400);
    expect((await owner.api.post(`/ressource/${id}/photos`, { photo: 'not-a-uuid' })).status).toBe(400);
    expect((await owner.api.get<Page<'photos', Photo>>(`/ressource/${id}/photos`)).body.photos).toEqual([]);
  });

  it('pages most recently attached first, and leaves out photos deleted since', async () => {
    const owner = await person(stack);
    const { id } = await publish(owner.api, 'user');
    const images = [await imageResource(owner), await imageResource(owner), await imageResource(owner)];
    for (const image of images) expect((await owner.api.post(`/ressource/${id}/photos`, { photo: image })).status).toBe(201);
    const pages = await allPages<'photos', Photo>(owner.api, `/ressource/${id}/photos`, 'photos', 2);
    expect(pages.flat().map((p) => p.id)).toEqual([...images].reverse());
    expect((await owner.api.ops('resource:delete', { resourceId: images[1] })).status).toBe(200);
    const after = await owner.api.get<Page<'photos', Photo>>(`/ressource/${id}/photos?limit=10`);
    expect(after.body.photos.map((p) => p.id)).toEqual([images[2], images[0]]);
  });
});

const processed = (id: string) => (f: Frame) => {
  const resource = (f.data as { resource?: { id?: string; status?: string } } | null)?.resource;
  return resource?.id === id && resource.status === 'ready';
};

describe('GET /ressource/{id}/photos/{photoId}', () => {
  it('shows an attached photo, as an image, to whoever reads the ressource: shares and workspace tokens included', async () => {
    const [admin, reader, stranger] = [await person(stack), await person(stack), await person(stack)];
    const ws = await workspace(stack, admin);
    const socket = await TestSocket.authenticated(`${stack.url.replace('http', 'ws')}/ws`, admin.token);
    const { id } = await publish(admin.api, 'workspace', { workspace: ws, privacy: { value: 'CUSTOM', allow: [reader.id] } });
    const image = await imageResource(admin);
    await socket.event('sortingTable:resourceUpdated', processed(image), 60_000);
    socket.close();
    expect((await admin.api.post(`/ressource/${id}/photos`, { photo: image })).status).toBe(201);

    for (const api of [reader.api, await workspaceToken(stack, ws)]) {
      const res = await api.get<Buffer>(`/ressource/${id}/photos/${image}?size=64`, { accept: 'image/webp' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect((await sharp(res.body).metadata()).format).toBe('webp');
      const again = await api.get(`/ressource/${id}/photos/${image}?size=64`, {
        accept: 'image/webp',
        'if-none-match': res.headers.get('etag') as string,
      });
      expect(again.status).toBe(304);
    }
    // seed 000 alone does not show the reader that resource
    expect((await reader.api.get(`/api/v0/resource/thumbnail/${image}`)).status).toBe(404);
    expect((await stranger.api.get(`/ressource/${id}/photos/${image}`)).status).toBe(404);
    expect((await admin.api.get(`/ressource/${id}/photos/${await imageResource(admin)}`)).status).toBe(404);
  });
});

describe('GET /ressource/{id}/feed', () => {
  it('tells what happened, who did it and when, newest first and ending with the creation', async () => {
    const [owner, reader] = [await person(stack), await person(stack)];
    const published = await publish(owner.api, 'environment');
    const id = published.id;
    const shared = { value: 'CUSTOM', perms: 'READ', allow: [reader.id], deny: [] };
    expect((await owner.api.put(`/ressource/${id}`, { privacy: shared })).status).toBe(200);
    expect((await owner.api.put(`/ressource/${id}`, { privacy: shared })).status).toBe(200); // no change, no entry
    const avatar = await imageResource(owner);
    expect((await owner.api.put(`/ressource/${id}`, { avatar })).status).toBe(200);
    expect((await owner.api.post(`/ressource/${id}/photos`, { photo: avatar })).status).toBe(201);
    expect((await reader.api.ops('resource:setReaction', { resource: id, reaction: 'like' })).status).toBe(200);
    expect((await reader.api.ops('resource:deleteReaction', { resource: id })).status).toBe(200);

    const res = await reader.api.get<Page<'feed', Entry>>(`/ressource/${id}/feed`);
    expect(res.status).toBe(200);
    expect(responseProblems(feedPageSchema, res.body)).toEqual([]);
    const feed = res.body.feed;
    expect(feed.map((e) => [e.type, e.from.id])).toEqual([
      ['reaction_deleted', reader.id],
      ['reaction_set', reader.id],
      ['photo_added', owner.id],
      ['updated', owner.id],
      ['privacy_changed', owner.id],
      ['created', owner.id],
    ]);
    expect(feed[1].reaction).toBe('like');
    expect(feed[2].photo).toBe(avatar);
    expect(feed[3].fields).toEqual(['avatar']);
    expect(feed[4].privacy).toEqual(shared);
    expect(feed[5].created_time).toBe(published.created_time);
    const times = feed.map((e) => Date.parse(e.created_time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const pages = await allPages<'feed', Entry>(reader.api, `/ressource/${id}/feed`, 'feed', 4);
    expect(pages.map((p) => p.length)).toEqual([4, 2]);
    expect(pages.flat()).toEqual(feed);
    const exact = await allPages<'feed', Entry>(reader.api, `/ressource/${id}/feed`, 'feed', 3);
    expect(exact.flat()).toEqual(feed);
    expect((await reader.api.get(`/ressource/${id}/feed?cursor=nope`)).status).toBe(400);
  });

  it('records changes made through seed 000 too, and hides the feed from those who may not read the ressource', async () => {
    const [owner, stranger] = [await person(stack), await person(stack)];
    const { id } = await publish(owner.api, 'user');
    expect(
      (await owner.api.ops('resource:updateAttributes', { resource: id, attributes: { title: 'Renamed' }, params: { colour: 'blue' } }))
        .status,
    ).toBe(200);
    const feed = await owner.api.get<Page<'feed', Entry>>(`/ressource/${id}/feed`);
    expect(feed.body.feed.map((e) => [e.type, e.fields, e.from.id])).toEqual([
      ['updated', ['title', 'customParams'], owner.id],
      ['created', undefined, owner.id],
    ]);
    expect((await stranger.api.get(`/ressource/${id}/feed`)).status).toBe(404);
  });
});
