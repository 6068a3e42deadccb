import { App } from 'cdktf';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTemporaryFolder, removeTemporaryFolder } from '../../runtime/temporary-folders';
import type { Environment } from '../../config/environment';
import { EnvironmentStack } from '../../stacks/environment-stack';
import { importIdOf, type TerraformAttributes } from '../../stacks/import-ids';

/** The parts of a synthesized stack (`cdk.tf.json`) the look-ups read. */
export interface SynthesizedTerraform {
  readonly provider?: {
    readonly aws?: readonly { readonly default_tags?: readonly { readonly tags?: Record<string, string> }[] }[];
  };
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly import?: readonly { readonly id: string; readonly to: string }[];
}

/** One resource the stack declares, with its Terraform address and arguments. */
export interface DeclaredResource {
  /** e.g. `aws_s3_bucket.integration_receiver_bucket_F2EA81D6` */
  readonly address: string;
  readonly type: string;
  /** Arguments as Terraform names them, references to other resources resolved where known. */
  readonly attributes: TerraformAttributes;
  /** How `terraform import` names it; undefined when it cannot be imported (an access key's secret). */
  readonly importId?: string;
  /** The ID of the stack's own `import` block for it, when adoption declares one. */
  readonly importBlockId?: string;
}

const REFERENCE = /^\$\{([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\}$/;

/** Attributes the provider computes, which the look-ups can still know from the arguments. */
function computed(type: string, args: Record<string, unknown>, attribute: string, accountId: string): unknown {
  if (type === 'aws_s3_bucket' && attribute === 'id') return args.bucket;
  if (type === 'aws_iam_policy' && attribute === 'arn')
    return `arn:aws:iam::${accountId}:policy${args.path ?? '/'}${args.name}`;
  if ((type === 'aws_iam_user' || type === 'aws_iam_group') && attribute === 'id') return args.name;
  return undefined;
}

/**
 * The resources of a synthesized stack, in its order. `accountId` completes the ARNs the provider
 * computes (an IAM policy's), so that every import ID can be written out.
 */
export function declaredResources(terraform: SynthesizedTerraform, accountId: string): DeclaredResource[] {
  const resources = terraform.resource ?? {};
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const match = REFERENCE.exec(value);
      if (match === null) return value;
      const [, type, name, attribute] = match;
      const target = resources[type]?.[name];
      if (target === undefined) return undefined;
      const direct = target[attribute];
      return typeof direct === 'string' && !REFERENCE.test(direct)
        ? direct
        : computed(type, target, attribute, accountId);
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  const importBlocks = new Map((terraform.import ?? []).map((block) => [block.to, block.id]));

  return Object.entries(resources).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, args]): DeclaredResource => {
      const { ['//']: _metadata, ...rest } = args;
      const resolved = resolve(rest) as Record<string, unknown>;
      // An IAM policy is imported by its ARN, which the provider computes.
      const arn = type === 'aws_iam_policy' ? computed(type, resolved, 'arn', accountId) : undefined;
      const attributes: TerraformAttributes = arn === undefined ? resolved : { ...resolved, arn };
      const address = `${type}.${name}`;
      return {
        address,
        type,
        attributes,
        importId: importIdOf(type, attributes),
        importBlockId: importBlocks.get(address),
      };
    }),
  );
}

/** The tags the AWS provider adds to every resource that takes tags (`default_tags`). */
export function defaultTagsOf(terraform: SynthesizedTerraform): Record<string, string> {
  return terraform.provider?.aws?.[0]?.default_tags?.[0]?.tags ?? {};
}

/** The stack as `cdktf synth` writes it for this environment, built in memory (nothing is written). */
export function synthesizeInMemory(env: Environment, projectDir: string): SynthesizedTerraform {
  // cdktf's App insists on an output folder; a throw-away one keeps the project's cdktf.out untouched.
  const outdir = createTemporaryFolder('lookups');
  try {
    const app = new App({ outdir: outdir.root, skipValidation: true });
    return new EnvironmentStack(app, { environment: env, projectDir }).toTerraform() as SynthesizedTerraform;
  } finally {
    removeTemporaryFolder(outdir);
  }
}

/** The stack Terraform runs in `stackDir`, as synthesized there. */
export function readSynthesizedStack(stackDir: string): SynthesizedTerraform {
  return JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as SynthesizedTerraform;
}
