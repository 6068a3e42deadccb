/**
 * Every environment variable the project reads, named once. What each does, its default and who
 * reads it is docs/environment-variables.md, whose first table lists exactly these (a test keeps
 * the two equal), so code reads a variable through this table and never spells its name.
 */
export const VARIABLES = {
  /** The app and the commands. */
  environments: 'CAMPAIGN_AAM_ENVIRONMENTS',
  outdir: 'CDKTF_OUTDIR',
  stack: 'CAMPAIGN_AAM_STACK',
  synthOnly: 'CAMPAIGN_AAM_SYNTH_ONLY',
  callerFolder: 'INIT_CWD',
  ci: 'CI',
  tmpdir: 'TMPDIR',
  nodeOptions: 'NODE_OPTIONS',
  awsSdkNodeWarning: 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
  /** The connection check's key. */
  issuedKey: { accessKeyId: 'CAMPAIGN_AAM_ACCESS_KEY_ID', secretAccessKey: 'CAMPAIGN_AAM_SECRET_ACCESS_KEY' },
  /** Terraform and the cdktf core. */
  providerMirror: 'TF_PROVIDER_MIRROR',
  terraformConfig: 'TF_CLI_CONFIG_FILE',
  continueOnErrorAnnotations: 'CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS',
  hclOutput: 'SYNTH_HCL_OUTPUT',
  /** The Audience Manager check (the secret and the token are only ever held in memory). */
  aam: {
    clientId: 'AAM_CLIENT_ID',
    clientSecret: 'AAM_CLIENT_SECRET',
    scopes: 'AAM_SCOPES',
    apiUrl: 'AAM_API_URL',
    imsUrl: 'AAM_IMS_URL',
    timeoutSeconds: 'AAM_TIMEOUT_SECONDS',
  },
  /** The workflows' matrices. */
  planRoles: 'AWS_PLAN_ROLES',
  plaintextState: 'AWS_PLAN_PLAINTEXT_STATE',
  driftRoles: 'AWS_DRIFT_ROLES',
  /** What GitHub Actions sets. */
  github: {
    token: 'GITHUB_TOKEN',
    repository: 'GITHUB_REPOSITORY',
    apiUrl: 'GITHUB_API_URL',
    runId: 'GITHUB_RUN_ID',
    serverUrl: 'GITHUB_SERVER_URL',
    actions: 'GITHUB_ACTIONS',
    output: 'GITHUB_OUTPUT',
    stepSummary: 'GITHUB_STEP_SUMMARY',
  },
  /** The benchmark's memory probe. */
  benchMemoryFile: 'CAMPAIGN_AAM_BENCH_MEMORY_FILE',
} as const;

type Leaves<T> = T extends string ? T : { [K in keyof T]: Leaves<T[K]> }[keyof T];
export type VariableName = Leaves<typeof VARIABLES>;

/** Every name in the table. */
export const variableNames = (): VariableName[] => {
  const names: string[] = [];
  const walk = (node: object) =>
    Object.values(node).forEach((value) => (typeof value === 'string' ? names.push(value) : walk(value as object)));
  walk(VARIABLES);
  return names as VariableName[];
};

/** A variable's value; empty counts as unset (CI passes a secret nobody configured as an empty string). */
export function variable(name: VariableName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** A command needs a variable that is not set: a usage error (exit 2), with the command's usage after it. */
export class MissingVariableError extends Error {}

/** A variable's value, or a `MissingVariableError` naming it (and `why`, when given). */
export function requiredVariable(name: VariableName, why?: string): string {
  const value = variable(name);
  if (value === undefined) throw new MissingVariableError(`${name} is not set${why === undefined ? '' : ` (${why})`}`);
  return value;
}
