import { Testing } from 'cdktf';
import { EnvironmentStack } from '../../stacks/environment-stack';
import type { Environment } from '../../config/environment';
import { parseEnvironment } from '../../config/load';

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

/** Applies `change` to a fresh valid file and returns it. */
export function fileWith(change: (file: Record<string, any>) => void): Record<string, any> {
  const file = validFile();
  change(file);
  return file;
}

/** Parses file contents as `environments/<name>.json`; fails the test with the problems if invalid. */
export function environment(file: Record<string, any> = validFile(), name = 'test'): Environment {
  const parsed = parseEnvironment(`environments/${name}.json`, JSON.stringify(file));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message} [${p.rule}]`).join('\n'));
  return parsed.environment;
}

/** The synthesized Terraform JSON of one environment's stack, as a string (for the cdktf matchers). */
export function synthStack(file: Record<string, any> = validFile(), name = 'test'): string {
  const app = Testing.app({ enableFutureFlags: false });
  const stack = new EnvironmentStack(app, { environment: environment(file, name), projectDir: '/project' });
  return Testing.synth(stack);
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
