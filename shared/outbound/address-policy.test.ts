import { describe, expect, it } from 'vitest';
import { forbiddenAddressReason } from './address-policy.js';
import { parseAllowList } from './allow-list.js';

describe('forbiddenAddressReason', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.1',
    '255.255.255.255',
    '240.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:0:a00:1',
    '64:ff9b::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b:1::1',
    '2002:7f00:1::1',
    '2002:a9fe:a9fe::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
  ])('refuses %s', (address) => {
    expect(forbiddenAddressReason(address)).toEqual(expect.any(String));
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('accepts the public address %s', (address) => {
    expect(forbiddenAddressReason(address)).toBeUndefined();
  });

  it('refuses what is not an address', () => {
    expect(forbiddenAddressReason('example.com')).toBe('not an IP address');
  });
});

describe('parseAllowList', () => {
  it('reads hosts with and without ports, IPv6 forms and odd spellings', () => {
    expect(parseAllowList(' 127.0.0.1:8080, Example.COM. ,[::1]:9000, ::1 ,fake.test:80, 2130706433:81')).toEqual([
      { hostname: '127.0.0.1', port: 8080 },
      { hostname: 'example.com', port: undefined },
      { hostname: '::1', port: 9000 },
      { hostname: '::1', port: undefined },
      { hostname: 'fake.test', port: 80 },
      { hostname: '127.0.0.1', port: 81 },
    ]);
  });

  it('skips malformed entries', () => {
    expect(parseAllowList('http://x/y, a b, ok.test')).toEqual([{ hostname: 'ok.test', port: undefined }]);
  });
});
