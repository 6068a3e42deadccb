import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ownedFolder, removeOwned, type OwnedFolder } from '../../runtime/owned-folders';
import { join, relative } from 'node:path';
import { unknownEnvironment } from '../../config/environment-files';
import type { Environment } from '../../config/environment';
import { loadEnvironments } from '../../config/load';
import { isAdobeProvisioned, stackOwnedReceiver } from '../../config/receiver-mode';
import { describeNonConvergence } from '../convergence';
import { deployEnvironment } from '../deploy';
import { lastLines } from '../../runtime/processes';
import { terraform } from '../../runtime/terraform';
import { cacheDir, projectPaths, projectRoot, stagingDirOf } from '../../runtime/project-paths';
import { type SynthesizedEnvironment, synthesize } from '../../synth/synthesize';
import { restrictLocalStateFiles } from '../../stacks/local-state-files';
import { verifyConnection } from '../verify/connection-check';
import { connectionTarget, issuedKey, terraformOutputs } from '../verify/issued-key';
import {
  createBucket,
  createHostedZone,
  emptyVersionedBucket,
  emulatorRoute53,
  emulatorS3,
  withBucketPolicySetAside,
} from '../../emulator/aws';
import { checkAdobeConnection, playAdobe, withEmulatorAdobeKey } from './adobe-receiver';
import { type Credentials } from '../../emulator/aws';
import { emulatorCopy } from '../../emulator/emulator-copy';
import { startMoto, type Moto } from '../../emulator/moto';
import { ensurePythonTools, REQUIREMENTS } from '../../emulator/python-venv';

/** A step that failed: what went wrong, the lines that show it, and where the whole story is. */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly lines: readonly string[] = [],
  ) {
    super(message);
  }
}

/**
 * One `npm run local` run: an example environment, deployed to a private moto emulator and checked,
 * then torn down. Each method is one step the command reports; state passes from one to the next.
 * Everything it writes lives in `.cache/local/<environment>/` (the log, the copy's environment
 * file, its synthesized stack and its local state); the example file is only read.
 */
export class LocalRun {
  readonly dir: string;
  readonly logFile: string;
  /** `.cache/local`: every local run's folder is inside it, and nothing else is ever removed. */
  private readonly cache: OwnedFolder = ownedFolder(cacheDir('local'), 'the local runs folder (.cache/local)');
  private moto: Moto | undefined;
  private copy: Environment | undefined;
  private synthesized: SynthesizedEnvironment | undefined;
  /** The key the emulator made in Adobe's place, for an environment whose receiver Adobe provisioned. */
  private adobeKey: Credentials | undefined;

  /** `environment` must be the name of an existing environment file (the command checks it first). */
  constructor(
    readonly environment: string,
    private readonly environmentsDir: string,
  ) {
    this.dir = cacheDir('local', environment);
    this.logFile = join(this.dir, 'local.log');
  }

  get endpoint(): string | undefined {
    return this.moto?.endpoint;
  }

  get stackDir(): string {
    return join(this.dir, 'cdktf.out', 'stacks', this.environment);
  }

  /** Paths for people: relative to the project folder. */
  shown(path: string): string {
    return relative(process.cwd(), path) || '.';
  }

  private log(text: string): void {
    writeFileSync(this.logFile, `${text}\n`, { flag: 'a' });
  }

  /** Step 1: the emulator from the project's `.venv` (installed on first use) on a free loopback port. */
  async startEmulator(onInstall: (message: string) => void): Promise<string> {
    removeOwned(this.cache, this.dir);
    mkdirSync(this.dir, { recursive: true });
    this.log(`npm run local -- ${this.environment} (${new Date().toISOString()})`);
    const log = openSync(this.logFile, 'a');
    try {
      ensurePythonTools(REQUIREMENTS.emulator, { onInstall, output: log });
    } finally {
      closeSync(log);
    }
    this.moto = await startMoto({ logFile: join(this.dir, 'moto.log') });
    return `moto on ${this.moto.endpoint}`;
  }

  /** Step 2: the emulator copy of the example, with what it needs created in the emulator first. */
  async deriveCopy(): Promise<{ detail: string; notes: string[] }> {
    const moto = this.required(this.moto);
    const examples = await loadEnvironments({
      projectDir: projectRoot(),
      environmentsDir: this.environmentsDir,
      outputDirs: projectPaths(projectRoot()).outputDirs,
    });
    const original = examples.find((e) => e.name === this.environment);
    if (original === undefined)
      throw new StepFailure(
        unknownEnvironment(
          this.environment,
          examples.map((e) => e.name),
        ),
      );
    const hostedZoneId = await createHostedZone(emulatorRoute53(moto.endpoint), original.dns.zoneName);
    const accessLogs = stackOwnedReceiver(original)?.accessLogs;
    if (accessLogs !== undefined) {
      await createBucket(
        emulatorS3(moto.endpoint, undefined, original.aws.region),
        accessLogs.bucketName,
        original.aws.region,
      );
    }
    const raw = JSON.parse(readFileSync(join(this.environmentsDir, `${this.environment}.json`), 'utf8'));
    const { file, notes } = emulatorCopy(raw, original, {
      endpoint: moto.endpoint,
      accountId: moto.accountId,
      hostedZoneId,
      statePath: join(this.dir, 'terraform.tfstate'),
    });
    if (isAdobeProvisioned(original)) {
      this.adobeKey = await playAdobe(moto.endpoint, original);
      notes.push(withEmulatorAdobeKey(file, this.adobeKey));
    }
    const environments = join(this.dir, 'environments');
    mkdirSync(environments, { recursive: true });
    writeFileSync(join(environments, `${this.environment}.json`), `${JSON.stringify(file, null, 2)}\n`);
    const outdir = join(this.dir, 'cdktf.out');
    [this.synthesized] = await synthesize({ environmentsDir: environments, outdir, projectDir: projectRoot() });
    [this.copy] = await loadEnvironments({
      projectDir: projectRoot(),
      environmentsDir: environments,
      outputDirs: [outdir, stagingDirOf(outdir)],
    });
    return {
      detail: `${original.sourceFile} → ${this.shown(join(environments, `${this.environment}.json`))}, zone ${original.dns.zoneName} (${hostedZoneId}), account ${moto.accountId}`,
      notes,
    };
  }

