import { buildReport, renderMarkdown } from '../../../review';
import type { EnvironmentChanges, ResourceChange } from '../../../review/model';
import { diffValues } from '../../../review/values';

/** An environment whose bucket is renamed (one risk) among `extra` new resources with long attributes. */
function environment(name: string, extra: number): EnvironmentChanges {
  const bucket = (b: string) => ({ bucket: b, force_destroy: false });
  const changes: ResourceChange[] = [
    {
      kind: 'resource',
      address: `aws_s3_bucket.receiver`,
      type: 'aws_s3_bucket',
      action: 'replace',
      importing: false,
      before: bucket(`${name}-old`),
      after: bucket(`${name}-new`),
      attributes: [{ path: 'bucket', before: `${name}-old`, after: `${name}-new`, forcesReplacement: true }],
    },
    ...Array.from({ length: extra }, (_, i): ResourceChange => {
      const after = { name: `${name}-record-${i}`, records: ['x'.repeat(200)] };
      return {
        kind: 'resource',
        address: `aws_route53_record.r${i}`,
        type: 'aws_route53_record',
        action: 'create',
        importing: false,
        before: undefined,
        after,
        attributes: diffValues(undefined, after),
      };
    }),
  ];
  return { name, presence: 'both', changes, drift: [], documents: [], stackDir: `cdktf.out/stacks/${name}`, notes: [] };
}

describe('fitting the report in a comment', () => {
  const report = buildReport({
    mode: 'revisions',
    base: { revision: 'main', commit: '0123456789abcdef' },
    head: { revision: 'working tree' },
    environments: [environment('small', 1), environment('large', 60), environment('medium', 20)],
    problems: [],
  });

  it('leaves out the largest detail first and keeps the summary, the table and every risk', () => {
    const full = renderMarkdown(report);
    const fitted = renderMarkdown(report, 12_000);
    expect(full.length).toBeGreaterThan(12_000);
    expect(fitted.length).toBeLessThanOrEqual(12_000);
    const head = full.slice(0, full.indexOf('### `large`'));
    expect(fitted.startsWith(head)).toBe(true);
    for (const name of ['small', 'large', 'medium']) {
      expect(fitted).toContain(
        `- \`${name}\` · \`aws_s3_bucket.receiver\`: bucket \`${name}-old\` replaced (forced by \`bucket\`)`,
      );
    }
    // The large environment's AWS details go first; the small one keeps everything.
    expect(fitted).not.toContain('aws_route53_record.r59');
    expect(fitted).toContain('+ aws_route53_record.r0: create');
    expect(fitted).toMatch(
      /✂️ Cut to stay under GitHub's comment limit, largest sections first: AWS resource details of [12] environments?\./,
    );
  });

  it('returns the uncut report without a limit', () => {
    expect(renderMarkdown(report)).not.toContain('✂️');
  });

  it('counts the problems of an invalid revision it cannot show, and keeps the first line', () => {
    const invalid = buildReport({
      mode: 'revisions',
      base: { revision: 'main', commit: '0123456789abcdef' },
      head: { revision: 'working tree' },
      environments: [],
      problems: [
        {
          side: 'head',
          summary: 'its environment files are invalid (500 problems in 500 environment files)',
          details: Array.from(
            { length: 500 },
            (_, i) => `environments/e${i}.json: receiver.bucketName: is required [rule: required]`,
          ),
        },
      ],
    });
    const fitted = renderMarkdown(invalid, 5_000);
    expect(fitted.length).toBeLessThanOrEqual(5_000);
    expect(fitted.split('\n')[0]).toBe(
      '## Campaign integration review: cannot compare, head revision cannot be synthesized (`main` (0123456) → working tree)',
    );
    expect(fitted).toMatch(/\n- … \d+ more \(see the full report\)\n$/);
    expect(renderMarkdown(invalid)).toContain('environments/e499.json');
  });
});
