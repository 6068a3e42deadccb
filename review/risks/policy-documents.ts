import { type PolicyStatement, policyStatementsIn } from '../../policy/policy-document';
import type { Value } from '../model';

/** An IAM or bucket policy statement, with its lists normalized. */
export type Statement = PolicyStatement;

/** The statements of a policy document held in a string (as Terraform holds it); none if unreadable or unknown. */
export const policyStatements = (document: Value | undefined): Statement[] =>
  (typeof document === 'string' ? policyStatementsIn(document) : undefined) ?? [];

const anyone = (principal: unknown): boolean =>
  principal === '*' ||
  (typeof principal === 'object' &&
    principal !== null &&
    Object.values(principal).some((p) => p === '*' || (Array.isArray(p) && p.includes('*'))));

/** Allow statements open to anyone (`Principal: "*"` or `{ "AWS": "*" }`). */
export const publicStatements = (document: Value | undefined) =>
  policyStatements(document).filter((s) => s.Effect === 'Allow' && anyone(s.Principal));

/** The Sids (or a description) of the deny statements that keep a bucket TLS-only. */
export function tlsStatements(statements: readonly Statement[]): { insecureTransport?: string; outdatedTls?: string } {
  const found: { insecureTransport?: string; outdatedTls?: string } = {};
  for (const s of statements) {
    if (s.Effect !== 'Deny') continue;
    const condition = JSON.stringify(s.Condition ?? {});
    if (/"aws:SecureTransport":\s*\[?\s*"?false"?/i.test(condition))
      found.insecureTransport ??= s.Sid ?? 'aws:SecureTransport';
    if (/"s3:TlsVersion"/i.test(condition)) found.outdatedTls ??= s.Sid ?? 's3:TlsVersion';
  }
  return found;
}
