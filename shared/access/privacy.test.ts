import { describe, expect, it } from 'vitest';
import { privacyLevel, type Privacy } from './privacy.js';

const p = (value: Privacy['value'], perms: Privacy['perms'], allow: string[] = [], deny: string[] = []): Privacy => ({
  value,
  perms,
  allow,
  deny,
});

describe('seed 004 privacy rules', () => {
  it('SELF grants nothing to others', () => {
    expect(privacyLevel(p('SELF', 'WRITE', ['u1']), 'u1', new Set(), 'w')).toBe('NONE');
  });
  it('WORKSPACE grants its perms to members of the resource workspace only', () => {
    expect(privacyLevel(p('WORKSPACE', 'SPEAK'), 'u1', new Set(['w']), 'w')).toBe('SPEAK');
    expect(privacyLevel(p('WORKSPACE', 'SPEAK'), 'u1', new Set(['other']), 'w')).toBe('NONE');
    expect(privacyLevel(p('WORKSPACE', 'SPEAK'), 'u1', new Set(['w']), undefined)).toBe('NONE');
  });
  it('CUSTOM grants to allowed users and members of allowed groups', () => {
    expect(privacyLevel(p('CUSTOM', 'READ', ['u1']), 'u1', new Set(), undefined)).toBe('READ');
    expect(privacyLevel(p('CUSTOM', 'WRITE', ['g1']), 'u2', new Set(['g1']), undefined)).toBe('WRITE');
    expect(privacyLevel(p('CUSTOM', 'WRITE', ['g1']), 'u3', new Set(['g2']), undefined)).toBe('NONE');
  });
  it('deny wins over allow, by user or by group, and over workspace membership', () => {
    expect(privacyLevel(p('CUSTOM', 'WRITE', ['g1'], ['u2']), 'u2', new Set(['g1']), undefined)).toBe('NONE');
    expect(privacyLevel(p('CUSTOM', 'WRITE', ['u2'], ['g9']), 'u2', new Set(['g9']), undefined)).toBe('NONE');
    expect(privacyLevel(p('WORKSPACE', 'READ', [], ['u2']), 'u2', new Set(['w']), 'w')).toBe('NONE');
  });
});
