import { parseEnvironment } from '../../../config/load';
import { type ConfigProblem, formatProblem } from '../../../config/problems';
import { fileWith, validFile } from '../../support/environment';

const FILE = 'environments/test.json';

async function problemsOf(file: unknown, name = FILE): Promise<ConfigProblem[]> {
  const parsed = await parseEnvironment(name, JSON.stringify(file));
  if (parsed.ok) throw new Error('expected the file to be rejected');
  return parsed.problems;
}

const S3_BACKEND = { type: 's3', bucket: 'initech-state', key: 'campaign-aam/test.tfstate', region: 'us-east-1' };
const DELEGATION = {
  method: 'delegation',
  subdomain: 'email.initech.example',
  nameServers: ['ns1.adobe.example', 'ns2.adobe.example'],
};

const production = (f: Record<string, any>) => {
  f.environment.tier = 'production';
};

/** [rule broken, change to a valid file, path named in the error] */
const cases: [string, (f: Record<string, any>) => void, string][] = [
  ['ims-org-id', (f) => (f.organization.imsOrgId = 'ABCDEF0123456789ABCDEF01'), 'organization.imsOrgId'],
  ['ims-org-id', (f) => (f.organization.imsOrgId = 'SHORT@AdobeOrg'), 'organization.imsOrgId'],
  ['required', (f) => delete f.organization.name, 'organization.name'],
  ['single-line', (f) => (f.organization.name = 'Initech\nBcc: attacker@example.com'), 'organization.name'],
  ['type', (f) => (f.request.ownsAudienceManagerLicense = 'yes'), 'request.ownsAudienceManagerLicense'],
  ['allowed-values', (f) => (f.request.service = 'audience-mgr'), 'request.service'],
  ['allowed-values', (f) => (f.request.identity = 'email'), 'request.identity'],
  ['email', (f) => (f.request.requester.email = 'peter at initech'), 'request.requester.email'],
  ['allowed-values', (f) => (f.aws.region = 'eu-westeros-1'), 'aws.region'],
  ['aws-account-id', (f) => (f.aws.accountId = '12345'), 'aws.accountId'],
  ['aws-tag-key', (f) => (f.aws.tags = { 'aws:owner': 'me' }), 'aws.tags.aws:owner'],
  ['loopback-endpoint', (f) => (f.aws.endpoint = 'https://s3.amazonaws.com'), 'aws.endpoint'],
  ['s3-bucket-name-length', (f) => (f.receiver.bucketName = 'ab'), 'receiver.bucketName'],
  ['s3-bucket-name-no-dots', (f) => (f.receiver.bucketName = 'initech.campaign'), 'receiver.bucketName'],
  ['s3-bucket-name-characters', (f) => (f.receiver.bucketName = 'Initech_Campaign'), 'receiver.bucketName'],
  ['s3-bucket-name-edges', (f) => (f.receiver.bucketName = '-initech-campaign'), 'receiver.bucketName'],
  ['s3-bucket-name-reserved', (f) => (f.receiver.bucketName = 'xn--initech'), 'receiver.bucketName'],
  ['s3-prefix', (f) => (f.receiver.prefix = '/campaign'), 'receiver.prefix'],
  ['s3-prefix', (f) => (f.receiver.prefix = 'campaign/../other/'), 'receiver.prefix'],
  ['minimum', (f) => (f.receiver.segmentRetentionDays = 0), 'receiver.segmentRetentionDays'],
  ['maximum', (f) => (f.receiver.noncurrentVersionRetentionDays = 100000), 'receiver.noncurrentVersionRetentionDays'],
  ['type', (f) => (f.receiver.abortIncompleteMultipartUploadDays = 1.5), 'receiver.abortIncompleteMultipartUploadDays'],
  ['kms-key-arn', (f) => (f.receiver.kmsKeyArn = 'alias/aws/s3'), 'receiver.kmsKeyArn'],
  [
    'kms-key-same-region',
    (f) => (f.receiver.kmsKeyArn = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
    'receiver.kmsKeyArn',
  ],
  [
    'access-logs-separate-bucket',
    (f) => (f.receiver.accessLogs = { bucketName: 'initech-campaign-aam-test', prefix: 'logs/' }),
    'receiver.accessLogs.bucketName',
  ],
  [
    'production-versioning',
    (f) => {
      production(f);
      f.receiver.versioning = false;
    },
    'receiver.versioning',
  ],
  [
    'production-force-destroy',
    (f) => {
      production(f);
      f.receiver.forceDestroy = true;
    },
    'receiver.forceDestroy',
  ],
  [
    'production-no-emulator',
    (f) => {
      production(f);
      f.aws.endpoint = 'http://127.0.0.1:4566';
    },
    'aws.endpoint',
  ],
  [
    'pgp-public-key',
    (f) => (f.accessKey = { pgpPublicKey: '-----BEGIN PGP PUBLIC KEY BLOCK-----' }),
    'accessKey.pgpPublicKey',
  ],
  ['maximum', (f) => (f.accessKey = { slots: ['blue', 'green', 'red'] }), 'accessKey.slots'],
  ['unique-key-slots', (f) => (f.accessKey = { slots: ['blue', 'blue'] }), 'accessKey.slots'],
  ['active-slot-exists', (f) => (f.accessKey = { slots: ['blue'], activeSlot: 'green' }), 'accessKey.activeSlot'],
  ['key-slot-name', (f) => (f.accessKey = { slots: ['Blue Key'], activeSlot: 'Blue Key' }), 'accessKey.slots[0]'],
  ['route53-zone-id', (f) => (f.dns.hostedZoneId = 'initech.example'), 'dns.hostedZoneId'],
  [
    'hostname',
    (f) => (f.dns.trackingServer.records[0].target = 'https://initech.campaign.adobe.com/'),
    'dns.trackingServer.records[0].target',
  ],
  [
    'tracking-inside-zone',
    (f) => (f.dns.trackingServer.records[0].hostname = 't.othercorp.example'),
    'dns.trackingServer.records[0].hostname',
  ],
  [
    'tracking-not-zone-apex',
    (f) => (f.dns.trackingServer.records[0].hostname = 'initech.example'),
    'dns.trackingServer.records[0].hostname',
  ],
  [
    'unique-tracking-hostname',
    (f) => f.dns.trackingServer.records.push({ ...f.dns.trackingServer.records[0] }),
    'dns.trackingServer.records[1].hostname',
  ],
  [
    'tracking-not-zone-apex',
    (f) =>
      (f.dns.trackingServer = {
        method: 'delegation',
        subdomain: 'initech.example',
        nameServers: ['ns1.adobe.example', 'ns2.adobe.example'],
      }),
    'dns.trackingServer.subdomain',
  ],
  [
    'minimum',
    (f) =>
      (f.dns.trackingServer = {
        method: 'delegation',
        subdomain: 'email.initech.example',
        nameServers: ['ns1.adobe.example'],
      }),
    'dns.trackingServer.nameServers',
  ],
  ['allowed-values', (f) => (f.dns.trackingServer.method = 'alias'), 'dns.trackingServer.method'],
  ['minimum', (f) => (f.dns.ttl = 5), 'dns.ttl'],
  [
    'aam-destination-id',
    (f) => (f.campaign.dataSources[0].aamDestinationId = 'DEST-1'),
    'campaign.dataSources[0].aamDestinationId',
  ],
  [
    'one-visitor-id-data-source',
    (f) => f.campaign.dataSources.push({ type: 'visitor-id', alias: 'Other' }),
    'campaign.dataSources',
  ],
  ['declared-id-data-source-required', (f) => (f.request.identity = 'declared-id'), 'campaign.dataSources'],
  [
    'unique-data-source-alias',
    (f) =>
      f.campaign.dataSources.push({
        type: 'declared-id',
        label: 'CRM',
        alias: 'adobe campaign',
        reconciliationKey: 'crmId',
      }),
    'campaign.dataSources[1].alias',
  ],
  [
    'unique-data-source-label',
    (f) =>
      f.campaign.dataSources.push(
        { type: 'declared-id', label: 'CRM ID', alias: 'A', reconciliationKey: 'crmId' },
        { type: 'declared-id', label: 'crm-id', alias: 'B', reconciliationKey: 'crmId' },
      ),
    'campaign.dataSources[2].label',
  ],
  ['priority-only-for-triggers', (f) => (f.campaign.dataSources[0].priority = 10), 'campaign.dataSources[0].priority'],
  [
    'required',
    (f) => f.campaign.dataSources.push({ type: 'declared-id', label: 'CRM', alias: 'CRM' }),
    'campaign.dataSources[1].reconciliationKey',
  ],
  [
    'distinct-account-folders',
    (f) => (f.campaign.externalAccounts = { export: { folder: 'import' } }),
    'campaign.externalAccounts.export.folder',
  ],
  [
    'distinct-account-names',
    (f) => (f.campaign.externalAccounts = { export: { name: 'importSharedAudience' } }),
    'campaign.externalAccounts.export.name',
  ],
  [
    's3-folder-name',
    (f) => (f.campaign.externalAccounts = { import: { folder: 'in/bound' } }),
    'campaign.externalAccounts.import.folder',
  ],
  [
    'marketing-cloud-server-pair',
    (f) =>
      (f.campaign.visitorIdService = {
        trackingServer: 'm.initech.example',
        trackingServerSecure: 'sm.initech.example',
        marketingCloudServer: 'm.initech.example',
      }),
    'campaign.visitorIdService.marketingCloudServerSecure',
  ],
  ['known-keys', (f) => (f.receiver.bucket = 'x'), 'receiver.bucket'],

  // Text that would render or deploy differently than it reads
  ['single-line', (f) => (f.organization.name = 'Initech\u2028Bcc: attacker@example.com'), 'organization.name'],
  ['no-control-characters', (f) => (f.organization.name = 'Initech\u0007'), 'organization.name'],
  [
    'no-control-characters',
    (f) => (f.request.additionalInformation = 'Go-live\u001b[31m'),
    'request.additionalInformation',
  ],
  ['no-invisible-characters', (f) => (f.environment.label = 'Prod\u202euction'), 'environment.label'],
  [
    'no-invisible-characters',
    (f) => (f.request.requester.email = 'peter\u200b@initech.example'),
    'request.requester.email',
  ],
  ['no-terraform-template', (f) => (f.organization.name = 'Initech ${path.module}'), 'organization.name'],
  [
    'no-terraform-template',
    (f) => (f.request.additionalInformation = 'Hi %{ if true }x%{ endif }'),
    'request.additionalInformation',
  ],
  [
    'no-terraform-template',
    (f) =>
      f.campaign.dataSources.push({ type: 'declared-id', label: 'CRM', alias: 'A', reconciliationKey: '${crmId}' }),
    'campaign.dataSources[1].reconciliationKey',
  ],

  // Tags
  ['aws-tag-reserved-key', (f) => (f.aws.tags = { environment: 'prod' }), 'aws.tags.environment'],
  [
    'aws-tag-key-unique-ignoring-case',
    (f) => (f.aws.tags = { CostCenter: 'a', costcenter: 'b' }),
    'aws.tags.costcenter',
  ],
  [
    'aws-tag-count',
    (f) => (f.aws.tags = Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`Tag${i}`, 'x']))),
    'aws.tags',
  ],
  ['aws-tag-value', (f) => (f.aws.tags = { Owner: 'x'.repeat(257) }), 'aws.tags.Owner'],
  ['loopback-endpoint', (f) => (f.aws.endpoint = 'http://127.0.0.1:65536'), 'aws.endpoint'],
  ['loopback-endpoint', (f) => (f.aws.endpoint = 'http://127.0.0.256:4566'), 'aws.endpoint'],

  // Receiver
  [
    'kms-key-not-alias',
    (f) => (f.receiver.kmsKeyArn = 'arn:aws:kms:us-east-1:123456789012:alias/campaign-aam'),
    'receiver.kmsKeyArn',
  ],
  ['s3-prefix-length', (f) => (f.receiver.prefix = `${'a'.repeat(512)}/`), 'receiver.prefix'],
  [
    's3-folder-name',
    (f) => (f.campaign.externalAccounts = { import: { folder: 'i'.repeat(129) } }),
    'campaign.externalAccounts.import.folder',
  ],

  // Backend
  [
    'state-not-in-receiver-bucket',
    (f) => (f.backend = { type: 's3', bucket: 'initech-campaign-aam-test', key: 'state.tfstate', region: 'us-east-1' }),
    'backend.bucket',
  ],
  [
    'state-kms-key-arn',
    (f) =>
      (f.backend = {
        ...S3_BACKEND,
        kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      }),
    'backend.kmsKeyArn',
  ],
  [
    'state-kms-key-same-region',
    (f) => (f.backend = { ...S3_BACKEND, kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:alias/terraform-state' }),
    'backend.kmsKeyArn',
  ],
  [
    'state-kms-needs-encrypt',
    (f) => (f.backend = { ...S3_BACKEND, encrypt: false, kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:alias/state' }),
    'backend.encrypt',
  ],
  ['s3-state-key', (f) => (f.backend = { ...S3_BACKEND, key: '/campaign-aam/test.tfstate' }), 'backend.key'],
  ['s3-state-key', (f) => (f.backend = { ...S3_BACKEND, key: 'campaign-aam//test.tfstate' }), 'backend.key'],
  ['s3-state-key', (f) => (f.backend = { ...S3_BACKEND, key: 'state/${terraform.workspace}' }), 'backend.key'],
  ['local-state-path', (f) => (f.backend = { type: 'local', path: 'state/test state.tfstate' }), 'backend.path'],
  ['local-state-path', (f) => (f.backend = { type: 'local', path: 'state\\test.tfstate' }), 'backend.path'],
  ['local-state-path', (f) => (f.backend = { type: 'local', path: 'state/' }), 'backend.path'],
  ['local-state-in-project', (f) => (f.backend = { type: 'local', path: 'state/../../test.tfstate' }), 'backend.path'],

  // DNS
  ['route53-zone-id', (f) => (f.dns.hostedZoneId = '/hostedzone/Z0TESTZONE000000001'), 'dns.hostedZoneId'],
  [
    'hostname-not-ip-address',
    (f) => (f.dns.trackingServer = { ...DELEGATION, nameServers: ['192.0.2.53', 'ns2.adobe.example'] }),
    'dns.trackingServer.nameServers[0]',
  ],
  [
    'hostname-not-ip-address',
    (f) => (f.dns.trackingServer = { ...DELEGATION, nameServers: ['ns1.adobe.example', '2001:db8::53'] }),
    'dns.trackingServer.nameServers[1]',
  ],
  [
    'hostname',
    (f) => (f.dns.trackingServer.records[0].target = 'campaign.adobe.123'),
    'dns.trackingServer.records[0].target',
  ],
  [
    'unique-name-servers',
    (f) => (f.dns.trackingServer = { ...DELEGATION, nameServers: ['ns1.adobe.example', 'NS1.Adobe.Example.'] }),
    'dns.trackingServer.nameServers[1]',
  ],
  [
    'name-server-outside-delegation',
    (f) => (f.dns.trackingServer = { ...DELEGATION, nameServers: ['ns1.email.initech.example', 'ns2.adobe.example'] }),
    'dns.trackingServer.nameServers[0]',
  ],
  [
    'cname-target-not-self',
    (f) => (f.dns.trackingServer.records[0].target = 'T.initech.example.'),
    'dns.trackingServer.records[0].target',
  ],
  [
    'visitor-id-host-not-campaign-tracking',
    (f) =>
      (f.campaign.visitorIdService = {
        trackingServer: 't.initech.example',
        trackingServerSecure: 's.initech.example',
      }),
    'campaign.visitorIdService.trackingServer',
  ],
  [
    'visitor-id-host-not-campaign-tracking',
    (f) => {
      f.dns.trackingServer = DELEGATION;
      f.campaign.visitorIdService = {
        trackingServer: 'm.initech.example',
        trackingServerSecure: 'sm.email.initech.example',
      };
    },
    'campaign.visitorIdService.trackingServerSecure',
  ],

  // Data sources
  [
    'data-source-label-addressable',
    (f) =>
      f.campaign.dataSources.push({ type: 'declared-id', label: '顧客番号', alias: 'A', reconciliationKey: 'crmId' }),
    'campaign.dataSources[1].label',
  ],
  [
    'unique-data-source-label',
    (f) =>
      f.campaign.dataSources.push({ type: 'declared-id', label: 'Visitor ID', alias: 'A', reconciliationKey: 'crmId' }),
    'campaign.dataSources[1].label',
  ],
  [
    'unique-data-source-label',
    (f) =>
      f.campaign.dataSources.unshift({
        type: 'declared-id',
        label: 'Recipient - Visitor ID (Defaultdatasources)',
        alias: 'A',
        reconciliationKey: 'crmId',
      }),
    'campaign.dataSources[0].label',
  ],
  [
    'unique-data-source-label',
    (f) =>
      f.campaign.dataSources.push(
        { type: 'declared-id', label: 'Caf\u00e9 ID', alias: 'A', reconciliationKey: 'crmId' },
        { type: 'declared-id', label: 'Cafe\u0301 ID', alias: 'B', reconciliationKey: 'crmId' },
      ),
    'campaign.dataSources[2].label',
  ],
  [
    'unique-aam-destination-id',
    (f) =>
      f.campaign.dataSources.push({
        type: 'declared-id',
        label: 'CRM',
        alias: 'A',
        reconciliationKey: 'crmId',
        aamDestinationId: '123456',
      }),
    'campaign.dataSources[1].aamDestinationId',
  ],
  [
    's3-bucket-name-no-dots',
    (f) => (f.backend = { type: 's3', bucket: 'state.initech', key: 'k', region: 'us-east-1' }),
    'backend.bucket',
  ],
  ['allowed-values', (f) => (f.backend = { type: 'consul' }), 'backend.type'],
  ['allowed-values', (f) => (f.environment.tier = 'prod'), 'environment.tier'],
];

describe('bad environment files', () => {
  it.each(cases)('rule %s: rejects the change and names %#', async (rule, change, path) => {
    const problems = await problemsOf(fileWith(change));
    const problem = problems.find((p) => p.path === path && p.rule === rule);
    expect({ problem, problems }).toEqual({ problem: expect.objectContaining({ file: FILE, path, rule }), problems });
    const line = formatProblem(problem!);
    expect(line.startsWith(`${FILE}: ${path}`)).toBe(true);
    expect(line.endsWith(`[rule: ${rule}]`)).toBe(true);
  });

  it('covers at least 65 distinct rules', async () => {
    expect(new Set(cases.map(([rule]) => rule)).size).toBeGreaterThanOrEqual(65);
  });

  it('quotes the offending value', async () => {
    const [problem] = await problemsOf(fileWith((f) => (f.receiver.bucketName = 'initech.campaign')));
    expect(formatProblem(problem)).toBe(
      'environments/test.json: receiver.bucketName = "initech.campaign": must not contain dots: `<bucket>.s3.amazonaws.com` with a dotted name fails TLS certificate validation [rule: s3-bucket-name-no-dots]',
    );
  });

  it('suggests the closest valid key for a misspelt one', async () => {
    const [problem] = await problemsOf(fileWith((f) => (f.receiver.segmentRetentionDay = 10)));
    expect(problem.path).toBe('receiver.segmentRetentionDay');
    expect(problem.message).toMatch(/^is not a known setting; did you mean `segmentRetentionDays`\?/);
  });

  it('suggests keys of the variant the file chose in a discriminated union', async () => {
    const problems = await problemsOf(
      fileWith(
        (f) =>
          (f.dns.trackingServer = {
            method: 'delegation',
            subdomain: 'e.initech.example',
            nameServer: ['a.b.c', 'd.e.f'],
          }),
      ),
    );
    const unknown = (
      await problemsOf(
        fileWith(
          (f) =>
            (f.dns.trackingServer = {
              method: 'delegation',
              subdomain: 'e.initech.example',
              nameServers: ['a.example', 'b.example'],
              nameServer: [],
            }),
        ),
      )
    ).find((p) => p.rule === 'known-keys');
    expect(problems.map((p) => [p.path, p.rule])).toEqual([
      ['dns.trackingServer.nameServers', 'required'],
      ['dns.trackingServer.nameServer', 'known-keys'],
    ]);
    expect(unknown?.message).toContain('did you mean `nameServers`?');
    expect(unknown?.message).toContain('Valid keys here: `method`, `subdomain`, `nameServers`.');
  });

  it('suggests the closest allowed value for a mistyped enum', async () => {
    const [problem] = await problemsOf(fileWith((f) => (f.aws.region = 'eu-west1')));
    expect(problem.message).toContain('did you mean "eu-west-1"?');
  });

  it('reports every problem of a file at once', async () => {
    const problems = await problemsOf(
      fileWith((f) => {
        f.organization.imsOrgId = 'nope';
        f.receiver.bucketName = 'Bad_Bucket';
        f.aws.region = 'mars-1';
        f.dns.ttl = 1;
      }),
    );
    expect([...new Set(problems.map((p) => p.path))].sort()).toEqual([
      'aws.region',
      'dns.ttl',
      'organization.imsOrgId',
      'receiver.bucketName',
    ]);
  });

  it('reports a JSON syntax error with its line and column', async () => {
    const parsed = await parseEnvironment(FILE, '{\n  "environment": {\n    "label": "Test",\n  }\n}');
    expect(parsed.ok).toBe(false);
    const [problem] = (parsed as { problems: ConfigProblem[] }).problems;
    expect(problem.rule).toBe('json-syntax');
    expect(formatProblem(problem)).toBe(
      'environments/test.json: is not valid JSON at line 4, column 3 (near `  }`): a property name in double quotes was expected [rule: json-syntax]',
    );
  });

  it('rejects a file name that cannot be a stack name', async () => {
    const [problem] = await problemsOf(validFile(), 'environments/Prod Env.json');
    expect(problem).toMatchObject({ rule: 'environment-file-name', value: 'Prod Env.json' });
  });

  it('rejects a file that is not an object', async () => {
    const [problem] = await problemsOf([1, 2]);
    expect(problem).toMatchObject({ path: '', rule: 'type' });
  });
});
