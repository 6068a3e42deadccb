import type { EnvironmentChanges, ResourceChange } from '../../review/model';
import { RISK_RULES } from '../../review/risks';
import { driftFound } from '../../review/risks/drift';
import type { RiskRule } from '../../review/risks/rule';

/** A risk the review's rules see in one change, with the rule's own words. */
export interface DriftRisk {
  readonly rule: string;
  readonly title: string;
  readonly why: string;
  readonly what: string;
}

/** Something changed outside Terraform, or a change the files declare that is not deployed. */
export interface Finding {
  readonly address: string;
  /** Drift: what happened outside Terraform; pending: what a deploy would do. */
  readonly what: string;
  /** The review's risks in this change; none (a tag edited, say) makes it drift to look at, not a risk. */
  readonly risks: readonly DriftRisk[];
}

export interface EnvironmentDrift {
  readonly environment: string;
  /** Changed or deleted outside Terraform (`resource_drift`, as the review reads it). */
  readonly drift: readonly Finding[];
  /** What the environment files declare and a deploy has not applied yet (drift put back left out). */
  readonly pending: readonly Finding[];
  /** The pending changes alone, as the review reads an environment (for its Campaign side and checklist). */
  readonly pendingChanges: EnvironmentChanges;
  readonly notes: readonly string[];
}

/** Every rule but the one that flags all drift: here drift is the subject, and each change is judged by what it did. */
const RULES: readonly RiskRule[] = RISK_RULES.filter((rule) => rule !== driftFound);

function risksOf(env: EnvironmentChanges, change: ResourceChange): DriftRisk[] {
  const alone: EnvironmentChanges = { ...env, changes: [change], drift: [] };
  return RULES.flatMap((rule) =>
    rule.check(alone).map((finding) => ({ rule: rule.id, title: rule.title, why: rule.why, what: finding.what })),
  );
}

/**
 * Drift read as a change: from what Terraform last applied (`before`) to what is there now
 * (`after`), so the review's rules judge what someone did (versioning suspended, a record removed).
 */
const asChange = (drift: ResourceChange): ResourceChange =>
  drift.after === undefined || drift.after === null ? { ...drift, action: 'delete', after: undefined } : drift;

/** The part of a planned change that does more than put drift back; `undefined` when nothing is left. */
function beyondDrift(change: ResourceChange, drift: readonly ResourceChange[]): ResourceChange | undefined {
  const drifted = drift.find((d) => d.address === change.address);
  if (drifted === undefined) return change;
  if (asChange(drifted).action === 'delete') return change.action === 'create' ? undefined : change;
  // A replacement or a destruction is the files' doing, never only drift put back.
  if (change.action !== 'update') return change;
  const putBack = new Set(drifted.attributes.map((a) => a.path));
  const attributes = change.attributes.filter((a) => !putBack.has(a.path));
  return attributes.length === 0 ? undefined : { ...change, attributes };
}

const driftWords = (env: EnvironmentChanges, change: ResourceChange) =>
  driftFound.check({ ...env, drift: [change] })[0]?.what ?? 'changed outside Terraform';

const PENDING_WORDS: Partial<Record<ResourceChange['action'], string>> = {
  create: 'to create',
  update: 'to update in place',
  replace: 'to replace',
  delete: 'to destroy',
  import: 'to import',
  forget: 'to remove from state',
};

function pendingWords(change: ResourceChange): string {
  const attributes = change.attributes.map((a) => a.path);
  const shown = change.action === 'update' && attributes.length > 0 ? `: ${attributes.slice(0, 3).join(', ')}` : '';
  const more = attributes.length > 3 && change.action === 'update' ? ` and ${attributes.length - 3} more` : '';
  return `${PENDING_WORDS[change.action] ?? change.action}${shown}${more}`;
}

/** One environment's drift and pending changes, each with the risks the review's rules see in it. */
export function environmentDrift(env: EnvironmentChanges): EnvironmentDrift {
  const drift = env.drift.map((d) => ({
    address: d.address,
    what: driftWords(env, d),
    risks: risksOf(env, asChange(d)),
  }));
  const pendingChanges = env.changes
    .filter((c) => c.action !== 'no-op' && c.action !== 'read')
    .map((c) => beyondDrift(c, env.drift))
    .filter((c): c is ResourceChange => c !== undefined);
  return {
    environment: env.name,
    drift,
    pending: pendingChanges.map((c) => ({ address: c.address, what: pendingWords(c), risks: risksOf(env, c) })),
    pendingChanges: { ...env, changes: pendingChanges, drift: [] },
    notes: env.notes,
  };
}
