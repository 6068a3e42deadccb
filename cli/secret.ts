import { parseArgs } from 'node:util';
import { awsClients } from '../runtime/aws-clients';
import { ConfigError } from '../config/problems';
import { ADOBE_ACCOUNTS, type AdobeAccount } from '../config/receiver-mode';
import {
  AdobeSecretError,
  AdobeSecretPlaceError,
  adobeSecretPlaces,
  secretProblem,
  storeAdobeSecret,
} from '../deploy/adobe-secret/adobe-secret-store';
import { readSecretInput } from '../deploy/adobe-secret/read-secret-input';
import { runCommandLine } from './run-command-line';
import { selectEnvironment } from './select-environment';
import { UsageError } from './usage-error';

const USAGE = `usage: npm run secret -- set <environment> [--account import|export]

Stores the Secret Access Key that Adobe sent for an environment whose receiver Adobe provisioned
(receiver.mode "adobe-provisioned") in the AWS Secrets Manager secret its stack declares, as a new
version. The secret is read from standard input (e.g. \`npm run secret -- set production < file\`)
or, on a terminal, from a hidden prompt; it is never printed, logged or written to a file. Prints
the access key ID it belongs to and the version ID. Uses the AWS credentials \`npm run deploy\`
uses; deploy first, which declares the secret.
  --account   import or export: which account's key, needed when Adobe sent two different keys
              (with one key, both accounts' secrets are set)

Exit codes: 0 stored; 1 Secrets Manager refused; 2 usage or configuration error.`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { account: { type: 'string' } },
  });
  const [action, name, ...extra] = parsed.positionals;
  if (action !== 'set') throw new UsageError(action === undefined ? USAGE : `unknown action "${action}"\n\n${USAGE}`);
  if (extra.length > 0) throw new UsageError(`one environment, and nothing else (got ${extra.join(' ')})\n\n${USAGE}`);
  const account = parsed.values.account;
  if (account !== undefined && !(ADOBE_ACCOUNTS as readonly string[]).includes(account))
    throw new UsageError(`--account is import or export, not "${account}"\n\n${USAGE}`);

  const { env } = await selectEnvironment(name, USAGE);
  const places = adobeSecretPlaces(env, account as AdobeAccount | undefined);
  const secret = await readSecretInput(`Secret Access Key of ${places[0].accessKeyId} (not shown): `);
  const problem = secretProblem(secret, places[0]);
  if (problem !== undefined) throw new UsageError(`nothing was stored: ${problem}`);

  const clients = awsClients(env);
  try {
    for (const place of places) {
      const version = await storeAdobeSecret(clients.secretsManager, place, secret, env.name);
      console.log(
        `Stored the secret access key of ${place.accessKeyId} (${place.account}) in ${place.secretName}: version ${version}`,
      );
    }
  } finally {
    clients.destroy();
  }
  return 0;
}

runCommandLine(main, { help: USAGE, usage: [ConfigError, AdobeSecretPlaceError], failures: [AdobeSecretError] });
