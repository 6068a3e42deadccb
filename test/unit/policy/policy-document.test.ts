import { policyStatementsIn, statementsIn } from '../../../policy/policy-document';

describe('the policy document reader', () => {
  it('takes Statement as one object or a list', () => {
    const one = { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::b' };
    expect(statementsIn(JSON.stringify({ Statement: one }))).toEqual([one]);
    expect(statementsIn(JSON.stringify({ Statement: [one, one] }))).toEqual([one, one]);
    expect(statementsIn(JSON.stringify({ Version: '2012-10-17' }))).toEqual([]);
  });

  it('cannot read what is not a JSON document', () => {
    expect(statementsIn('${data.aws_iam_policy_document.x.json}')).toBeUndefined();
    expect(statementsIn('"a string"')).toBeUndefined();
  });

  it('gives every one-or-many field as a list, and drops an empty Sid or Condition', () => {
    const [statement] = policyStatementsIn(
      JSON.stringify({
        Statement: { Sid: '', Effect: 'Allow', Action: 's3:GetObject', NotResource: ['a', 'b'], Condition: {} },
      }),
    )!;
    expect(statement).toEqual({
      Sid: undefined,
      Effect: 'Allow',
      Principal: undefined,
      Action: ['s3:GetObject'],
      NotAction: [],
      Resource: [],
      NotResource: ['a', 'b'],
      Condition: undefined,
    });
  });
});
