import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { member, room, roomType, roomUserSettings } from '../../functions/chats-rooms/schemas/room.js';
import type { JsonSchema } from '../../shared/registry/types.js';
import { responseProblems, validateRequest } from '../../shared/validation/validator.js';
import { operation } from './support/operations.js';

/** The reference's examples, copied as data (tests never read the spec documents). */
const examples = JSON.parse(readFileSync(new URL('../fixtures/chats/reference-examples.json', import.meta.url), 'utf8')) as {
  requests: Record<string, unknown>;
  responses: Record<string, { status: number; body: unknown }>;
  schemas: Record<string, unknown>;
};

const someId = '6a0b2f1e-8f65-4c1a-9a43-3a1f2f0f7c11';
const responseOf = (name: string) => operation(name).response;
const accepts = (schema: JsonSchema, value: unknown) => expect(responseProblems(schema, value)).toEqual([]);
const acceptsRequest = (name: string, input: Record<string, unknown>) =>
  expect(() => validateRequest(operation(name).request, structuredClone(input))).not.toThrow();

describe("the project's schemas accept the reference's examples", () => {
  it('of every success response body', () => {
    const names = Object.keys(examples.responses);
    expect(names.sort()).toEqual(
      [
        'clearRoomHistory',
        'getAttachmentInfo',
        'getCapabilities',
        'getRoom',
        'getUser',
        'getUsers',
        'insertAttachment',
        'insertRoom',
        'insertRoomMember',
        'listRoom',
        'listRoomAttachmentInfo',
        'listRoomMember',
        'updateRoom',
      ].sort(),
    );
    for (const name of names) {
      const { status, body } = examples.responses[name];
      expect(status, name).toBe(operation(name).successStatus ?? 200);
      expect(responseProblems(responseOf(name), body), name).toEqual([]);
    }
  });

  it('of every request body, merged with path parameters as the transport does', () => {
    const r = examples.requests;
    acceptsRequest('insertRoom', r.insertRoom as Record<string, unknown>);
    acceptsRequest('updateRoom', { roomId: someId, ...(r.updateRoom as object) });
    acceptsRequest('updateWorkspacesRank', { ranks: r.updateWorkspacesRank });
    acceptsRequest('updateChannelsRank', { workspaceId: someId, ranks: r.updateChannelsRank });
    acceptsRequest('insertRoomMember', { roomId: someId, ...(r.insertRoomMember as object) });
    acceptsRequest('forwardMessages', { roomId: someId, messages: r.forwardMessages });
  });

  it('of every schema the Chats operations use', () => {
    const s = examples.schemas;
    accepts(room, s.Room);
    accepts(member, s.Member);
    accepts(roomUserSettings, s.RoomUserSettings);
    accepts(roomType, s.RoomType);
    accepts(responseOf('insertRoomMember'), s.MemberInserted);
    accepts(responseOf('getAttachmentInfo'), s.Attachment);
    accepts(responseOf('listRoomAttachmentInfo'), s.AttachmentsPagination);
    accepts(responseOf('getCapabilities'), s.Capabilities);
    accepts(responseOf('clearRoomHistory'), s.ClearedDate);
    accepts(responseOf('insertAttachment'), s.Id);
    accepts(responseOf('getUser'), s.User);
    acceptsRequest('insertRoom', s.RoomCreationFields as Record<string, unknown>);
    acceptsRequest('updateRoom', { roomId: someId, ...(s.RoomEditableFields as object) });
    acceptsRequest('insertRoomMember', { roomId: someId, ...(s.MemberToInsert as object) });
    acceptsRequest('updateWorkspacesRank', { ranks: [s.RoomRank] });
    acceptsRequest('updateWorkspacesRank', { ranks: s.RoomRanks });
    acceptsRequest('forwardMessages', { roomId: someId, messages: [s.ForwardMessage] });
    acceptsRequest('forwardMessages', { roomId: someId, messages: s.ForwardMessagesList });
    acceptsRequest('listRoom', { extraFields: [s.RoomExtraField] });
    acceptsRequest('getImagePreview', { fileId: someId, area: '10x10', quality: s.ImageQualityEnum, output_format: s.ImageTypeEnum });
    acceptsRequest('getImageThumbnail', { fileId: someId, area: '10x10', shape: s.ImageShapeEnum });
  });
});
