import { request } from 'node:http';
import { expect } from 'vitest';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One HTTP request exactly as given (path bytes, headers, chunked or sized body): fetch would
 * normalise a malformed path and always declare a body length.
 */
export function rawRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer | string,
  chunked = false,
): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: url.hostname,
        port: url.port,
        method,
        path,
        headers: { ...headers, ...(chunked ? { 'transfer-encoding': 'chunked' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined && chunked) {
      const bytes = Buffer.from(body);
      for (let i = 0; i < bytes.length; i += 1024) req.write(bytes.subarray(i, i + 1024));
    } else if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A JSON error answer (never HTML, never a stack trace) in the family's envelope. */
export function expectEnvelope(
  answer: RawAnswer,
  status: number,
  envelope: 'chats' | 'resource' | 'jsonRpc' | 'ops',
  message?: RegExp,
): void {
  expect(answer.status, answer.text).toBe(status);
  expect(String(answer.headers['content-type'])).toMatch(/^application\/json/);
  expect(answer.text).not.toMatch(/<html|<pre>|\bat [\w.<>]+ \(|node_modules|\/work\//i);
  const body = JSON.parse(answer.text) as Record<string, unknown>;
  if (envelope === 'chats') {
    expect(Object.keys(body).sort()).toEqual(['message', 'traceId']);
    if (message) expect(body.message).toMatch(message);
    return;
  }
  const error = body.error as { status: boolean; code: number; message: string };
  expect(error).toMatchObject({ status: true, code: status });
  if (message) expect(error.message).toMatch(message);
  if (envelope === 'resource') expect(Object.keys(body)).toEqual(['error']);
  else expect(body.data).toBeNull();
  if (envelope === 'ops') expect(body.channels).toEqual({ join: [], leave: [] });
}
