import { execFileSync } from 'node:child_process';
import { OUTPUTS } from '../campaign/output-names';
import { verifyConnection } from '../verify/connection-check';
import { ConfigError } from '../config/problems';
import { selectEnvironment, UsageError } from './select-environment';

const USAGE = `usage: npm run verify -- <environment>

Checks a deployed environment like Campaign's "test connection": with the issued key it writes,
lists, reads and deletes a probe object under the import folder, and reports each step.
The key comes from the deploy outputs, or from CAMPAIGN_AAM_ACCESS_KEY_ID and
CAMPAIGN_AAM_SECRET_ACCESS_KEY (required when the secret is PGP-encrypted).`;

// The SDK is pinned, so its notice about future releases needing Node 22 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function terraformOutputs(stackDir: string): Record<string, { value: unknown }> {
  try {
    return JSON.parse(
      execFileSync('terraform', [`-chdir=${stackDir}`, 'output', '-json'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
  } catch {
    throw new UsageError(
      `cannot read the outputs of ${stackDir}: synthesize and deploy the environment first (terraform output failed)`,
    );
  }
}

async function main(args: string[]): Promise<number> {
  const { env, paths } = selectEnvironment(args[0], USAGE);
  const name = env.name;

  let accessKeyId = process.env.CAMPAIGN_AAM_ACCESS_KEY_ID;
  let secretAccessKey = process.env.CAMPAIGN_AAM_SECRET_ACCESS_KEY;
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    if (env.accessKey.pgpPublicKey !== undefined) {
      throw new UsageError(
        'the secret is PGP-encrypted: decrypt it (see the setup sheet) and pass it in CAMPAIGN_AAM_ACCESS_KEY_ID and CAMPAIGN_AAM_SECRET_ACCESS_KEY',
      );
    }
    const outputs = terraformOutputs(paths.stackDir(name));
    accessKeyId = outputs[OUTPUTS.activeAccessKeyId]?.value as string | undefined;
    secretAccessKey = outputs[OUTPUTS.secretAccessKey(env.accessKey.activeSlot)]?.value as string | undefined;
    if (accessKeyId === undefined || secretAccessKey === undefined)
      throw new UsageError(`the outputs of "${name}" hold no access key: is it deployed?`);
  }

  const folder = `${env.receiver.prefix}${env.campaign.externalAccounts.import.folder}/`;
  console.log(`Checking s3://${env.receiver.bucketName}/${folder} with access key ${accessKeyId} (${env.aws.region})`);
  const results = await verifyConnection({
    bucket: env.receiver.bucketName,
    folder,
    region: env.aws.region,
    accessKeyId,
    secretAccessKey,
    endpoint: env.aws.endpoint,
  });
  for (const result of results) console.log(`${result.ok ? '✓' : '✗'} ${result.step}: ${result.detail}`);
  const ok = results.length === 4 && results.every((r) => r.ok);
  console.log(ok ? 'Connection check passed.' : 'Connection check FAILED.');
  return ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof UsageError ? error.message : error);
    process.exitCode = 2;
  },
);
