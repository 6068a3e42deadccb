import { AnnotationMetadataEntryType, Manifest, type TerraformStack, Testing } from 'cdktf';
import { EnvironmentStack } from '../../stacks/environment-stack';
import { CollectingSynthesizer } from '../../cdktf-internals/collecting-synthesizer';
import { tempDir } from './temp';
import type { Environment } from '../../config/environment';
import { parseEnvironment } from '../../config/load';
import { stackOwnedReceiver, type StackOwnedReceiver } from '../../config/receiver-mode';

/** The contents of a small, valid environment file, as a user would write it. */
export function validFile(): Record<string, any> {
  return {
    environment: { label: 'Test', tier: 'development' },
    organization: { name: 'Initech', imsOrgId: 'ABCDEF0123456789ABCDEF01@AdobeOrg' },
    request: {
      service: 'audience-manager',
      identity: 'visitor-id',
      ownsAudienceManagerLicense: false,
      requester: { name: 'Peter Gibbons', email: 'peter@initech.example' },
    },
    aws: { region: 'us-east-1' },
    receiver: { bucketName: 'initech-campaign-aam-test' },
    dns: {
      hostedZoneId: 'Z0TESTZONE000000001',
      zoneName: 'initech.example',
      trackingServer: {
        method: 'cname',
        records: [{ hostname: 't.initech.example', target: 'initech.campaign.adobe.com' }],
      },
    },
    campaign: { dataSources: [{ type: 'visitor-id', aamDestinationId: '123456' }] },
  };
}

/** What Adobe's reply gave, as a `receiver` section: one bucket, a folder and the same key for each account. */
export const ADOBE_RECEIVER = {
  mode: 'adobe-provisioned',
  import: {
    receiverServer: 'adobe-aam-initech.s3.amazonaws.com/campaign/import',
    region: 'us-east-1',
    accessKeyId: 'AKIAADOBEEXAMPLE0001',
  },
  export: {
    receiverServer: 'adobe-aam-initech.s3.amazonaws.com/campaign/export',
    region: 'us-east-1',
    accessKeyId: 'AKIAADOBEEXAMPLE0001',
  },
} as const;

/** A valid file whose receiver Adobe provisioned, with `change` applied. */
export function adobeProvisionedFile(change: (file: Record<string, any>) => void = () => undefined) {
  return fileWith((f) => {
    f.receiver = structuredClone(ADOBE_RECEIVER);
    change(f);
  });
}

/** Applies `change` to a fresh valid file and returns it. */
export function fileWith(change: (file: Record<string, any>) => void): Record<string, any> {
  const file = validFile();
  change(file);
  return file;
}

/**
 * A valid file for environment `name` that can sit beside others made the same way: its own
 * bucket, tracking host and AAM destination, as the rules across environment files require.
 */
export function distinctFile(name: string, change: (file: Record<string, any>) => void = () => undefined) {
  const number = [...name].reduce((n, c) => (n * 31 + c.charCodeAt(0)) % 900_000, 7);
  return fileWith((f) => {
    f.receiver.bucketName = `initech-campaign-aam-${name}`;
    f.dns.trackingServer.records[0].hostname = `t-${name}.initech.example`;
    f.campaign.dataSources[0].aamDestinationId = String(100_000 + number);
    change(f);
  });
}

/** Parses file contents as `environments/<name>.json`; fails the test with the problems if invalid. */
export async function environment(file: Record<string, any> = validFile(), name = 'test'): Promise<Environment> {
  const parsed = await parseEnvironment(`environments/${name}.json`, JSON.stringify(file));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message} [${p.rule}]`).join('\n'));
  return parsed.environment;
}

/** The stack's own receiver of an environment that has one; fails the test otherwise. */
export function ownedReceiver(env: Environment): StackOwnedReceiver {
  const receiver = stackOwnedReceiver(env);
  if (receiver === undefined) throw new Error(`${env.name} has no stack-owned receiver`);
  return receiver;
}

let outdir: string | undefined;

/**
 * A stack's synthesized Terraform JSON, judged as `app.synth()` judges it. `Testing.synth` is not
 * enough: it runs the Aspects but not the synthesizer, where the policy checks run on the JSON
 * cdktf writes, and it only records errors. So the stack goes through the synthesizer `cdktf
 * synth` uses here (in memory), and every error annotation fails the test.
 */
export function synthChecked(stack: TerraformStack): string {
  let written: string | undefined;
  const synthesizer = new CollectingSynthesizer(stack, (_name, files) => (written = files.get('cdk.tf.json')));
  const errors = () =>
    stack.node
      .findAll()
      .flatMap((c) =>
        c.node.metadata
          .filter((m) => m.type === AnnotationMetadataEntryType.ERROR)
          .map((m) => `[${c.node.path}] ${String(m.data)}`),
      );
  // cdktf's manifest insists on a folder; the synthesizer writes nothing into it.
  outdir ??= tempDir();
  try {
    synthesizer.synthesize({ outdir, manifest: new Manifest('test', outdir, false), skipValidation: true });
  } catch (error) {
    if (errors().length === 0) throw error;
  }
  if (errors().length > 0) throw new Error(`synthesis recorded ${errors().length} error(s):\n${errors().join('\n')}`);
  // As Testing.synth returns it: without cdktf's `//` metadata.
  return JSON.stringify(
    JSON.parse(written!, (key, value) => (key === '//' ? undefined : value)),
    null,
    2,
  );
}

/** The synthesized Terraform JSON of one environment's stack, as a string (for the cdktf matchers); fails on any error annotation. */
export async function synthStack(file: Record<string, any> = validFile(), name = 'test'): Promise<string> {
  const app = Testing.app({ enableFutureFlags: false });
  const stack = new EnvironmentStack(app, { environment: await environment(file, name), projectDir: '/project' });
  return synthChecked(stack);
}

type Json = Record<string, any>;

/** All resources of one type in a synthesized stack, as a list of their attribute objects. */
export function resourcesOf(synthesized: string, type: string): Json[] {
  const resources = (JSON.parse(synthesized) as Json).resource?.[type] ?? {};
  return Object.values(resources as Json);
}

export function onlyResource(synthesized: string, type: string): Json {
  const all = resourcesOf(synthesized, type);
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}