  /** Step 3: `cdktf deploy`, then the plan that must show no changes. */
  async deploy(): Promise<string> {
    const { cdktf, convergence } = await deployEnvironment({
      environment: this.environment,
      outdir: join(this.dir, 'cdktf.out'),
      autoApprove: true,
      logFile: this.logFile,
    }).finally(() => this.copy !== undefined && restrictLocalStateFiles(this.copy, projectRoot()));
    if (cdktf.status !== 0) throw new StepFailure(`cdktf deploy exited with ${cdktf.status}`, lastLines(cdktf.output));
    if (!convergence.converged) {
      throw new StepFailure(
        'the deploy did not converge',
        describeNonConvergence(this.environment, convergence).split('\n'),
      );
    }
    const state = JSON.parse(readFileSync(join(this.dir, 'terraform.tfstate'), 'utf8')) as { resources: unknown[] };
    return `${state.resources.length} resources; the plan after apply shows no changes`;
  }

  /** Step 4: what `npm run verify` does, with the issued key. */
  async checkConnection(): Promise<string> {
    const env = this.required(this.copy);
    if (isAdobeProvisioned(env)) return this.checkAdobeConnection(env);
    const target = connectionTarget(env, issuedKey(env, this.stackDir));
    // moto ignores the conditions of the TLS-only bucket policy and would deny every object request.
    const results = await withBucketPolicySetAside(emulatorS3(this.required(this.moto).endpoint), target.bucket, () =>
      verifyConnection(target),
    );
    for (const r of results) this.log(`${r.ok ? '✓' : '✗'} ${r.step}: ${r.detail}`);
    const failed = results.find((r) => !r.ok);
    if (failed !== undefined) throw new StepFailure(`${failed.step} failed`, [`✗ ${failed.step}: ${failed.detail}`]);
    return `${results.map((r) => r.step).join(', ')} under s3://${target.bucket}/${target.folder} with access key ${target.accessKeyId}`;
  }

  /** Step 4 for a receiver Adobe provisioned: the secret stored as `npm run secret` stores it, then verified from there. */
  private async checkAdobeConnection(env: Parameters<typeof checkAdobeConnection>[0]): Promise<string> {
    const { results, where, accessKeyId } = await checkAdobeConnection(
      env,
      this.required(this.adobeKey).secretAccessKey,
    );
    for (const r of results) this.log(`${r.ok ? '✓' : r.restricted ? '!' : '✗'} ${r.step}: ${r.detail}`);
    const failed = results.find((r) => !r.ok && r.restricted !== true);
    if (failed !== undefined) throw new StepFailure(`${failed.step} failed`, [`✗ ${failed.step}: ${failed.detail}`]);
    return `secret stored in Secrets Manager, then ${results.map((r) => r.step).join(', ')} under ${where} with Adobe's access key ${accessKeyId}`;
  }

  /** Step 5's material: non-sensitive outputs and the generated documents. */
  outputs(): { outputs: [string, string][]; documents: string[] } {
    const outputs = Object.entries(terraformOutputs(this.stackDir))
      .filter(([, o]) => !o.sensitive)
      .map(([name, o]): [string, string] => [name, typeof o.value === 'string' ? o.value : JSON.stringify(o.value)]);
    return { outputs, documents: this.required(this.synthesized).documents.map((d) => this.shown(d)) };
  }

  /** Step 6: empty the bucket and destroy what was deployed; the local state (holding the dummy secret) goes too. */
  async destroy(): Promise<string> {
    // Versioning keeps the probe's versions; force-destroy's DeleteObjects fails on them in moto.
    // Adobe's receiver (played by the emulator) is not the stack's: it stays until the emulator stops.
    const bucket = stackOwnedReceiver(this.required(this.copy))?.bucketName;
    const s3 = emulatorS3(this.required(this.moto).endpoint);
    if (bucket !== undefined) await withBucketPolicySetAside(s3, bucket, () => emptyVersionedBucket(s3, bucket));
    const destroyed = await terraform(this.stackDir, ['destroy', '-auto-approve', '-input=false', '-no-color'], {
      logFile: this.logFile,
      timeoutMs: 600_000,
    });
    if (destroyed.status !== 0)
      throw new StepFailure(`terraform destroy exited with ${destroyed.status}`, lastLines(destroyed.output));
    const count = /Destroy complete! Resources: (\d+) destroyed/.exec(destroyed.output)?.[1] ?? '?';
    this.removeState();
    return `${count} resources destroyed`;
  }

  /** Stops the emulator, if it runs; safe to call at any time, twice. */
  async stopEmulator(): Promise<void> {
    await this.moto?.stop();
    this.moto = undefined;
  }

  /** Local state and its backup: nothing in them outlives the emulator. */
  removeState(): void {
    for (const file of ['terraform.tfstate', 'terraform.tfstate.backup']) {
      const path = join(this.dir, file);
      if (existsSync(path)) rmSync(path);
    }
  }

  private required<T>(value: T | undefined): T {
    if (value === undefined) throw new Error('local run steps out of order');
    return value;
  }
}
