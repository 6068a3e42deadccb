import type { IConstruct } from 'constructs';

const METADATA_TYPE = 'campaign-aam/policy-suppression';
const MINIMUM_REASON = 20;

export interface Suppression {
  readonly ruleId: string;
  readonly reason: string;
}

/**
 * Opts one construct (and what it contains) out of one policy rule. The reason is mandatory, and
 * printed with every synth, so an exception is always visible and reviewed.
 */
export function suppressPolicyRule(construct: IConstruct, ruleId: string, reason: string): void {
  if (reason.trim().length < MINIMUM_REASON) {
    throw new Error(
      `suppressing ${ruleId} on ${construct.node.path} needs a reason of at least ${MINIMUM_REASON} characters saying why the exception is safe`,
    );
  }
  construct.node.addMetadata(METADATA_TYPE, { ruleId, reason: reason.trim() } satisfies Suppression);
}

/** The suppression of `ruleId` on `construct` or any of its scopes, if there is one. */
export function suppressionFor(construct: IConstruct, ruleId: string): Suppression | undefined {
  for (const scope of [...construct.node.scopes].reverse()) {
    const found = scope.node.metadata.find(
      (m) => m.type === METADATA_TYPE && (m.data as Suppression).ruleId === ruleId,
    );
    if (found) return found.data as Suppression;
  }
  return undefined;
}
