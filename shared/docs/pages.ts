const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Section = 'guide' | 'http' | 'websocket';

function layout(title: string, current: Section, head: string, body: string): string {
  const link = (section: Section, href: string, label: string) =>
    `<a href="${href}"${section === current ? ' aria-current="page"' : ''}>${label}</a>`;
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(title)}</title><link rel="stylesheet" href="/docs/assets/docs.css">${head}</head><body>`,
    '<header class="docs-nav"><strong>Rooms, chats and content API</strong>',
    link('guide', '/docs', 'Getting started'),
    link('http', '/docs/http', 'HTTP and JSON-RPC reference'),
    link('websocket', '/docs/websocket', 'WebSocket reference'),
    '<a href="/openapi.json">openapi.json</a><a href="/asyncapi.json">asyncapi.json</a></header>',
    body,
    '</body></html>',
  ].join('');
}

const code = (text: string) => `<pre><code>${escape(text.trim())}</code></pre>`;

/** The getting-started page: a token, first calls, an upload, waiting for it to be ready, a socket. */
export function renderGuidePage(baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, '');
  const ws = `${base.replace(/^http/, 'ws')}/ws`;
  const body = `<main class="guide">
<h1>Getting started</h1>
<p>Every operation is described in two references generated from the same registry the server runs:
the <a href="/docs/http">HTTP and JSON-RPC reference</a> (search, parameters, schemas with examples, and
<em>Try it out</em> against this server) and the <a href="/docs/websocket">WebSocket reference</a> (methods,
replies, events and the channels they arrive on).</p>
<div class="cards">
<a href="/docs/http"><strong>HTTP and JSON-RPC</strong><br><span>REST families, JSON-RPC props, uploads and bytes. Paste a token under <em>Authorize</em>, then <em>Try it out</em>.</span></a>
<a href="/docs/websocket"><strong>WebSocket</strong><br><span>Calls and replies over <code>/ws</code>, pushed events, channel rules, close codes, recovery.</span></a>
</div>

<h2 id="token">1. Get a token</h2>
<p>Every call except health checks and these documents needs a JWT in <code>Authorization: Bearer</code>
(or <code>X-Session-Id</code>, or the <code>ZM_AUTH_TOKEN</code> cookie; never in the URL). On a local stack
(<code>npm start</code>) mint one:</p>
${code(`TOKEN=$(npm run --silent token -- --user 3f1c2d9e-8a6b-4c1e-9f3a-5b7d2e4c6a80 --name "Ada Lovelace")`)}
<p>In production it is the user's Firebase Auth / Identity Platform ID token. To use it in the HTTP reference,
press <em>Authorize</em>, paste the token into <code>bearer</code> and close the dialog.</p>

<h2 id="first-calls">2. First calls</h2>
${code(`
curl -s ${base}/health
curl -s -H "Authorization: Bearer $TOKEN" ${base}/auth/token
curl -s -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
     -d '{"resource":{"title":"Floor plan"}}' ${base}/api/v0/resource/create
curl -s -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
     -d '{"data":{"resource":"<id from above>"}}' ${base}/ops/resource:get`)}
<p>Errors name what is wrong: <code>{ "error": { "status": true, "code": 400, "message": "..." } }</code> on the
resource, props, reactions and ressource families, <code>{ "traceId": "...", "message": "..." }</code> on the Chats API.
An id you may not see answers 404, exactly like one that does not exist.</p>

<h2 id="upload">3. Upload a file</h2>
<p>Create the resource, then stream its bytes (or ask <code>POST /api/v0/resource/{id}/upload</code> for a
resumable Cloud Storage upload session and send the bytes there):</p>
${code(`
curl -s -X PUT -H "Authorization: Bearer $TOKEN" -H 'content-type: image/png' \\
     --data-binary @plan.png ${base}/api/v0/resource/<id>/content`)}
<p>Larger than <code>MAX_UPLOAD_BYTES</code> answers 413. The resource moves from <code>pending</code> to
<code>processing</code>; its type is sniffed from the bytes, not taken from <code>Content-Type</code>.</p>

<h2 id="ready">4. Wait until it is ready</h2>
<p>Processing extracts metadata and makes thumbnails, then sets <code>status</code> to <code>ready</code> (or
<code>failed</code>, with the reason in <code>failure</code>). Either read it again with <code>resource:get</code>
until the status changes, or listen on a socket: <code>resource:get</code> over the socket joins the
<code>resource:{id}</code> channel and a <code>resource:updated</code> event arrives when processing ends. Then
<code>GET /api/v0/resource/thumbnail/{id}</code> serves its thumbnail and <code>GET /api/v0/resource/{id}</code>
redirects to its bytes.</p>

<h2 id="socket">5. Open a socket</h2>
<p>Connect to <code>${escape(ws)}</code> with the token on the upgrade request (browsers, which cannot set headers,
send <code>{"endpoint":"auth","data":{"token":"..."}}</code> as the first frame). Each call carries an
<code>event.id</code>; its reply carries the same id.</p>
${code(`
node -e "
const ws = new (require('ws'))('${ws}', { headers: { authorization: 'Bearer ' + process.env.TOKEN } });
ws.on('open', () => ws.send(JSON.stringify({ endpoint: 'resource:create', data: { resource: { title: 'hello' } }, event: { id: 'c-1', date: Date.now() } })));
ws.on('message', (m) => console.log(String(m)));
"`)}
<p>Replies look like <code>{ "type": "response", "endpoint": "resource:create", "event": { "id": "c-1", ... }, "data": { ... }, "error": { "status": false, "code": 0, "message": "" } }</code>;
events like <code>{ "type": "event", "endpoint": "resource:updated", "channel": "resource:...", "position": 3, "data": { ... } }</code>.
Keep the last <code>position</code> per channel to recover missed events after a reconnect (<code>relay:recover</code>).</p>
</main>`;
  return layout('Getting started · API', 'guide', '', body);
}

export function renderHttpReferencePage(): string {
  return layout(
    'HTTP and JSON-RPC reference · API',
    'http',
    '<link rel="stylesheet" href="/docs/assets/swagger-ui.css">',
    '<div id="reference"></div><script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/assets/http-reference.js"></script>',
  );
}

export function renderWebsocketReferencePage(): string {
  return layout(
    'WebSocket reference · API',
    'websocket',
    '<link rel="stylesheet" href="/docs/assets/asyncapi.css">',
    '<div id="reference"><main class="guide"><p>Loading and validating <a href="/asyncapi.json">/asyncapi.json</a>: this takes a few seconds.</p></main></div>' +
      '<script src="/docs/assets/asyncapi-standalone.js"></script><script src="/docs/assets/websocket-reference.js"></script>',
  );
}
