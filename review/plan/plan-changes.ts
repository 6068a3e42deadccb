import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { unknownEnvironment } from '../../config/environment-files';
import { projectPaths } from '../../runtime/project-paths';
import { ReviewInputError } from '../errors';
import type { Action, ChangeSet, EnvironmentChanges, ResourceChange, SubjectKind } from '../model';
import { diffValues, masked } from '../values';
import { readPlanFile, type Plan, type PlanChange, type PlanResourceChange } from './plan-file';

export interface PlanInput {
  /** The environment (stack) the plan is for, e.g. `production`. */
  readonly environment: string;
  /** `terraform show -json` output. */
  readonly file: string;
}

/** Terraform's action list as one action: `["delete", "create"]` (either order) is a replacement. */
function actionOf(actions: readonly string[]): Action {
  if (actions.includes('create') && (actions.includes('delete') || actions.includes('forget'))) return 'replace';
  const [action] = actions;
  return (['create', 'update', 'delete', 'read', 'forget', 'no-op'] as const).find((a) => a === action) ?? 'update';
}

function toChange(kind: SubjectKind, address: string, type: string, change: PlanChange): ResourceChange {
  const importing = change.importing !== undefined && change.importing !== null;
  const planned = actionOf(change.actions);
  const action = planned === 'no-op' && importing ? 'import' : planned;
  const before = change.before === null ? undefined : masked(change.before, { sensitive: change.before_sensitive });
  const after =
    change.after === null && change.after_unknown !== true
      ? undefined
      : masked(change.after, { sensitive: change.after_sensitive, unknown: change.after_unknown });
  const forcing = new Set((change.replace_paths ?? []).map((path) => String(path[0])));
  const attributes =
    action === 'delete' || action === 'forget' || action === 'no-op'
      ? []
      : diffValues(action === 'create' ? undefined : before, after).map((a) => ({
          ...a,
          forcesReplacement: action === 'replace' && forcing.has(a.path.split(/[.[]/)[0]),
        }));
  return { kind, address, type, action, importing, before, after, attributes };
}

/** An output's change in the shape revision mode gives it (`value`), so both read `value: old → new`. */
function asOutputBody(change: PlanChange): PlanChange {
  const wrap = (v: unknown) => (v === undefined ? undefined : { value: v });
  return {
    ...change,
    before: change.before === null ? null : wrap(change.before),
    after: change.after === null && change.after_unknown !== true ? null : wrap(change.after),
    before_sensitive: wrap(change.before_sensitive),
    after_sensitive: wrap(change.after_sensitive),
    after_unknown: wrap(change.after_unknown),
  };
}

const fromPlanResource = (r: PlanResourceChange) =>
  toChange(r.mode === 'data' ? 'data' : 'resource', r.address, r.type, r.change);

const topLevel = (path: string) => path.split(/[.[]/)[0];

/**
 * The drift that matters, as Terraform itself shows it: attributes that something in the plan
 * depends on (`relevant_attributes`), or that the plan sets back. Refreshing also fills in
 * computed and legacy attributes (`attachment_count`, a bucket's inline lifecycle rules...); those
 * are not changes anyone made, and are left out. A resource deleted outside Terraform always counts.
 */
function relevantDrift(plan: Plan, changes: readonly ResourceChange[]): ResourceChange[] {
  const relevant = new Set((plan.relevant_attributes ?? []).map((r) => `${r.resource}\0${String(r.attribute[0])}`));
  return (plan.resource_drift ?? []).map(fromPlanResource).flatMap((drift) => {
    if (drift.action === 'delete') return [drift];
    const reverted = new Set(changes.find((c) => c.address === drift.address)?.attributes.map((a) => a.path));
    const attributes = drift.attributes.filter(
      (a) => reverted.has(a.path) || relevant.has(`${drift.address}\0${topLevel(a.path)}`),
    );
    return attributes.length === 0 ? [] : [{ ...drift, attributes }];
  });
}

function environmentChanges(projectDir: string, input: PlanInput, plan: Plan): EnvironmentChanges {
  const notes: string[] = [];
  if (plan.errored === true)
    notes.push(`Terraform reported errors while planning \`${input.environment}\`: this plan is incomplete.`);
  else if (plan.complete === false) {
    notes.push(
      `The plan of \`${input.environment}\` is incomplete (for example, \`-target\` was used): more changes may follow.`,
    );
  }
  const changes = [
    ...(plan.resource_changes ?? []).map(fromPlanResource),
    ...Object.entries(plan.output_changes ?? {}).map(([name, change]) =>
      toChange('output', `output.${name}`, 'output', asOutputBody(change)),
    ),
  ];
  return {
    name: input.environment,
    presence: 'both',
    changes,
    drift: relevantDrift(plan, changes),
    documents: undefined,
    stackDir: relative(projectDir, projectPaths(projectDir).stackDir(input.environment)),
    notes,
  };
}

/** The project's environment names, to catch a plan given under a name that does not exist. */
function environmentNames(projectDir: string): string[] {
  const dir = projectPaths(projectDir).environmentsDir;
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
  } catch {
    throw new ReviewInputError(
      `cannot read the environments folder ${relative(projectDir, dir) || dir}: run the review in the project folder`,
    );
  }
}

/** Reads one plan per environment (Terraform's own actions, drift and sensitivity markers). */
export function planChanges(projectDir: string, inputs: readonly PlanInput[]): ChangeSet {
  const known = environmentNames(projectDir);
  const seen = new Set<string>();
  for (const { environment, file } of inputs) {
    if (!known.includes(environment)) {
      throw new ReviewInputError(
        `${unknownEnvironment(environment, known)} (given with --plan ${environment}=${file})`,
      );
    }
    if (seen.has(environment)) throw new ReviewInputError(`--plan names environment "${environment}" twice`);
    seen.add(environment);
  }
  const environments = inputs
    .map((input) => environmentChanges(projectDir, input, readPlanFile(input.file)))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { mode: 'plans', plans: inputs, environments, problems: [] };
}
