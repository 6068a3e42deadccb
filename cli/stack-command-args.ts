import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { foreignOutputFolder } from '../synth/output-folder';
import { UsageError } from './usage-error';
import { VARIABLES } from '../runtime/environment-variables';

export interface StackCommandArgs {
  readonly environment: string;
  readonly autoApprove: boolean;
  /** `--expect-plan <fingerprint>` (deploy): apply only the plan with this fingerprint. */
  readonly expectPlan?: string;
  /** `--json-plan <file>` (plan): also write the plan as JSON there. */
  readonly jsonPlan?: string;
}

/** The options a command accepts beyond the environment and `--output`. */
export interface AllowedOptions {
  readonly autoApprove?: boolean;
  readonly expectPlan?: boolean;
  readonly jsonPlan?: boolean;
}

/**
 * The arguments of `npm run plan` and `npm run deploy`: one environment, cdktf's own `--output
 * <dir>` and the options the command allows. `--output` becomes `CDKTF_OUTDIR`, so the synth, its
 * checks of where local state may live, and the cdktf child all use one folder.
 */
export function parseStackCommandArgs(argv: string[], usage: string, allowed: AllowedOptions): StackCommandArgs {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: 'string' },
      ...(allowed.autoApprove === true ? { 'auto-approve': { type: 'boolean' as const } } : {}),
      ...(allowed.expectPlan === true ? { 'expect-plan': { type: 'string' as const } } : {}),
      ...(allowed.jsonPlan === true ? { 'json-plan': { type: 'string' as const } } : {}),
    },
  });
  const [environment, ...extra] = parsed.positionals;
  if (environment === undefined) throw new UsageError(usage);
  if (extra.length > 0) throw new UsageError(`one environment at a time, not also ${extra.join(', ')}\n\n${usage}`);
  if (parsed.values.output !== undefined) {
    const foreign = foreignOutputFolder(resolve(parsed.values.output));
    if (foreign !== undefined) throw new UsageError(`--output ${parsed.values.output} ${foreign}; nothing was changed`);
    process.env[VARIABLES.outdir] = resolve(parsed.values.output);
  }
  const values = parsed.values as { 'auto-approve'?: boolean; 'expect-plan'?: string; 'json-plan'?: string };
  return {
    environment,
    autoApprove: values['auto-approve'] === true,
    ...(values['expect-plan'] === undefined ? {} : { expectPlan: values['expect-plan'] }),
    ...(values['json-plan'] === undefined ? {} : { jsonPlan: values['json-plan'] }),
  };
}
