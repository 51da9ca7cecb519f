import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucket } from '../../shared/gcp/clients.js';
import { decoded, jpegImage, pageCount, pdfDocument, pixel, pngImage } from './support/media.js';
import { createRoom, expectError, withEnv } from './support/rooms.js';
import { startChatsStack, type ChatsStack, type ChatsUser } from './support/stack.js';
import { encodeUnicodeHeader } from '../../shared/http-headers/unicode-header.js';

let chats: ChatsStack;
let owner: ChatsUser;
let member: ChatsUser;
let stranger: ChatsUser;
let imageId: string;
let pdfId: string;
let textId: string;

async function upload(bytes: Buffer, fileName: string, mimeType: string): Promise<string> {
  const res = await member.api.post<{ id: string }>(`/rooms/${roomId}/attachments`, bytes, {
    'content-type': 'application/octet-stream',
    filename: encodeUnicodeHeader(fileName),
    mimetype: mimeType,
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

let roomId: string;

beforeAll(async () => {
  chats = await startChatsStack();
  [owner, member, stranger] = await Promise.all([chats.user(), chats.user(), chats.user()]);
  const third = await chats.user();
  roomId = (await createRoom(owner.api, { type: 'group', name: 'Previews', membersIds: [member.id, third.id] })).id;
  // 400x200: left half red, right half blue
  imageId = await upload(await pngImage(400, 200), 'wide.png', 'image/png');
  pdfId = await upload(await pdfDocument(5), 'five pages.pdf', 'application/pdf');
  textId = await upload(Buffer.from('just words'), 'words.txt', 'text/plain');
});

afterAll(async () => {
  await chats?.stop();
});

const isRed = ([r, g, b]: number[]) => r > 200 && g < 60 && b < 60;
const isBlue = ([r, g, b]: number[]) => b > 200 && r < 60 && g < 60;
const isGreen = ([r, g, b]: number[]) => g > 100 && r < 60 && b < 60;

describe('getImagePreview', () => {
  it('scales the whole image into the area with borders, or crops it to fill the area', async () => {
    const fit = await member.api.get<Buffer>(`/preview/image/${imageId}/100x100/?output_format=Png`);
    expect(fit.status).toBe(200);
    expect(fit.headers.get('content-type')).toBe('image/png');
    expect(fit.headers.get('content-length')).toBe(String(fit.body.length));
    expect(await decoded(fit.body)).toMatchObject({ format: 'png', width: 100, height: 100 });
    expect((await pixel(fit.body, 50, 5))[3]).toBe(0); // border above the 100x50 image
    expect(isRed(await pixel(fit.body, 10, 50))).toBe(true);
    expect(isBlue(await pixel(fit.body, 90, 50))).toBe(true);

    const crop = await member.api.get<Buffer>(`/preview/image/${imageId}/100x100/?crop=true&output_format=Jpeg`);
    expect(crop.headers.get('content-type')).toBe('image/jpeg');
    expect(await decoded(crop.body)).toMatchObject({ format: 'jpeg', width: 100, height: 100 });
    expect(isRed(await pixel(crop.body, 10, 5))).toBe(true);
    expect(isBlue(await pixel(crop.body, 90, 95))).toBe(true);
  });

  it('follows the other side for a side of 0, keeps the original size for 0x0, and encodes Jpeg by default or Gif', async () => {
    expect(await decoded((await member.api.get<Buffer>(`/preview/image/${imageId}/0x50/`)).body)).toMatchObject({
      format: 'jpeg',
      width: 100,
      height: 50,
    });
    expect(await decoded((await member.api.get<Buffer>(`/preview/image/${imageId}/200x0/`)).body)).toMatchObject({
      width: 200,
      height: 100,
    });
    expect(await decoded((await member.api.get<Buffer>(`/preview/image/${imageId}/0x0/`)).body)).toMatchObject({ width: 400, height: 200 });
    const gif = await member.api.get<Buffer>(`/preview/image/${imageId}/40x20/?output_format=Gif`);
    expect(gif.headers.get('content-type')).toBe('image/gif');
    expect(await decoded(gif.body)).toMatchObject({ format: 'gif', width: 40, height: 20 });
    // the route answers with or without the trailing slash
    expect((await member.api.get(`/preview/image/${imageId}/40x20`)).status).toBe(200);
  });

  it('spends more bytes at higher quality', async () => {
    const photo = await upload(await jpegImage(600, 400), 'photo.jpg', 'image/jpeg');
    const lowest = await member.api.get<Buffer>(`/preview/image/${photo}/300x200/?quality=Lowest`);
    const highest = await member.api.get<Buffer>(`/preview/image/${photo}/300x200/?quality=Highest`);
    expect(await decoded(lowest.body)).toMatchObject({ format: 'jpeg', width: 300, height: 200 });
    expect(lowest.body.length).toBeLessThan(highest.body.length);
  });

  it('caches each rendered variant in Cloud Storage until the attachment is deleted', async () => {
    const cached = await upload(await pngImage(50, 50), 'cached.png', 'image/png');
    const objects = async () => (await bucket().getFiles({ prefix: `previews/${cached}/` }))[0].map((f) => f.name);
    expect(await objects()).toEqual([]);
    const first = await member.api.get<Buffer>(`/preview/image/${cached}/20x20/?output_format=Png`);
    expect(await objects()).toEqual([`previews/${cached}/image-20x20-Medium-Png-fit`]);
    const second = await member.api.get<Buffer>(`/preview/image/${cached}/20x20/?output_format=Png`);
    expect(Buffer.compare(first.body, second.body)).toBe(0);
    await member.api.get(`/preview/image/${cached}/20x20/thumbnail?shape=Rounded`);
    expect((await objects()).length).toBe(2);
    expect((await member.api.delete(`/attachments/${cached}`)).status).toBe(204);
    expect(await objects()).toEqual([]);
  });

  it('answers 400 for bad areas and parameters or files that are not images, 403 to outsiders, 404 for unknown files', async () => {
    for (const area of ['100', 'axb', '100x', '-5x10', '10x10x10'])
      expectError(await member.api.get(`/preview/image/${imageId}/${area}/`), 400, /area/);
    await withEnv({ CHATS_PREVIEW_MAX_SIDE: '500' }, async () => {
      expectError(await member.api.get(`/preview/image/${imageId}/501x10/`), 400, /at most 500/);
    });
    await withEnv({ MEDIA_MAX_PIXELS: '1000' }, async () => {
      expectError(await member.api.get(`/preview/image/${imageId}/11x11/`), 400, /image too large/);
    });
    expectError(await member.api.get(`/preview/image/${imageId}/10x10/?quality=Best`), 400, /quality must be one of/);
    expectError(await member.api.get(`/preview/image/${imageId}/10x10/?output_format=Webp`), 400, /output_format must be one of/);
    expectError(await member.api.get(`/preview/image/${imageId}/10x10/?crop=maybe`), 400, /crop/);
    expectError(await member.api.get(`/preview/image/${textId}/10x10/`), 400, /not an image/);
    expectError(await member.api.get(`/preview/image/${pdfId}/10x10/`), 400, /not an image/);
    expectError(await stranger.api.get(`/preview/image/${imageId}/10x10/`), 403);
    expectError(await member.api.get(`/preview/image/${randomUUID()}/10x10/`), 404);
    expectError(await member.api.get('/preview/image/nope/10x10/'), 400, /fileId/);
  });
});

describe('getImageThumbnail', () => {
  it('fills the area exactly, Rectangular by default or Rounded with transparent corners', async () => {
    const rect = await member.api.get<Buffer>(`/preview/image/${imageId}/64x64/thumbnail?output_format=Png`);
    expect(rect.status).toBe(200);
    expect(await decoded(rect.body)).toMatchObject({ format: 'png', width: 64, height: 64 });
    expect((await pixel(rect.body, 0, 0))[3]).toBe(255);

    const round = await member.api.get<Buffer>(`/preview/image/${imageId}/64x64/thumbnail?shape=Rounded&output_format=Png`);
    expect(await decoded(round.body)).toMatchObject({ format: 'png', width: 64, height: 64, hasAlpha: true });
    expect((await pixel(round.body, 0, 0))[3]).toBe(0);
    expect((await pixel(round.body, 32, 32))[3]).toBe(255);

    const square = await member.api.get<Buffer>(`/preview/image/${imageId}/0x48/thumbnail`);
    expect(square.headers.get('content-type')).toBe('image/jpeg');
    expect(await decoded(square.body)).toMatchObject({ format: 'jpeg', width: 48, height: 48 });
  });

  it('answers 400 for a 0x0 area, a bad shape or a file that is not an image', async () => {
    expectError(await member.api.get(`/preview/image/${imageId}/0x0/thumbnail`), 400, /0x0/);
    expectError(await member.api.get(`/preview/image/${imageId}/10x10/thumbnail?shape=Star`), 400, /shape must be one of/);
    expectError(await member.api.get(`/preview/image/${textId}/10x10/thumbnail`), 400, /not an image/);
    expectError(await stranger.api.get(`/preview/image/${imageId}/10x10/thumbnail`), 403);
  });
});

describe('getPdfPreview', () => {
  it('cuts pages firstPage..lastPage, lastPage 0 meaning the last page', async () => {
    const all = await member.api.get<Buffer>(`/preview/pdf/${pdfId}/`);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toBe('application/pdf');
    expect(all.headers.get('content-length')).toBe(String(all.body.length));
    expect(await pageCount(all.body)).toBe(5);
    expect(await pageCount((await member.api.get<Buffer>(`/preview/pdf/${pdfId}/?firstPage=2&lastPage=4`)).body)).toBe(3);
    expect(await pageCount((await member.api.get<Buffer>(`/preview/pdf/${pdfId}/?firstPage=3&lastPage=0`)).body)).toBe(3);
    expect(await pageCount((await member.api.get<Buffer>(`/preview/pdf/${pdfId}/?firstPage=5&lastPage=5`)).body)).toBe(1);
  });

  it('answers 400 for page numbers outside the document or in the wrong order, and for files that are not PDFs', async () => {
    expectError(await member.api.get(`/preview/pdf/${pdfId}/?firstPage=6`), 400, /page range 6-0 is not within 1-5/);
    expectError(await member.api.get(`/preview/pdf/${pdfId}/?lastPage=9`), 400, /page range 1-9 is not within 1-5/);
    expectError(await member.api.get(`/preview/pdf/${pdfId}/?firstPage=4&lastPage=2`), 400, /page range 4-2 is not within 1-5/);
    expectError(await member.api.get(`/preview/pdf/${pdfId}/?firstPage=0`), 400, /firstPage/);
    expectError(await member.api.get(`/preview/pdf/${pdfId}/?lastPage=-1`), 400, /lastPage/);
    expectError(await member.api.get(`/preview/pdf/${pdfId}/?firstPage=two`), 400, /firstPage/);
    expectError(await member.api.get(`/preview/pdf/${imageId}/`), 400, /not a PDF/);
    expectError(await stranger.api.get(`/preview/pdf/${pdfId}/`), 403);
    expectError(await member.api.get(`/preview/pdf/${randomUUID()}/`), 404);
  });
});

describe('getPdfThumbnail', () => {
  it('renders the first page into the area', async () => {
    const thumb = await member.api.get<Buffer>(`/preview/pdf/${pdfId}/90x60/thumbnail?output_format=Png`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/png');
    expect(await decoded(thumb.body)).toMatchObject({ format: 'png', width: 90, height: 60 });
    expect(isGreen(await pixel(thumb.body, 5, 5))).toBe(true);

    const round = await member.api.get<Buffer>(`/preview/pdf/${pdfId}/60x60/thumbnail?shape=Rounded&output_format=Png`);
    expect(await decoded(round.body)).toMatchObject({ width: 60, height: 60 });
    expect((await pixel(round.body, 0, 0))[3]).toBe(0);
    expect(isGreen(await pixel(round.body, 30, 55))).toBe(true);
    const jpeg = await member.api.get<Buffer>(`/preview/pdf/${pdfId}/40x0/thumbnail`);
    expect(await decoded(jpeg.body)).toMatchObject({ format: 'jpeg', width: 40, height: 40 });
  });

  it('answers 400 for bad areas and files that are not PDFs', async () => {
    expectError(await member.api.get(`/preview/pdf/${pdfId}/big/thumbnail`), 400, /area/);
    expectError(await member.api.get(`/preview/pdf/${pdfId}/0x0/thumbnail`), 400, /0x0/);
    expectError(await member.api.get(`/preview/pdf/${imageId}/10x10/thumbnail`), 400, /not a PDF/);
    expectError(await stranger.api.get(`/preview/pdf/${pdfId}/10x10/thumbnail`), 403);
    expectError(await member.api.get(`/preview/pdf/${randomUUID()}/10x10/thumbnail`), 404);
  });
});

describe('getAttachment of an image', () => {
  it('streams the exact bytes with their declared type', async () => {
    const res = await member.api.get<Buffer>(`/attachments/${imageId}/download`);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="wide.png"; filename*=UTF-8''wide.png`);
    expect(await decoded(res.body)).toMatchObject({ format: 'png', width: 400, height: 200 });
  });
});
