import { maskInActionsLog } from '../github/mask-in-actions-log';
import { verifyConnection } from '../verify/connection-check';
import { connectionTarget, issuedKey, IssuedKeyError } from '../verify/issued-key';
import { ConfigError } from '../config/problems';
import { StatusLine } from './progress';
import { selectEnvironment } from './select-environment';
import { runCommandLine } from './run-command-line';
import { UsageError } from './usage-error';

const USAGE = `usage: npm run verify -- <environment>

Checks a deployed environment like Campaign's "test connection": with the issued key it writes,
lists, reads and deletes a probe object under the import folder, and reports each step.
The key comes from the deploy outputs, or from CAMPAIGN_AAM_ACCESS_KEY_ID and
CAMPAIGN_AAM_SECRET_ACCESS_KEY (required when the secret is PGP-encrypted).`;

// The SDK is pinned, so its notice about future releases needing Node 22 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(args: string[]): Promise<number> {
  if (args.length > 1) throw new UsageError(`one environment, and nothing else (got ${args.join(' ')})\n\n${USAGE}`);
  const { env, paths } = await selectEnvironment(args[0], USAGE);
  const name = env.name;

  const key = issuedKey(env, paths.stackDir(name));
  // Before anything else is printed: whatever follows, the job log shows `***` for the secret.
  maskInActionsLog(key.secretAccessKey);
  const target = connectionTarget(env, key);
  console.log(
    `Checking s3://${target.bucket}/${target.folder} with access key ${target.accessKeyId} (${target.region})`,
  );
  const status = new StatusLine();
  status.set('checking: write…');
  const results = await verifyConnection(target, (result) => {
    status.clear();
    console.log(`${result.ok ? '✓' : '✗'} ${result.step}: ${result.detail}`);
  });
  status.clear();
  const ok = results.length === 4 && results.every((r) => r.ok);
  console.log(ok ? 'Connection check passed.' : 'Connection check FAILED.');
  return ok ? 0 : 1;
}

runCommandLine(main, { help: USAGE, usage: [ConfigError, IssuedKeyError] });
