import type { IConstruct } from 'constructs';

const METADATA_TYPE = 'campaign-aam/policy-suppression';
const MINIMUM_REASON = 20;

export interface Suppression {
  readonly ruleId: string;
  readonly reason: string;
}

/** A suppression together with the construct it was declared on. */
export interface DeclaredSuppression extends Suppression {
  readonly scope: IConstruct;
}

/**
 * Opts one construct (and what it contains) out of one policy rule. The reason is mandatory, and
 * printed with every synth, so an exception is always visible and reviewed. A suppression that no
 * longer matches a finding fails synth (see `PolicyChecks`), so exceptions cannot outlive their cause.
 */
export function suppressPolicyRule(construct: IConstruct, ruleId: string, reason: string): void {
  if (reason.trim().length < MINIMUM_REASON) {
    throw new Error(
      `suppressing ${ruleId} on ${construct.node.path} needs a reason of at least ${MINIMUM_REASON} characters saying why the exception is safe`,
    );
  }
  construct.node.addMetadata(METADATA_TYPE, { ruleId, reason: reason.trim() } satisfies Suppression);
}

const declaredOn = (scope: IConstruct): DeclaredSuppression[] =>
  scope.node.metadata.filter((m) => m.type === METADATA_TYPE).map((m) => ({ ...(m.data as Suppression), scope }));

/** The suppression of `ruleId` nearest to `construct` (on it or any of its scopes), if there is one. */
export function suppressionFor(construct: IConstruct, ruleId: string): DeclaredSuppression | undefined {
  for (const scope of [...construct.node.scopes].reverse()) {
    const found = declaredOn(scope).find((s) => s.ruleId === ruleId);
    if (found) return found;
  }
  return undefined;
}

/** Every suppression declared on `root` or below it. */
export function suppressionsIn(root: IConstruct): DeclaredSuppression[] {
  return root.node.findAll().flatMap(declaredOn);
}
