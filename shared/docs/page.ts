import type { Family } from '../registry/family.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A dependency-free HTML index of the API (no CDN: it must render offline). */
export function renderDocsPage(families: Family[]): string {
  const sections = families
    .map((family) => {
      const rows = family.operations
        .map((op) => {
          const bindings = [
            ...(op.bindings.http ?? []).map((b) => `${b.method} ${b.path}`),
            ...(op.bindings.jsonRpc ? [`POST ${op.bindings.jsonRpc}`] : []),
            ...(op.bindings.websocket ? [`ws ${op.bindings.websocket}`] : []),
          ];
          return `<tr><td>${escape(op.name)}${op.deprecated ? ' <em>(deprecated)</em>' : ''}</td><td><code>${bindings.map(escape).join('<br>')}</code></td><td>${escape(op.summary)}</td></tr>`;
        })
        .join('');
      const events = family.events.map((ev) => `<tr><td>${escape(ev.name)}</td><td><code>event on ${ev.channel}:{id}</code></td><td>${escape(ev.summary)}</td></tr>`).join('');
      return `<h2>${escape(family.name)}</h2><p>${escape(family.description)}</p><table><tr><th>name</th><th>binding</th><th>summary</th></tr>${rows}${events}</table>`;
    })
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>API</title><style>body{font-family:sans-serif;margin:2em}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}</style></head><body><h1>API</h1><p><a href="/openapi.json">openapi.json</a> · <a href="/asyncapi.json">asyncapi.json</a></p>${sections}</body></html>`;
}
