/**
 * Our own scripts and styles of the /docs pages, served as files (no inline script, so a strict
 * Content-Security-Policy can hold).
 */

/** Swagger UI over /openapi.json: full-text search of operations, bearer auth, try-it against this origin. */
export const httpReferenceScript = `
(function () {
  var text = function (value) { return value === undefined || value === null ? '' : String(value).toLowerCase(); };
  // Swagger UI's filter box matches tag names only; this one matches paths, operationIds, summaries and descriptions.
  var SearchPlugin = function () {
    return {
      fn: {
        opsFilter: function (taggedOps, phrase) {
          var words = text(phrase).split(/\\s+/).filter(Boolean);
          if (words.length === 0) return taggedOps;
          return taggedOps
            .map(function (tag, name) {
              return tag.set('operations', tag.get('operations').filter(function (op) {
                var o = op.get('operation');
                var haystack = [name, op.get('path'), op.get('method'), o.get('operationId'), o.get('summary'), o.get('description'), o.get('x-operation')].map(text).join(' ');
                return words.every(function (w) { return haystack.indexOf(w) !== -1; });
              }));
            })
            .filter(function (tag) { return tag.get('operations').size > 0; });
        },
      },
    };
  };
  fetch('/openapi.json', { headers: { accept: 'application/json' } })
    .then(function (res) { return res.json(); })
    .then(function (spec) {
      // try-it calls this origin, whatever PUBLIC_BASE_URL the document names
      spec.servers = [{ url: window.location.origin, description: 'this server' }];
      window.ui = SwaggerUIBundle({
        spec: spec,
        dom_id: '#reference',
        deepLinking: true,
        filter: true,
        displayOperationId: true,
        displayRequestDuration: true,
        showExtensions: true,
        defaultModelsExpandDepth: 0,
        docExpansion: 'list',
        tryItOutEnabled: false,
        persistAuthorization: true,
        presets: [SwaggerUIBundle.presets.apis],
        plugins: [SearchPlugin],
        layout: 'BaseLayout',
      });
    })
    .catch(function (err) {
      document.getElementById('reference').textContent = 'Could not load /openapi.json: ' + err;
    });
})();
`;

/** The AsyncAPI React component over /asyncapi.json. */
export const websocketReferenceScript = `
(function () {
  AsyncApiStandalone.render(
    {
      schema: { url: '/asyncapi.json', options: { method: 'GET', mode: 'same-origin' } },
      config: { show: { sidebar: true, errors: true }, sidebar: { showOperations: 'byDefault' } },
    },
    document.getElementById('reference'),
  );
})();
`;

export const docsStyles = `
:root { --ink: #1d2433; --muted: #5b6478; --line: #e3e6ee; --accent: #2455c3; --code: #f4f6fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, 'Segoe UI', sans-serif; color: var(--ink); }
header.docs-nav { display: flex; gap: 1.5rem; align-items: center; padding: .75rem 1.5rem; border-bottom: 1px solid var(--line); background: #fff; position: sticky; top: 0; z-index: 10; }
header.docs-nav strong { margin-right: auto; }
header.docs-nav a { color: var(--accent); text-decoration: none; font-weight: 500; }
header.docs-nav a[aria-current] { color: var(--ink); border-bottom: 2px solid var(--accent); }
main.guide { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.5rem 4rem; }
main.guide h1 { margin-top: .5rem; }
main.guide h2 { margin-top: 2.2rem; padding-top: .5rem; border-top: 1px solid var(--line); }
main.guide code { background: var(--code); padding: .1em .3em; border-radius: 4px; font-size: .92em; }
main.guide pre { background: var(--code); padding: 1rem; border-radius: 6px; overflow-x: auto; line-height: 1.4; }
main.guide pre code { background: none; padding: 0; }
main.guide .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem; }
main.guide .cards a { display: block; padding: 1rem; border: 1px solid var(--line); border-radius: 8px; color: inherit; text-decoration: none; }
main.guide .cards a:hover { border-color: var(--accent); }
main.guide .cards span { color: var(--muted); font-size: .92em; }
`;
