import type { IAMClient } from '@aws-sdk/client-iam';
import type { Route53Client } from '@aws-sdk/client-route-53';
import { liveChecks, type DnsResolver, type LiveCheckOptions } from '../../../../reconcile/drift/live-checks';
import { planChanges } from '../../../../review';
import { environment, fileWith, validFile } from '../../../support/environment';
import { plan, planFile, resourceChange } from '../../review/plan-support';

const KEY = 'AKIAIOSFODNN7EXAMPLE';
const NOW = new Date('2026-03-10T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

/** The deployed key as the plan shows it: its ID and status in state, the secret masked. */
const changes = (key: Record<string, unknown> | undefined) => {
  const address = 'aws_iam_access_key.integration_access-key_key-blue_3BF65A66';
  const { projectDir, file } = planFile(plan(key === undefined ? [] : [resourceChange(address, ['no-op'], key, key)]));
  return planChanges(projectDir, [{ environment: 'test', file }]).environments[0];
};
const deployedKey = {
  id: KEY,
  status: 'Active',
  create_date: daysAgo(30).toISOString(),
  secret: 'wJalrXUtnFEMI/K7MDENG',
};

/** An SDK client that answers each command by its name, as the service would. */
const client = <T>(answers: Record<string, (input: any) => unknown>) =>
  ({
    send: async (command: { constructor: { name: string }; input: unknown }) => {
      const answer = answers[command.constructor.name];
      if (answer === undefined) throw new Error(`unexpected ${command.constructor.name}`);
      return answer(command.input);
    },
  }) as unknown as T;

const awsError = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

const zone = (records: { Name: string; Type: string; Values: string[] }[]) =>
  client<Route53Client>({
    ListResourceRecordSetsCommand: () => ({
      ResourceRecordSets: records.map((r) => ({
        Name: `${r.Name}.`,
        Type: r.Type,
        TTL: 300,
        ResourceRecords: r.Values.map((Value) => ({ Value })),
      })),
      IsTruncated: false,
    }),
  });

const resolver = (answers: Partial<Record<keyof DnsResolver, (host: string) => Promise<string[]>>>): DnsResolver => ({
  resolveCname: answers.resolveCname ?? (async () => []),
  resolveNs: answers.resolveNs ?? (async () => []),
});

const declaredZone = () => zone([{ Name: 't.initech.example', Type: 'CNAME', Values: ['initech.campaign.adobe.com'] }]);

async function check(
  overrides: Partial<LiveCheckOptions> & { key?: Record<string, unknown>; lastUsed?: Date } = {},
  file = validFile(),
) {
  const options: LiveCheckOptions = {
    iam: client<IAMClient>({
      GetAccessKeyLastUsedCommand: () => ({
        AccessKeyLastUsed:
          overrides.lastUsed === undefined
            ? { ServiceName: 'N/A' }
            : { LastUsedDate: overrides.lastUsed, ServiceName: 's3' },
      }),
    }),
    route53: declaredZone(),
    resolver: resolver({ resolveCname: async () => ['initech.campaign.adobe.com.'] }),
    keyUnusedDays: 7,
    now: NOW,
    ...overrides,
  };
  return liveChecks(await environment(file), changes('key' in overrides ? overrides.key : deployedKey), options);
}
const byCheck = async (name: string, ...args: Parameters<typeof check>) =>
  (await check(...args)).filter((c) => c.check === name).map(({ status, detail }) => ({ status, detail }));

describe('the access key’s last use', () => {
  it('passes when Campaign used the key within the allowed days', async () => {
    expect(await byCheck('access-key-use', { lastUsed: daysAgo(2) })).toEqual([
      { status: 'ok', detail: 'last used 2026-03-08 (s3)' },
    ]);
  });

  it('is reported when the key has not been used for longer than allowed', async () => {
    expect(await byCheck('access-key-use', { lastUsed: daysAgo(9) })).toEqual([
      {
        status: 'finding',
        detail:
          "last used 2026-03-01 (s3): not used for 9 days (more than 7); Campaign's exchange with Audience Manager may be broken (check the external accounts' Test connection)",
      },
    ]);
    expect(await byCheck('access-key-use', { lastUsed: daysAgo(9), keyUnusedDays: 10 })).toEqual([
      { status: 'ok', detail: 'last used 2026-03-01 (s3)' },
    ]);
  });

  it('counts from its creation a key never used, so a new key gets its days too', async () => {
    expect(await byCheck('access-key-use', {})).toEqual([
      {
        status: 'finding',
        detail: expect.stringMatching(
          /^never used since it was created 2026-02-08: not used for 30 days \(more than 7\)/,
        ),
      },
    ]);
    const fresh = { ...deployedKey, create_date: daysAgo(1).toISOString() };
    expect(await byCheck('access-key-use', { key: fresh })).toEqual([{ status: 'ok', detail: 'never used' }]);
  });

  it('reports an inactive active-slot key without asking IAM, and skips a slot with no key yet', async () => {
    const iam = client<IAMClient>({});
    expect(await byCheck('access-key-use', { iam, key: { ...deployedKey, status: 'Inactive' } })).toEqual([
      { status: 'finding', detail: 'the key of the active slot `blue` is Inactive' },
    ]);
    expect(await byCheck('access-key-use', { iam, key: undefined })).toEqual([
      { status: 'skipped', detail: 'no deployed key in this slot yet' },
    ]);
  });

  it('is reported when IAM no longer knows the key: it was deleted outside Terraform', async () => {
    const gone = client<IAMClient>({
      GetAccessKeyLastUsedCommand: () => Promise.reject(awsError('NoSuchEntity', 404)),
    });
    expect(await byCheck('access-key-use', { iam: gone })).toEqual([
      { status: 'finding', detail: 'IAM does not know this key: it was deleted outside Terraform' },
    ]);
  });

  it('says what it could not read, and never shows the secret', async () => {
    const denied = client<IAMClient>({
      GetAccessKeyLastUsedCommand: () => Promise.reject(awsError('AccessDenied', 403)),
    });
    const checks = await check({ iam: denied });
    expect(checks.find((c) => c.check === 'access-key-use')).toEqual({
      check: 'access-key-use',
      subject: KEY,
      status: 'error',
      detail: 'GetAccessKeyLastUsed: access denied (AccessDenied)',
    });
    expect(JSON.stringify(checks)).not.toContain(deployedKey.secret);
  });
});

describe('the tracking record', () => {
  it('passes when Route53 holds it and DNS resolves it as declared', async () => {
    expect(await byCheck('tracking-record')).toEqual([
      { status: 'ok', detail: 'points to `initech.campaign.adobe.com`, as declared' },
    ]);
    expect(await byCheck('tracking-dns')).toEqual([
      { status: 'ok', detail: 'resolves to `initech.campaign.adobe.com`, as declared' },
    ]);
  });

  it('is reported when missing from the zone or pointing elsewhere', async () => {
    expect(await byCheck('tracking-record', { route53: zone([]) })).toEqual([
      { status: 'finding', detail: 'missing from hosted zone Z0TESTZONE000000001' },
    ]);
    const elsewhere = zone([{ Name: 't.initech.example', Type: 'CNAME', Values: ['phishing.example'] }]);
    expect(await byCheck('tracking-record', { route53: elsewhere })).toEqual([
      { status: 'finding', detail: 'points to `phishing.example`, declared `initech.campaign.adobe.com`' },
    ]);
  });

  it('is reported when public DNS does not resolve it, and an error when the resolver fails', async () => {
    const gone = resolver({ resolveCname: () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' })) });
    expect(await byCheck('tracking-dns', { resolver: gone })).toEqual([
      { status: 'finding', detail: 'does not resolve (ENOTFOUND): tracking links through it are broken' },
    ]);
    const failing = resolver({
      resolveCname: () => Promise.reject(Object.assign(new Error('x'), { code: 'ESERVFAIL' })),
    });
    expect(await byCheck('tracking-dns', { resolver: failing })).toEqual([
      { status: 'error', detail: 'DNS resolution failed (ESERVFAIL)' },
    ]);
  });

  it('asks for the name servers of a delegated subdomain, in any order', async () => {
    const delegated = fileWith((f) => {
      f.dns.trackingServer = {
        method: 'delegation',
        subdomain: 'mc.initech.example',
        nameServers: ['ns1.adobe.example', 'ns2.adobe.example'],
      };
    });
    const asked: string[] = [];
    const checks = await check(
      {
        route53: zone([
          { Name: 'mc.initech.example', Type: 'NS', Values: ['ns2.adobe.example.', 'ns1.adobe.example.'] },
        ]),
        resolver: resolver({
          resolveNs: async (host) => (asked.push(host), ['NS2.adobe.example', 'ns1.adobe.example']),
        }),
      },
      delegated,
    );
    expect(checks.filter((c) => c.check !== 'access-key-use').map((c) => [c.check, c.subject, c.status])).toEqual([
      ['tracking-record', 'mc.initech.example NS', 'ok'],
      ['tracking-dns', 'mc.initech.example NS', 'ok'],
    ]);
    expect(asked).toEqual(['mc.initech.example']);
  });

  it('skips public DNS without a resolver (an emulator environment)', async () => {
    expect(await byCheck('tracking-dns', { resolver: undefined })).toEqual([
      { status: 'skipped', detail: 'emulator environment: no public DNS to ask' },
    ]);
  });
});
