/** One resource of the synthesized Terraform JSON, as the policy rules see it. */
export interface SynthesizedResource {
  readonly type: string;
  readonly name: string;
  /** `<type>.<name>`, the Terraform address. */
  readonly address: string;
  /** The construct path, from cdktf's metadata. */
  readonly path: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** Every resource of one stack, with lookups the rules share. */
export interface StackResources {
  readonly all: readonly SynthesizedResource[];
  ofType(type: string): SynthesizedResource[];
  /** Configuration resources (`aws_s3_bucket_*`) whose `bucket` refers to this bucket. */
  forBucket(bucket: SynthesizedResource, type: string): SynthesizedResource[];
}

export interface Finding {
  /** The resource at fault (a finding is reported on its construct). */
  readonly resource: SynthesizedResource;
  /** What exactly is wrong with it. */
  readonly detail: string;
}

/**
 * A policy rule, in the manner of cdk-nag: named after the passing state, with a stable id, what
 * it checks and why it matters. `check` is a pure function of the stack's synthesized resources.
 */
export interface PolicyRule {
  readonly id: string;
  readonly name: string;
  readonly explanation: string;
  check(resources: StackResources): Finding[];
}
