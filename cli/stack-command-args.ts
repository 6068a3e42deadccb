import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { foreignOutputFolder } from '../synth/output-folder';
import { UsageError } from './usage-error';

export interface StackCommandArgs {
  readonly environment: string;
  readonly autoApprove: boolean;
}

/**
 * The arguments of `npm run plan` and `npm run deploy`: one environment, cdktf's own `--output
 * <dir>` and, where the command allows it, `--auto-approve`. `--output` becomes `CDKTF_OUTDIR`, so
 * the synth, its checks of where local state may live, and the cdktf child all use one folder.
 */
export function parseStackCommandArgs(
  argv: string[],
  usage: string,
  allowed: { autoApprove: boolean },
): StackCommandArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string' },
        ...(allowed.autoApprove ? { 'auto-approve': { type: 'boolean' as const } } : {}),
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
  const [environment, ...extra] = parsed.positionals;
  if (environment === undefined) throw new UsageError(usage);
  if (extra.length > 0) throw new UsageError(`one environment at a time, not also ${extra.join(', ')}\n\n${usage}`);
  if (parsed.values.output !== undefined) {
    const foreign = foreignOutputFolder(resolve(parsed.values.output));
    if (foreign !== undefined) throw new UsageError(`--output ${parsed.values.output} ${foreign}; nothing was changed`);
    process.env.CDKTF_OUTDIR = resolve(parsed.values.output);
  }
  return { environment, autoApprove: parsed.values['auto-approve'] === true };
}
