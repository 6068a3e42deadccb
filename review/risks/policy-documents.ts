import type { Value } from '../model';

/** An IAM or bucket policy statement, with its lists normalized. */
export interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Principal?: unknown;
  readonly Action: string[];
  readonly NotAction: string[];
  readonly Resource: string[];
  readonly NotResource: string[];
  readonly Condition?: Record<string, unknown>;
}

const list = (v: unknown): string[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/** The statements of a policy document held in a string (as Terraform holds it); none if unreadable or unknown. */
export function policyStatements(document: Value | undefined): Statement[] {
  if (typeof document !== 'string') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return [];
  }
  const raw = (parsed as { Statement?: unknown }).Statement;
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((s: Record<string, unknown>) => ({
    Sid: typeof s.Sid === 'string' && s.Sid !== '' ? s.Sid : undefined,
    Effect: String(s.Effect),
    Principal: s.Principal,
    Action: list(s.Action),
    NotAction: list(s.NotAction),
    Resource: list(s.Resource),
    NotResource: list(s.NotResource),
    Condition:
      typeof s.Condition === 'object' && s.Condition !== null && Object.keys(s.Condition).length > 0
        ? (s.Condition as Record<string, unknown>)
        : undefined,
  }));
}

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
