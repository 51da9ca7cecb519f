import { describe, expect, it } from 'vitest';
import { resolveTarget } from './target.js';

/**
 * The URL policy on private, link-local, metadata and other special hosts, checked on
 * resolveTarget itself: an IP literal is judged without a lookup, a metadata server's name before
 * any. Live tests (safe-fetch, imports, link previews, partner thumbnails) probe loopback aliases only.
 */
describe('resolveTarget', () => {
  it.each([
    'http://10.0.0.1/',
    'http://10.0.0.7/',
    'http://172.16.5.4/',
    'http://192.168.0.1/',
    'http://192.168.1.1/logo.png',
    'http://100.64.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[64:ff9b::7f00:1]/',
    'http://[2002:7f00:2::1]/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
  ])('refuses the address of %s', async (url) => {
    await expect(resolveTarget(new URL(url))).rejects.toMatchObject({ kind: 'forbidden-address', message: /resolves to a forbidden/ });
  });

  it.each([
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://METADATA.google.internal./',
    'http://metadata/',
    'http://metadata.goog/',
  ])('refuses the metadata server name of %s before any lookup', async (url) => {
    await expect(resolveTarget(new URL(url))).rejects.toMatchObject({ kind: 'forbidden-address', message: /is not allowed/ });
  });

  it('accepts a public address literal, answering it as the one address to connect to', async () => {
    const target = await resolveTarget(new URL('http://8.8.8.8:8080/x'));
    expect(target).toMatchObject({ hostname: '8.8.8.8', port: 8080, addresses: [{ address: '8.8.8.8', family: 4 }] });
  });
});
