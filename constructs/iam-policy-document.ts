/**
 * A typed IAM policy document. Policies are built as plain data (rather than through the
 * `aws_iam_policy_document` data source) so that the synthesized JSON shows the exact statements a
 * reviewer approves, and policy checks can read them without calling AWS.
 */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: '*' | Record<string, string | string[]>;
  readonly Action: string[];
  readonly Resource: string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: PolicyStatement[];
}

export function policyDocument(...statements: PolicyStatement[]): string {
  const document: PolicyDocument = { Version: '2012-10-17', Statement: statements };
  return JSON.stringify(document);
}

export const bucketArn = (bucketName: string) => `arn:aws:s3:::${bucketName}`;
