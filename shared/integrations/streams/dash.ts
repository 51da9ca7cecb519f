/** Reads the representations of a DASH manifest (MPD, ISO/IEC 23009-1). */
import { createRequire } from 'node:module';

/** htmlparser2 loads on first use, not at a function's cold start. */
const htmlparser2 = () => createRequire(import.meta.url)('htmlparser2') as typeof import('htmlparser2');

export interface DashRepresentation {
  kind: 'video' | 'audio';
  bandwidth: number;
  width?: number;
  height?: number;
  frameRate?: number;
}

/** Undefined when the text is not an MPD. */
export function parseDashManifest(xml: string): DashRepresentation[] | undefined {
  const representations: DashRepresentation[] = [];
  let isMpd = false;
  let adaptation: Record<string, string> | undefined;
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attributes) {
        const tag = localName(name);
        if (tag === 'mpd') isMpd = true;
        else if (tag === 'adaptationset') adaptation = attributes;
        else if (tag === 'representation') {
          const representation = toRepresentation(attributes, adaptation ?? {});
          if (representation) representations.push(representation);
        }
      },
      onclosetag(name) {
        if (localName(name) === 'adaptationset') adaptation = undefined;
      },
    },
    { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: false },
  );
  parser.end(xml);
  return isMpd ? representations : undefined;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1).toLowerCase();

function toRepresentation(own: Record<string, string>, set: Record<string, string>): DashRepresentation | undefined {
  const attribute = (name: string): string | undefined => own[name] ?? set[name];
  const type = `${attribute('mimeType') ?? ''} ${set.contentType ?? ''}`.toLowerCase();
  const height = positive(attribute('height'));
  const kind = type.includes('video') || height !== undefined ? 'video' : type.includes('audio') ? 'audio' : undefined;
  if (!kind) return undefined;
  const representation: DashRepresentation = { kind, bandwidth: positive(own.bandwidth) ?? 0 };
  const width = positive(attribute('width'));
  if (width !== undefined) representation.width = width;
  if (height !== undefined) representation.height = height;
  const frameRate = frameRateOf(attribute('frameRate'));
  if (frameRate !== undefined) representation.frameRate = frameRate;
  return representation;
}

function positive(value: string | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && Number.isFinite(number) && number > 0 ? number : undefined;
}

/** `30`, `30000/1001` */
function frameRateOf(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const [numerator, denominator = '1'] = value.split('/');
  const rate = Number(numerator) / Number(denominator);
  return Number.isFinite(rate) && rate > 0 ? rate : undefined;
}
