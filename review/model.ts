/**
 * What a review is made of, whatever it was computed from (two revisions' Terraform configuration,
 * or Terraform's own plans). Risk rules, the Campaign translation and the renderers only see this.
 */

/** Terraform's actions, plus `import` (a resource adopted into state) and `replace`. */
export type Action = 'create' | 'update' | 'replace' | 'delete' | 'import' | 'read' | 'forget' | 'no-op';

/**
 * A value that cannot be shown: masked because it is secret, or not known before apply. A masked
 * value keeps a digest of what it hides, only so that two masked values can be told apart (a
 * changed secret is still a change); the digest is never rendered.
 */
export class Hidden {
  readonly #digest: string;
  private constructor(
    readonly reason: 'sensitive' | 'unknown',
    digest: string,
  ) {
    this.#digest = digest;
  }
  static readonly unknown = new Hidden('unknown', '');
  /** Unknown until apply, but told apart by what it will be: `${aws_iam_access_key.green.id}` is not `${...blue.id}`. */
  static unknownFrom(expression: string): Hidden {
    return new Hidden('unknown', expression);
  }
  static sensitive(digest: string): Hidden {
    return new Hidden('sensitive', digest);
  }
  sameAs(other: Hidden): boolean {
    return this.reason === other.reason && this.#digest === other.#digest;
  }
  toJSON(): string {
    return this.reason === 'sensitive' ? '(sensitive)' : '(known after apply)';
  }
}

/** JSON as read from Terraform, where masked or unknown parts are `Hidden`. */
export type Value = null | boolean | number | string | Hidden | Value[] | { [key: string]: Value };

/** One leaf that changes, e.g. `versioning_configuration.status`: `"Enabled"` → `"Suspended"`. */
export interface AttributeChange {
  /** Dotted path; list items by their `Sid`/`id` when they have one, else by index: `rule[expire-segment-files].status`. */
  readonly path: string;
  /** `undefined` when the attribute is absent on that side. */
  readonly before: Value | undefined;
  readonly after: Value | undefined;
  /** This change is why the resource is replaced rather than updated in place. */
  readonly forcesReplacement: boolean;
}

/** What a change is about: an AWS (or `terraform_data`) resource, a data source, a stack output, or the stack's own settings. */
export type SubjectKind = 'resource' | 'data' | 'output' | 'setting';

export interface ResourceChange {
  readonly kind: SubjectKind;
  /** Terraform address (`aws_s3_bucket.integration_receiver_bucket_F2EA81D6`), `output.<name>`, `terraform.backend` or `provider.aws`. */
  readonly address: string;
  /** Resource type, or `output` / `backend` / `provider` for the others. */
  readonly type: string;
  readonly action: Action;
  /** Imported into state by this change (it may also be updated). */
  readonly importing: boolean;
  /** The whole value on each side, masked; `undefined` when it does not exist on that side. */
  readonly before: Value | undefined;
  readonly after: Value | undefined;
  /** The leaves that change; empty for `no-op`. */
  readonly attributes: readonly AttributeChange[];
}

/** Lines of a generated handoff document that differ between revisions. */
export interface DocumentChange {
  /** File name inside the stack's `handoff/` folder, e.g. `campaign-setup.md`. */
  readonly file: string;
  readonly status: 'added' | 'removed' | 'changed';
  readonly hunks: readonly DocumentHunk[];
}

export interface DocumentHunk {
  /** First line number of the hunk in the old and the new document (1-based). */
  readonly oldStart: number;
  readonly newStart: number;
  readonly removed: readonly string[];
  readonly added: readonly string[];
}

/** Everything that changes in one environment, before any interpretation. */
export interface EnvironmentChanges {
  readonly name: string;
  /** `added`/`removed`: the environment exists on one side only (revision mode). */
  readonly presence: 'both' | 'added' | 'removed';
  /** Every resource, output and stack setting, including those that do not change (`no-op`). */
  readonly changes: readonly ResourceChange[];
  /** Changes Terraform found made outside Terraform (plan mode: `resource_drift`). */
  readonly drift: readonly ResourceChange[];
  /** `undefined` when documents cannot be compared (plan mode). */
  readonly documents: readonly DocumentChange[] | undefined;
  /** Where the stack lives, relative to the project, for commands in the checklist. */
  readonly stackDir: string;
  /** Remarks about the input, e.g. an incomplete plan. */
  readonly notes: readonly string[];
}

/** A revision (or a plan set) that could not be turned into environments. */
export interface SourceProblem {
  /** `base`, `head`, or the plan file. */
  readonly side: string;
  readonly summary: string;
  /** One line each, as the project's validation reports them. */
  readonly details: readonly string[];
}

/** A revision as the user named it, and the commit it resolved to (none for the working tree). */
export interface RevisionRef {
  readonly revision: string;
  readonly commit?: string;
}

/** The changes of every environment, from two revisions or from plans. */
export interface ChangeSet {
  readonly mode: 'revisions' | 'plans';
  readonly base?: RevisionRef;
  readonly head?: RevisionRef;
  readonly plans?: readonly { readonly environment: string; readonly file: string }[];
  readonly environments: readonly EnvironmentChanges[];
  /** Sides that could not be read: when there are any, `environments` is empty. */
  readonly problems: readonly SourceProblem[];
}
