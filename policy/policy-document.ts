/**
 * The one reader of IAM and bucket policy documents: the synth-time rules, the review's risks and
 * adoption's comparison with what AWS holds all read statements through it.
 */

/** A statement with each one-or-many field as a list (empty when absent). */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Principal?: unknown;
  readonly Action: string[];
  readonly NotAction: string[];
  readonly Resource: string[];
  readonly NotResource: string[];
  /** Absent when empty. */
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/**
 * The statements of a policy document as it is written (`Statement` may be one object or a list;
 * IAM and S3 accept both), or `undefined` when the text is not a JSON policy document.
 */
export function statementsIn(document: string): Record<string, unknown>[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const statements = (parsed as { Statement?: unknown }).Statement;
  const list = statements === undefined ? [] : Array.isArray(statements) ? statements : [statements];
  return list.filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null);
}

const listOf = (value: unknown): string[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

/** One statement with its lists normalized (see `PolicyStatement`). */
export function normalizedStatement(s: Record<string, unknown>): PolicyStatement {
  const condition = s.Condition;
  return {
    Sid: typeof s.Sid === 'string' && s.Sid !== '' ? s.Sid : undefined,
    Effect: typeof s.Effect === 'string' ? s.Effect : undefined,
    Principal: s.Principal,
    Action: listOf(s.Action),
    NotAction: listOf(s.NotAction),
    Resource: listOf(s.Resource),
    NotResource: listOf(s.NotResource),
    Condition:
      typeof condition === 'object' && condition !== null && Object.keys(condition).length > 0
        ? (condition as Record<string, Record<string, unknown>>)
        : undefined,
  };
}

/** The normalized statements of a policy document, or `undefined` when it cannot be read. */
export function policyStatementsIn(document: string): PolicyStatement[] | undefined {
  return statementsIn(document)?.map(normalizedStatement);
}
