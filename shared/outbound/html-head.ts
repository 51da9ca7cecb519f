import { createRequire } from 'node:module';

/** htmlparser2 loads on first use, not at a function's cold start. */
const htmlparser2 = () => createRequire(import.meta.url)('htmlparser2') as typeof import('htmlparser2');

/** What a page's <head> says about itself; URLs as written (relative URLs not yet resolved). */
export interface HeadMetadata {
  title?: string;
  description?: string;
  image?: string;
  icon?: string;
  base?: string;
}

/** Reads <title>, <base>, description/Open Graph/Twitter meta tags and icon links from an HTML document. */
export function readHeadMetadata(html: string): HeadMetadata {
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  let titleSeen = false;
  let icon: string | undefined;
  let touchIcon: string | undefined;
  let base: string | undefined;
  let inBody = false;

  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attribs) {
        if (inBody) return;
        if (name === 'body') inBody = true;
        else if (name === 'title' && !titleSeen) inTitle = true;
        else if (name === 'base' && base === undefined && attribs.href) base = attribs.href;
        else if (name === 'meta') {
          const key = (attribs.property ?? attribs.name ?? '').trim().toLowerCase();
          if (key && attribs.content !== undefined && !meta.has(key)) meta.set(key, attribs.content);
        } else if (name === 'link' && attribs.href) {
          const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/);
          if (rel.includes('icon') && icon === undefined) icon = attribs.href;
          else if ((rel.includes('apple-touch-icon') || rel.includes('apple-touch-icon-precomposed')) && touchIcon === undefined)
            touchIcon = attribs.href;
        }
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          titleSeen = true;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);

  const pick = (...keys: string[]) => keys.map((k) => clean(meta.get(k))).find((v) => v !== undefined);
  return {
    title: pick('og:title', 'twitter:title') ?? clean(title),
    description: pick('og:description', 'description', 'twitter:description'),
    image: pick('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'),
    icon: icon ?? touchIcon,
    base,
  };
}

const maxTextLength = 2000;

function clean(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, maxTextLength) : undefined;
}
