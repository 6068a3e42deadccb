import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPublishedResult } from '../../../../reconcile/drift/published-result';
import { tempDir } from '../../../support/temp';

const result = (environment: Record<string, unknown>) =>
  JSON.stringify({ format: 'campaign-aam-drift/1', environments: [environment] });
const valid = { name: 'production', status: 'drift', summary: '1 change outside Terraform (1 risk)', drift: [] };

function results(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('a drift result published by a check job, read as untrusted data', () => {
  it('gives the environment, its status, its summary line and its report', () => {
    const dir = results({ 'production.json': result(valid), 'production.md': '## Drift check of `production`: ...\n' });
    expect(readPublishedResult(dir, 'production')).toEqual({
      environment: 'production',
      status: 'drift',
      summary: '1 change outside Terraform (1 risk)',
      report: '## Drift check of `production`: ...\n',
    });
  });

  it.each([
    ['missing', {}, 'production.json is missing: the drift job of this environment left no result'],
    ['not JSON', { 'production.json': '{' }, 'production.json is not valid JSON'],
    [
      'of another format',
      { 'production.json': JSON.stringify({ format: 'campaign-aam-review/1', environments: [valid] }) },
      'production.json is not a drift result (format: Invalid input: expected "campaign-aam-drift/1")',
    ],
    [
      'of an unknown status',
      { 'production.json': result({ ...valid, status: 'fine' }) },
      'production.json is not a drift result (environments[0].status:',
    ],
    [
      'a summary of several lines',
      { 'production.json': result({ ...valid, summary: 'a\n@everyone' }) },
      'production.json is not a drift result (environments[0].summary: one line)',
    ],
    [
      'the result of another environment',
      { 'production.json': result({ ...valid, name: 'staging' }) },
      'production.json is the result of "staging", not of "production"',
    ],
    [
      'a report of another environment',
      { 'production.json': result(valid), 'production.md': '## Drift check of `staging`: clean' },
      'production.md is not the drift report of "production"',
    ],
  ])('is refused when %s', (_, files: Record<string, string>, message) => {
    expect(() => readPublishedResult(results(files), 'production')).toThrow(message);
  });

  it('is refused when a file is a link or too large', () => {
    const linked = results({ 'production.md': '## Drift check of `production`: ok' });
    symlinkSync('/etc/passwd', join(linked, 'production.json'));
    expect(() => readPublishedResult(linked, 'production')).toThrow('production.json is not a regular file');
    const folder = results({ 'production.json': result(valid) });
    mkdirSync(join(folder, 'production.md'));
    expect(() => readPublishedResult(folder, 'production')).toThrow('production.md is not a regular file');
    const large = results({ 'production.json': result(valid), 'production.md': 'x'.repeat(1_000_001) });
    expect(() => readPublishedResult(large, 'production')).toThrow('production.md is larger than 1000000 bytes');
  });
});
