import type { ClientResource } from './support/client.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resources } from '../../shared/resources/repository.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import type { FakeHandler } from '../helpers/fake-upstream.js';
import { json, PREFIX, query } from './support/fake-partners.js';
import { startIntegrationsStack, type IntegrationsStack, type IntegrationsUser } from './support/stack.js';

/** OMDb's answers, in its own shape (more fields than the seed names, which must be left out). */
const titles: Record<string, Record<string, unknown>> = {
  tt0133093: {
    Title: 'The Matrix',
    Year: '1999',
    Rated: 'R',
    Released: '31 Mar 1999',
    Runtime: '136 min',
    Genre: 'Action, Sci-Fi',
    Director: 'Lana Wachowski, Lilly Wachowski',
    Writer: 'Lilly Wachowski, Lana Wachowski',
    Actors: 'Keanu Reeves, Laurence Fishburne, Carrie-Anne Moss',
    Plot: 'A computer hacker learns about the true nature of reality.',
    Language: 'English',
    Country: 'United States, Australia',
    Awards: 'Won 4 Oscars',
    Poster: 'https://m.media-amazon.com/images/M/matrix.jpg',
    Ratings: [
      { Source: 'Internet Movie Database', Value: '8.7/10' },
      { Source: 'Rotten Tomatoes', Value: '83%' },
    ],
    Metascore: '73',
    imdbRating: '8.7',
    imdbVotes: '2,000,000',
    imdbID: 'tt0133093',
    Type: 'movie',
    DVD: 'N/A',
    BoxOffice: '$172,076,928',
    Production: 'N/A',
    Website: 'N/A',
    totalSeasons: 'not a seed field',
    Response: 'True',
  },
  tt0234215: {
    Title: 'The Matrix Reloaded',
    Year: '2003',
    Released: '15 May 2003',
    Runtime: '138 min',
    Genre: 'Action, Sci-Fi',
    Actors: 'Keanu Reeves, Laurence Fishburne',
    Plot: 'Neo and the rebel leaders estimate that they have 72 hours.',
    Poster: 'N/A',
    Ratings: [],
    imdbID: 'tt0234215',
    Type: 'movie',
    Website: 'N/A',
    Response: 'True',
  },
};

const omdb: FakeHandler = (req, res) => {
  const q = query(req);
  if (q.get('apikey') !== 'omdb-test-key') return json(res, 401, { Response: 'False', Error: 'Invalid API key!' });
  if (q.has('s')) {
    if (q.get('s') === 'nothing-like-this') return json(res, 200, { Response: 'False', Error: 'Movie not found!' });
    const search = Object.values(titles).map((t) => ({ Title: t.Title, Year: t.Year, imdbID: t.imdbID, Type: t.Type, Poster: t.Poster }));
    return json(res, 200, { Search: search, totalResults: '2', Response: 'True' });
  }
  const title = titles[q.get('i') ?? ''] ?? Object.values(titles).find((t) => t.Title === q.get('t'));
  if (!title) return json(res, 200, { Response: 'False', Error: 'Incorrect IMDb ID.' });
  json(res, 200, title);
};

let env: IntegrationsStack;
let alice: IntegrationsUser;
let events: EventTap;

beforeAll(async () => {
  env = await startIntegrationsStack();
  alice = await env.user();
  events = await tapEvents();
});
afterAll(async () => {
  await events?.close();
  await env?.stop();
});
beforeEach(() => {
  env.partners.on(`GET ${PREFIX.omdb}/`, omdb);
  process.env.OMDB_API_KEY = 'omdb-test-key';
});

describe('imdb:search', () => {
  it('answers the OMDb search shape and forwards the search parameters and the key', async () => {
    const answer = await alice.api.call<{ Search: unknown[]; totalResults: string; Response: string }>('imdb:search', {
      s: 'matrix',
      y: '1999',
      type: 'movie',
      page: 2,
    });
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({
      Search: [
        { Title: 'The Matrix', Year: '1999', imdbID: 'tt0133093', Type: 'movie', Poster: 'https://m.media-amazon.com/images/M/matrix.jpg' },
        { Title: 'The Matrix Reloaded', Year: '2003', imdbID: 'tt0234215', Type: 'movie', Poster: 'N/A' },
      ],
      totalResults: '2',
      Response: 'True',
    });
    const sent = query(env.partners.requests(PREFIX.omdb).at(-1)!);
    expect(Object.fromEntries(sent)).toMatchObject({ s: 'matrix', y: '1999', type: 'movie', page: '2', apikey: 'omdb-test-key' });
  });

  it('passes OMDb\'s in-band "not found" on as data, as the seed shape has it', async () => {
    const answer = await alice.api.call('imdb:search', { s: 'nothing-like-this' });
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ Response: 'False', Error: 'Movie not found!' });
  });

  it('refuses a request without a search term or with an unknown type, naming the field', async () => {
    const missing = await alice.api.call('imdb:search', { y: '1999' });
    expect(missing.status).toBe(400);
    expect(missing.error.message).toMatch(/s is required/);
    const type = await alice.api.call('imdb:search', { s: 'matrix', type: 'podcast' });
    expect(type.status).toBe(400);
    expect(type.error.message).toMatch(/type/);
  });

  it('answers 503 when OMDb refuses the configured key, is down, or is not configured', async () => {
    process.env.OMDB_API_KEY = 'wrong-key';
    const refused = await alice.api.call('imdb:search', { s: 'matrix' });
    expect(refused.status).toBe(503);
    expect(refused.error.message).toMatch(/OMDb refused/);

    process.env.OMDB_API_KEY = 'omdb-test-key';
    env.partners.on(`GET ${PREFIX.omdb}/`, (_req, res) => json(res, 502, { message: 'bad gateway' }));
    const down = await alice.api.call('imdb:search', { s: 'matrix' });
    expect(down.status).toBe(503);
    expect(down.error.message).toMatch(/OMDb is unavailable/);

    delete process.env.OMDB_API_KEY;
    const unconfigured = await alice.api.call('imdb:search', { s: 'matrix' });
    expect(unconfigured.status).toBe(503);
    expect(unconfigured.error.message).toMatch(/not configured/);
  });

  it('needs a signed-in caller', async () => {
    const answer = await env.anonymous.call('imdb:search', { s: 'matrix' });
    expect(answer.status).toBe(401);
  });
});

