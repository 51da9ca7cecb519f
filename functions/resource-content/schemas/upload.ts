import { binaryContent } from '../../../shared/registry/schema-types.js';
import { idSchema } from './common.js';

export { uploadTargetSchema as uploadTarget } from '../../../shared/content/upload-target.js';
export { resourceSchema as resourceAnswer } from '../../../shared/resources/schema.js';

export const uploadContentRequest = {
  type: 'object',
  required: ['id'],
  properties: { id: idSchema, content: binaryContent },
} as const;

export const uploadTargetRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: idSchema },
} as const;
