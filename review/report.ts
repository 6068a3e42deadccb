import { adobeSide, type AdobeSide } from './adobe-checklist';
import { campaignChanges, type CampaignChange } from './campaign-changes';
import type {
  ChangeSet,
  DocumentChange,
  EnvironmentChanges,
  ResourceChange,
  RevisionRef,
  SourceProblem,
} from './model';
import { RISK_RULES } from './risks';

export interface Risk {
  /** The rule's stable id, e.g. `versioning-suspended`. */
  readonly rule: string;
  readonly title: string;
  readonly why: string;
  readonly environment: string;
  readonly address: string;
  readonly what: string;
}

/** Resource counts in the summary table; `import` counts adoptions, which may also change. */
export interface Counts {
  readonly add: number;
  readonly change: number;
  readonly replace: number;
  readonly destroy: number;
  readonly import: number;
  readonly read: number;
  readonly forget: number;
}

export interface EnvironmentReport {
  readonly name: string;
  readonly presence: EnvironmentChanges['presence'];
  readonly changed: boolean;
  readonly counts: Counts;
  readonly risks: readonly Risk[];
  readonly campaign: readonly CampaignChange[];
  readonly adobe: AdobeSide;
  /** `undefined` in plan mode, where the documents are not compared. */
  readonly documents: readonly DocumentChange[] | undefined;
  /** Resources, outputs and stack settings that change (no-ops left out). */
  readonly resources: readonly ResourceChange[];
  readonly drift: readonly ResourceChange[];
  readonly stackDir: string;
  readonly notes: readonly string[];
}

export interface Report {
  readonly mode: ChangeSet['mode'];
  readonly base?: RevisionRef;
  readonly head?: RevisionRef;
  readonly plans?: ChangeSet['plans'];
  readonly environments: readonly EnvironmentReport[];
  /** Every risk, in rule order, then by environment. */
  readonly risks: readonly Risk[];
  readonly problems: readonly SourceProblem[];
}

function countsOf(env: EnvironmentChanges): Counts {
  // A removed environment's resources are left behind, not destroyed: its risk says so.
  const resources =
    env.presence === 'removed' ? [] : env.changes.filter((c) => c.kind === 'resource' || c.kind === 'data');
  const n = (action: ResourceChange['action']) => resources.filter((c) => c.action === action).length;
  return {
    add: n('create'),
    change: n('update'),
    replace: n('replace'),
    destroy: n('delete'),
    import: resources.filter((c) => c.importing).length,
    read: n('read'),
    forget: n('forget'),
  };
}

function environmentReport(env: EnvironmentChanges): EnvironmentReport {
  const rules = env.presence === 'removed' ? RISK_RULES.filter((r) => r.id === 'environment-removed') : RISK_RULES;
  const risks = rules.flatMap((rule) =>
    rule
      .check(env)
      .map((finding) => ({ rule: rule.id, title: rule.title, why: rule.why, environment: env.name, ...finding })),
  );
  const resources = env.changes.filter((c) => c.action !== 'no-op');
  const campaign = campaignChanges(env.changes);
  return {
    name: env.name,
    presence: env.presence,
    changed:
      env.presence !== 'both' || resources.length > 0 || env.drift.length > 0 || (env.documents ?? []).length > 0,
    counts: countsOf(env),
    risks,
    campaign,
    adobe: adobeSide(env, campaign),
    documents: env.documents,
    resources: env.presence === 'removed' ? [] : resources,
    drift: env.drift,
    stackDir: env.stackDir,
    notes: env.notes,
  };
}

/** Interprets a change set: counts, risks, Campaign changes and the Adobe-side checklist per environment. */
export function buildReport(changes: ChangeSet): Report {
  const environments = changes.environments.map(environmentReport);
  const order = RISK_RULES.map((r) => r.id);
  const risks = environments
    .flatMap((e) => e.risks)
    .sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule) || a.environment.localeCompare(b.environment));
  return {
    mode: changes.mode,
    base: changes.base,
    head: changes.head,
    plans: changes.plans,
    environments,
    risks,
    problems: changes.problems,
  };
}