describe('imdb:info', () => {
  it('answers the OMDb title shape with Ratings and Trailers, and only the seed fields', async () => {
    const answer = await alice.api.call<Record<string, unknown>>('imdb:info', { i: 'tt0133093', plot: 'full' });
    expect(answer.status).toBe(200);
    const { totalSeasons, ...seedFields } = titles.tt0133093;
    expect(totalSeasons).toBeDefined();
    expect(answer.data).toEqual({ ...seedFields, Trailers: [] });
    expect(query(env.partners.requests(PREFIX.omdb).at(-1)!).get('plot')).toBe('full');
  });

  it('finds a title by name', async () => {
    const answer = await alice.api.call<Record<string, unknown>>('imdb:info', { t: 'The Matrix Reloaded' });
    expect(answer.data).toMatchObject({ imdbID: 'tt0234215', Response: 'True' });
  });

  it('keeps an unknown id in-band and refuses a call without i or t', async () => {
    const unknown = await alice.api.call('imdb:info', { i: 'tt9999999' });
    expect(unknown.status).toBe(200);
    expect(unknown.data).toEqual({ Response: 'False', Error: 'Incorrect IMDb ID.', Trailers: [] });
    const neither = await alice.api.call('imdb:info', { y: '1999' });
    expect(neither.status).toBe(400);
    const malformed = await alice.api.call('imdb:info', { i: 'not-an-id' });
    expect(malformed.status).toBe(400);
    expect(malformed.error.message).toMatch(/i must match/);
  });
});

describe('resource:createImdbMulti', () => {
  it('creates one resource per title in the sorting table with data.imdb, and announces them', async () => {
    const answer = await alice.api.call<{ resources: Array<ClientResource> }>('resource:createImdbMulti', {
      id: ['tt0133093', 'tt0234215'],
    });
    expect(answer.status).toBe(200);
    const [matrix, reloaded] = answer.data.resources;
    expect(matrix).toMatchObject({
      title: 'The Matrix',
      description: titles.tt0133093.Plot,
      belonging: `userSortingTable:${alice.id}`,
      status: 'ready',
      metadata: { contentType: 'roomful#imdb', link: 'https://www.imdb.com/title/tt0133093/' },
      data: {
        imdb: {
          imdbID: 'tt0133093',
          Actors: titles.tt0133093.Actors,
          Genre: 'Action, Sci-Fi',
          Ratings: titles.tt0133093.Ratings,
          Released: '31 Mar 1999',
          Runtime: '136 min',
          Website: 'N/A',
          Year: '1999',
          Trailers: [],
        },
        thumbnailUrl: titles.tt0133093.Poster,
      },
    });
    expect(matrix.thumbnail).toMatch(/\/api\/v0\/resource\/thumbnail\/imdb\/tt0133093$/);
    expect(reloaded).toMatchObject({ title: 'The Matrix Reloaded', data: { imdb: { imdbID: 'tt0234215' } } });
    expect(reloaded.thumbnail).toBeUndefined();

    const read = await alice.api.call<{ resource: Record<string, unknown> }>('resource:get', { resource: matrix.id });
    expect(read.data.resource).toEqual(matrix);

    const added = await events.next(
      (e) => e.endpoint === 'sortingTable:addResources' && e.channel === `user:${alice.id}` && JSON.stringify(e.data).includes(matrix.id),
    );
    expect((added.data as { resources: Array<{ id: string }> }).resources.map((r) => r.id)).toEqual([matrix.id, reloaded.id]);
  });

  it('creates nothing and answers 422 naming the id when one title is unknown', async () => {
    const bob = await env.user();
    const answer = await bob.api.call('resource:createImdbMulti', { id: ['tt0133093', 'tt7654321'] });
    expect(answer.status).toBe(422);
    expect(answer.error.message).toMatch(/tt7654321 not found/);
    const owned = await resources().where('ownerId', '==', bob.id).get();
    expect(owned.size).toBe(0);
  });

  it('places the resources in a directory the caller owns, and hides one of another user', async () => {
    const dir = await alice.api.call<{ resource: { id: string } }>('resource:createDirectory', { title: 'Films' });
    const inDir = await alice.api.call<{ resources: Array<{ belonging: string }> }>('resource:createImdbMulti', {
      id: ['tt0133093'],
      parent: dir.data.resource.id,
    });
    expect(inDir.data.resources[0].belonging).toBe(`directory:${dir.data.resource.id}`);

    const mallory = await env.user();
    const foreign = await mallory.api.call('resource:createImdbMulti', { id: ['tt0133093'], parent: dir.data.resource.id });
    expect(foreign.status).toBe(404);
    const otherTable = await mallory.api.call('resource:createImdbMulti', { id: ['tt0133093'], belonging: `userSortingTable:${alice.id}` });
    expect(otherTable.status).toBe(403);
  });

  it('refuses an empty list and more than 50 ids', async () => {
    expect((await alice.api.call('resource:createImdbMulti', { id: [] })).status).toBe(400);
    const many = Array.from({ length: 51 }, (_, i) => `tt${String(1000000 + i)}`);
    expect((await alice.api.call('resource:createImdbMulti', { id: many })).status).toBe(400);
  });
});
