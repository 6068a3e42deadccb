import { parseArgs } from 'node:util';
import { ConfigError } from '../config/problems';
import { projectPaths } from '../runtime/project-paths';
import { describePromotionError } from '../promote/describe-error';
import { promote, PromoteUsageError } from '../promote/promote';
import { promotionJson, statusJson } from '../promote/render-json';
import { renderPromotion, renderStatus } from '../promote/render-text';
import { promotionStatus } from '../promote/status';
import { loadWorkspace } from '../promote/workspace';
import { runCommandLine } from './run-command-line';

const USAGE = `usage: npm run promote -- <from> <to> [--write] [--check] [--json] [--allow-weaker "<reason>"]
       npm run promote -- --status [--json]

Compares the shared settings of two environments, <to> promoted from <from> in one of the lanes of
environments/_promotion.json (per-environment values stay) and, with --write, copies them into
<to>'s file. Intended differences declared in that file are skipped.
  --write                 update <to>'s file (only the promoted paths; validated like synth first)
  --check                 exit 1 when <to> lags <from>, 0 when it does not
  --allow-weaker <reason> let --write weaken a production-tier environment's security; printed
  --status                how far each environment lags the one it is promoted from, lane by lane
  --json                  machine-readable output

Without lanes in environments/_promotion.json, environments are promoted by tier (development →
staging → production) as long as each tier holds one environment; otherwise promote says which
lanes to declare.

Exit codes: 0 done (or up to date), 1 lag with --check or nothing written with --write, 2 bad input.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      write: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      status: { type: 'boolean', default: false },
      'allow-weaker': { type: 'string' },
    },
  });
  const print = (json: unknown, text: string) => console.log(values.json ? JSON.stringify(json, null, 2) : text);
  const cwd = process.cwd();

  if (values.status) {
    if (positionals.length > 0 || values.write || values.check || values['allow-weaker'] !== undefined) {
      throw new PromoteUsageError(`--status takes no environments and no other option than --json\n\n${USAGE}`);
    }
    const workspace = await loadWorkspace(projectPaths(cwd).environmentsDir, cwd);
    const status = promotionStatus(workspace);
    print(statusJson(workspace, status), renderStatus(workspace, status));
    return 0;
  }

  if (positionals.length !== 2) throw new PromoteUsageError(USAGE);
  if (values.write && values.check) throw new PromoteUsageError('--check only reports; leave out --write or --check');
  if (values['allow-weaker'] !== undefined && !values.write) {
    throw new PromoteUsageError('--allow-weaker only applies to --write');
  }
  const workspace = await loadWorkspace(projectPaths(cwd).environmentsDir, cwd);
  const result = await promote(workspace, positionals[0], positionals[1], {
    write: values.write,
    allowWeaker: values['allow-weaker'],
  });
  print(promotionJson(workspace, result), renderPromotion(workspace, result));
  if (result.write?.status === 'refused') return 1;
  return values.check && result.lags ? 1 : 0;
}

runCommandLine(main, {
  help: USAGE,
  usage: [PromoteUsageError, ConfigError],
  describe: (error) => describePromotionError(error, 'cannot promote', 'nothing was written'),
});
