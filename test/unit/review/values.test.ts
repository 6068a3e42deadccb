import { Hidden } from '../../../review/model';
import { diffValues, masked, sameValue } from '../../../review/values';

describe('masking values', () => {
  it('masks what Terraform marks sensitive, leaf or whole subtree', () => {
    const value = masked(
      { user: 'campaign', secret: 'abc', nested: { token: 'x', plain: 'y' } },
      {
        sensitive: { user: false, nested: true },
      },
    );
    expect(JSON.parse(JSON.stringify(value))).toEqual({
      user: 'campaign',
      secret: '(sensitive)',
      nested: '(sensitive)',
    });
  });

  it('masks secret-bearing attributes by name without any marker, at any depth', () => {
    const value = masked({ ses_smtp_password_v4: 'p', items: [{ encrypted_secret: 'e', id: 'k' }] });
    expect(JSON.parse(JSON.stringify(value))).toEqual({
      ses_smtp_password_v4: '(sensitive)',
      items: [{ encrypted_secret: '(sensitive)', id: 'k' }],
    });
  });

  it('marks values known only after apply, including attributes missing from `after`', () => {
    const value = masked({ bucket: 'b' }, { unknown: { id: true, arn: true } });
    expect(JSON.parse(JSON.stringify(value))).toEqual({
      bucket: 'b',
      id: '(known after apply)',
      arn: '(known after apply)',
    });
  });

  it('tells two masked values apart without revealing them', () => {
    const a = masked('one', { sensitive: true });
    const b = masked('two', { sensitive: true });
    expect(a).toBeInstanceOf(Hidden);
    expect(sameValue(a, masked('one', { sensitive: true }))).toBe(true);
    expect(sameValue(a, b)).toBe(false);
    expect(JSON.stringify(a)).toBe('"(sensitive)"');
  });
});

describe('attribute diffs', () => {
  it('names list items by Sid or id, so an insertion does not shift the others', () => {
    const before = {
      rule: [
        { id: 'a', days: 1 },
        { id: 'b', days: 2 },
      ],
    };
    const after = {
      rule: [
        { id: 'new', days: 9 },
        { id: 'a', days: 1 },
        { id: 'b', days: 3 },
      ],
    };
    expect(diffValues(before, after).map((c) => [c.path, c.before, c.after])).toEqual([
      ['rule[new].days', undefined, 9],
      ['rule[new].id', undefined, 'new'],
      ['rule[b].days', 2, 3],
    ]);
  });

  it('compares JSON documents held in strings statement by statement, and lists of scalars as a whole', () => {
    const policy = (actions: string[]) =>
      JSON.stringify({ Statement: [{ Sid: 'Exchange', Effect: 'Allow', Action: actions, Resource: ['r'] }] });
    expect(diffValues({ policy: policy(['s3:GetObject']) }, { policy: policy(['s3:GetObject', 's3:*']) })).toEqual([
      {
        path: 'policy.Statement[Exchange].Action',
        before: ['s3:GetObject'],
        after: ['s3:GetObject', 's3:*'],
        forcesReplacement: false,
      },
    ]);
  });

  it('treats absent, null, empty lists and empty objects as the same unset value', () => {
    expect(diffValues({ a: null, b: [], c: {} }, { d: undefined } as never)).toEqual([]);
  });
});
