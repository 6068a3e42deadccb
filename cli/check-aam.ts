import { parseArgs } from 'node:util';
import { ConfigError } from '../config/problems';
import { checkEnvironment } from '../integrations/audience-manager/checks';
import { AudienceManagerClient } from '../integrations/audience-manager/client';
import { AamApiError, AamSetupError } from '../integrations/audience-manager/errors';
import { readFacts } from '../integrations/audience-manager/facts';
import { ImsToken } from '../integrations/audience-manager/ims-token';
import { allPassed, renderJson, renderText, type EnvironmentReport } from '../integrations/audience-manager/render';
import { aamSettings } from '../integrations/audience-manager/settings';
import { StatusLine } from './progress';
import { runCommandLine } from './run-command-line';
import { selectEnvironments } from './select-environment';
import { UsageError } from './usage-error';
import { VARIABLES } from '../runtime/environment-variables';

const USAGE = `usage: npm run check-aam -- [<environment>...] [--json]

Checks each environment file's AAM Destination IDs and Data Source/Alias values against Audience
Manager itself, read-only (GET requests and one token request): each destination exists, is active,
belongs to the data source its alias names and is not named for another environment; each alias
(and a Declared ID's integration code) exists. Without an environment, checks every one.

Signs in with an Adobe Developer Console OAuth Server-to-Server credential:
  ${VARIABLES.aam.clientId}, ${VARIABLES.aam.clientSecret}, ${VARIABLES.aam.scopes}   (required)
  ${VARIABLES.aam.apiUrl} (default https://aam.adobe.io), ${VARIABLES.aam.imsUrl} (default https://ims-na1.adobelogin.com)
  ${VARIABLES.aam.timeoutSeconds} (default 30)
The org is each file's organization.imsOrgId. See docs/audience-manager-check.md.

  --json   machine-readable output

Exit codes: 0 Audience Manager agrees, 1 a mismatch, 2 usage, configuration, credential or API errors.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const settings = aamSettings();
  const { selected, all } = await selectEnvironments(positionals);
  const client = new AudienceManagerClient(settings, new ImsToken(settings));
  const lists = new Map<string, Promise<unknown[]>>();
  const status = new StatusLine();
  const reports: EnvironmentReport[] = [];
  try {
    for (const env of selected) {
      status.set(`asking Audience Manager about ${env.name}…`);
      const facts = await readFacts(client, env, lists);
      const others = all
        .filter((o) => o.name !== env.name)
        .map((o) => ({ name: o.name, label: o.environment.label, sourceFile: o.sourceFile }));
      reports.push({
        environment: env.name,
        file: env.sourceFile,
        imsOrgId: env.organization.imsOrgId,
        checks: checkEnvironment(env, facts, others),
      });
    }
  } finally {
    status.clear();
  }
  console.log(values.json ? renderJson(reports) : renderText(reports));
  return allPassed(reports) ? 0 : 1;
}

// A check that could not run (bad call, bad file, no credential, an API that said no) exits 2, not 1:
// 1 is kept for "Audience Manager disagrees", which is what a deploy gates on.
runCommandLine(main, {
  help: USAGE,
  usage: [UsageError, ConfigError, AamSetupError, AamApiError],
  prefix: 'check-aam: ',
});
