import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configVariables } from '../../shared/config.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('README', () => {
  it('starts with the two commands, start first, then test', () => {
    const start = readme.indexOf('npm ci && npm start');
    const test = readme.indexOf('npm ci && npm test');
    expect(start).toBeGreaterThan(-1);
    expect(test).toBeGreaterThan(start);
  });

  it('documents every configuration variable the code reads', () => {
    for (const variable of configVariables) expect(readme, variable.name).toContain(`\`${variable.name}\``);
  });

  it('says why every dependency is there', () => {
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]) {
      expect(readme, name).toContain(`\`${name}\``);
    }
  });
});
