import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { badRequest } from '../../../shared/errors/api-error.js';

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false });

function children(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
}

/**
 * The attachment a forwarded message shares, if any: the chat stanza of an attachment names it in
 * its configuration element (`<x><operation>attachmentAdded</operation><attachment-id>…`). A message
 * that is not well-formed XML is 400 (`index` names it in the request).
 */
export function forwardedAttachmentId(originalMessage: string, index: number): string | undefined {
  const valid = XMLValidator.validate(originalMessage);
  if (valid !== true)
    throw badRequest(`messages.${index}.originalMessage is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parsed = parser.parse(originalMessage) as Record<string, unknown>;
  for (const message of children(parsed.message)) {
    for (const x of children(message.x)) {
      const id = x['attachment-id'];
      if (String(x.operation).trim() === 'attachmentAdded' && typeof id === 'string' && id.trim()) return id.trim();
    }
  }
  return undefined;
}
