import { maskInActionsLog } from '../integrations/github/mask-in-actions-log';
import { verifyConnection } from '../deploy/verify/connection-check';
import { connectionTarget, issuedKey, IssuedKeyError } from '../deploy/verify/issued-key';
import { ConfigError } from '../config/problems';
import { isAdobeProvisioned } from '../config/receiver-mode';
import { AdobeSecretError } from '../deploy/adobe-secret/adobe-secret-store';
import { adobeImportKey } from '../deploy/verify/adobe-key';
import { StatusLine } from './progress';
import { selectEnvironment } from './select-environment';
import { runCommandLine } from './run-command-line';
import { UsageError } from './usage-error';

const USAGE = `usage: npm run verify -- <environment>

Checks a deployed environment like Campaign's "test connection": with the issued key it writes,
lists, reads and deletes a probe object under the import folder, and reports each step.
The key comes from the deploy outputs, or from CAMPAIGN_AAM_ACCESS_KEY_ID and
CAMPAIGN_AAM_SECRET_ACCESS_KEY (required when the secret is PGP-encrypted). When Adobe provisioned
the receiver, the check uses the import account's location and key, with the secret stored by
\`npm run secret -- set <environment>\`; a key Adobe does not allow to list or delete is reported as
restricted, and the check still passes when writing and reading work.`;

async function main(args: string[]): Promise<number> {
  if (args.length > 1) throw new UsageError(`one environment, and nothing else (got ${args.join(' ')})\n\n${USAGE}`);
  const { env, paths } = await selectEnvironment(args[0], USAGE);
  const name = env.name;

  const key = isAdobeProvisioned(env) ? await adobeImportKey(env) : issuedKey(env, paths.stackDir(name));
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
    console.log(`${result.ok ? '✓' : result.restricted ? '!' : '✗'} ${result.step}: ${result.detail}`);
  });
  status.clear();
  const ok = results.length === 4 && results.every((r) => r.ok || r.restricted === true);
  const restricted = results.filter((r) => r.restricted === true).map((r) => r.step);
  console.log(
    !ok
      ? 'Connection check FAILED.'
      : restricted.length > 0
        ? `Connection check passed; Adobe's key may not ${restricted.join(' or ')}.`
        : 'Connection check passed.',
  );
  return ok ? 0 : 1;
}

runCommandLine(main, { help: USAGE, usage: [ConfigError, IssuedKeyError], failures: [AdobeSecretError] });
