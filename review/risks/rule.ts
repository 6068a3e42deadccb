import { Hidden, type EnvironmentChanges, type ResourceChange, type Value } from '../model';
import { code } from '../format';

/** One thing a rule found: which resource, and what changes in it. */
export interface RiskFinding {
  /** Terraform address of the resource (or `terraform.backend`, `provider.aws`, `stack <name>`). */
  readonly address: string;
  /** What changes, in a few words, with values. */
  readonly what: string;
}

/**
 * A risk rule: a pure function of one environment's changes. The rule carries what is risky
 * (`title`) and why it matters (`why`), once; findings say where and what.
 */
export interface RiskRule {
  /** Stable id, e.g. `versioning-suspended`. */
  readonly id: string;
  readonly title: string;
  readonly why: string;
  check(env: EnvironmentChanges): RiskFinding[];
}

/** The changing resources of the given types. */
export const resourcesOf = (env: EnvironmentChanges, ...types: string[]): ResourceChange[] =>
  env.changes.filter((c) => c.kind === 'resource' && types.includes(c.type) && c.action !== 'no-op');

/** Destroyed, or destroyed and created again. */
export const gone = (c: ResourceChange) => c.action === 'delete' || c.action === 'replace';

/** Exists before and after (updated or replaced). */
export const kept = (c: ResourceChange) => c.before !== undefined && c.after !== undefined;

/** The attribute at `path`; a nested block is one object in cdk.tf.json and a one-item list in a plan. */
export function field(value: Value | undefined, ...path: string[]): Value | undefined {
  let node = value;
  for (const key of path) {
    if (Array.isArray(node)) node = node[0];
    if (typeof node !== 'object' || node === null || node instanceof Hidden || Array.isArray(node)) return undefined;
    node = node[key];
  }
  return Array.isArray(node) && node.length === 1 && typeof node[0] === 'object' ? node[0] : node;
}

/** `replaced (forced by `bucket`)`, or `destroyed`. */
export function goneWords(c: ResourceChange): string {
  if (c.action === 'delete') return 'destroyed';
  const forcing = [...new Set(c.attributes.filter((a) => a.forcesReplacement).map((a) => a.path.split(/[.[]/)[0]))];
  return forcing.length === 0 ? 'replaced' : `replaced (forced by ${forcing.map(code).join(', ')})`;
}

/** The action of the resource a Terraform reference (`${aws_iam_group.x.name}`) points to, if it is in this environment. */
export function referencedAction(env: EnvironmentChanges, value: Value | undefined): string | undefined {
  if (value instanceof Hidden) return 'create';
  if (typeof value !== 'string') return undefined;
  const target = /\$\{((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)\./.exec(value)?.[1];
  return env.changes.find((c) => c.address === target)?.action;
}
