import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROMOTION_FILE } from '../../../config/environment-files';
import { ConfigError, type ConfigProblem } from '../../../config/problems';
import { synthesize } from '../../../synth/synthesize';
import { fileWith, validFile } from '../../support/environment';
import { environmentsDir, tempDir } from '../../support/temp';

type File = Record<string, any>;
type Change = (f: File) => void;

/** A valid environment that claims nothing `validFile()` claims (bucket, destination, tracking host). */
const another = (change: Change = () => {}) =>
  fileWith((f) => {
    f.receiver.bucketName = 'initech-campaign-aam-two';
    f.campaign.dataSources[0].aamDestinationId = '222222';
    f.dns.trackingServer.records[0].hostname = 't2.initech.example';
    change(f);
  });

interface Project {
  readonly dir: string;
  readonly environments: string;
  readonly outdir: string;
}

function project(files: Record<string, unknown>, outdir = 'cdktf.out'): Project {
  const dir = tempDir();
  return { dir, environments: environmentsDir(files, dir), outdir: join(dir, outdir) };
}

/** Synthesizes the project, expecting a rejection that leaves no output behind; returns its problems. */
async function rejected(p: Project): Promise<ConfigProblem[]> {
  const error = await synthesize({ environmentsDir: p.environments, outdir: p.outdir, projectDir: p.dir }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  // Nothing but the environment files: no output, no staging folder, no parent folder made for them.
  expect(readdirSync(p.dir)).toEqual(['environments']);
  return [...(error as ConfigError).problems];
}

const summary = (problems: ConfigProblem[]) => problems.map((p) => `${p.file}: ${p.path} [${p.rule}]`);

async function accepted(p: Project): Promise<void> {
  await synthesize({ environmentsDir: p.environments, outdir: p.outdir, projectDir: p.dir });
}

describe('reading the environments folder', () => {
  it('reports every file that is not `<name>.json`, with the name it probably meant, and every subfolder', async () => {
    const p = project({ dev: validFile() });
    writeFileSync(join(p.environments, 'staging.yaml'), 'environment: {}');
    writeFileSync(join(p.environments, 'Prod Env.JSON'), '{}');
    writeFileSync(join(p.environments, 'README.md'), '# notes');
    mkdirSync(join(p.environments, 'old'));
    const problems = await rejected(p);
    expect(summary(problems)).toEqual([
      'environments/old:  [environments-no-subfolders]',
      'environments/Prod Env.JSON:  [environment-file-name]',
      'environments/README.md:  [environment-file-name]',
      'environments/staging.yaml:  [environment-file-name]',
    ]);
    expect(problems.map((q) => /rename it, e\.g\. to `([^`]+)`/.exec(q.message)?.[1])).toEqual([
      undefined,
      'prod-env.json',
      'readme.json',
      'staging.json',
    ]);
  });

  it(`skips exactly ${PROMOTION_FILE} (the reviewed promotion differences) and the tool files (.gitkeep)`, async () => {
    expect(PROMOTION_FILE).toBe('_promotion.json');
    const p = project({ dev: validFile() });
    writeFileSync(join(p.environments, PROMOTION_FILE), '{"not": "an environment"}');
    writeFileSync(join(p.environments, '.gitkeep'), '');
    writeFileSync(join(p.environments, '_promotions.json'), '{}');
    expect(summary(await rejected(p))).toEqual(['environments/_promotions.json:  [environment-file-name]']);
    const clean = project({ dev: validFile() });
    writeFileSync(join(clean.environments, PROMOTION_FILE), '{}');
    await accepted(clean);
    expect(readdirSync(join(clean.outdir, 'stacks'))).toEqual(['dev']);
  });

  it('reports bytes that are not UTF-8 with their offset, line and column, instead of replacing them', async () => {
    const p = project({});
    const text = JSON.stringify(validFile(), null, 2).replace('"Initech"', '"Init\u0000ch"');
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf(0);
    bytes[at] = 0xe9; // "é" as Latin-1 writes it
    writeFileSync(join(p.environments, 'dev.json'), bytes);
    const [problem] = await rejected(p);
    const line = text.slice(0, at).split('\n').length;
    const column = at - text.lastIndexOf('\n', at - 1);
    expect(problem).toEqual({
      file: 'environments/dev.json',
      path: '',
      rule: 'utf8',
      message: `is not valid UTF-8 at byte ${at} (line ${line}, column ${column}: 0xE9 0x63 0x68 0x22); save the file as UTF-8 (a Latin-1 or Windows-1252 editor setting is the usual cause)`,
    });
  });

  it('reads a UTF-8 file with a byte order mark and multi-byte characters', async () => {
    const p = project({});
    const file = fileWith((f) => (f.organization.name = 'Initech Électronique 日本'));
    writeFileSync(
      join(p.environments, 'dev.json'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(file))]),
    );
    await accepted(p);
  });

  it('reports the problems of the folder, of every file and across files at once', async () => {
    const p = project({
      a: validFile(),
      b: fileWith((f) => (f.dns.ttl = 1)),
      c: another((f) => (f.receiver.bucketName = 'initech-campaign-aam-test')),
    });
    writeFileSync(join(p.environments, 'd.txt'), '');
    expect(summary(await rejected(p))).toEqual([
      'environments/d.txt:  [environment-file-name]',
      'environments/b.json: dns.ttl [minimum]',
      'environments/c.json: receiver.bucketName [unique-bucket-across-environments]',
    ]);
  });
});

describe('local state across environments and the project layout', () => {
  it('rejects two environments resolving to one state file, ignoring case and ./', async () => {
    const p = project({
      a: validFile(),
      b: another((f) => (f.backend = { type: 'local', path: './Terraform.A.tfstate' })),
    });
    const [problem] = await rejected(p);
    expect(problem).toMatchObject({
      file: 'environments/b.json',
      path: 'backend.path',
      value: './Terraform.A.tfstate',
      rule: 'unique-state-across-environments',
    });
    expect(problem.message).toMatch(/^is also the state of `environments\/a\.json`: both environments would plan/);
  });

  it('rejects state inside the output folder, also when CDKTF_OUTDIR moved it, and inside its staging folder', async () => {
    const inOutput = (path: string, outdir?: string) =>
      project({ dev: fileWith((f) => (f.backend = { type: 'local', path })) }, outdir);
    expect(summary(await rejected(inOutput('cdktf.out/dev.tfstate')))).toEqual([
      'environments/dev.json: backend.path [local-state-outside-output]',
    ]);
    expect(summary(await rejected(inOutput('build/out/dev.tfstate', 'build/out')))).toEqual([
      'environments/dev.json: backend.path [local-state-outside-output]',
    ]);
    expect(summary(await rejected(inOutput('build/out.staging/dev.tfstate', 'build/out')))).toEqual([
      'environments/dev.json: backend.path [local-state-outside-output]',
    ]);
    await accepted(inOutput('cdktf.out-state/dev.tfstate', 'build/out'));
  });

  it('rejects state among the environment files', async () => {
    const p = project({ dev: fileWith((f) => (f.backend = { type: 'local', path: 'environments/dev.tfstate' })) });
    expect(summary(await rejected(p))).toEqual([
      'environments/dev.json: backend.path [local-state-outside-environments]',
    ]);
  });

  it('refuses an output folder that is or holds the project, and deletes nothing', async () => {
    for (const outdir of ['.', '..']) {
      const p = project({ dev: validFile() });
      const error = await synthesize({
        environmentsDir: p.environments,
        outdir: join(p.dir, outdir),
        projectDir: p.dir,
      }).catch((e: unknown) => e as ConfigError);
      expect(summary([...(error as ConfigError).problems])).toEqual([`${outdir}:  [output-folder-separate]`]);
      expect(readdirSync(p.environments)).toEqual(['dev.json']);
    }
  });
});

describe('what one environment claims, no other may', () => {
  it.each<[string, Change, Change, string]>([
    [
      'state-not-in-receiver-bucket',
      () => {},
      (f) => (f.backend = { type: 's3', bucket: 'initech-campaign-aam-test', key: 'two.tfstate', region: 'us-east-1' }),
      'environments/b.json: backend.bucket [state-not-in-receiver-bucket]',
    ],
    [
      'access-logs-not-a-receiver',
      () => {},
      (f) => (f.receiver.accessLogs = { bucketName: 'initech-campaign-aam-test', prefix: 'logs/' }),
      'environments/b.json: receiver.accessLogs.bucketName [access-logs-not-a-receiver]',
    ],
    [
      'unique-access-log-location',
      (f) => (f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'campaign/' }),
      (f) => (f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'campaign/two/' }),
      'environments/b.json: receiver.accessLogs.prefix [unique-access-log-location]',
    ],
    [
      'unique-aam-destination-id',
      () => {},
      (f) => (f.campaign.dataSources[0].aamDestinationId = '123456'),
      'environments/b.json: campaign.dataSources[0].aamDestinationId [unique-aam-destination-id]',
    ],
    [
      'unique-iam-user-across-environments',
      () => {},
      (f) => (f.adopt = { iamUser: 'campaign-aam-a' }),
      'environments/b.json: adopt.iamUser [unique-iam-user-across-environments]',
    ],
    [
      'one-zone-name-per-zone-id',
      () => {},
      (f) => {
        f.dns.zoneName = 'initech.test';
        f.dns.trackingServer.records[0].hostname = 't.initech.test';
      },
      'environments/b.json: dns.zoneName [one-zone-name-per-zone-id]',
    ],
    [
      'unique-dns-record-across-environments',
      () => {},
      (f) => (f.dns.trackingServer.records[0].hostname = 'T.initech.example.'),
      'environments/b.json: dns.trackingServer.records[0].hostname [unique-dns-record-across-environments]',
    ],
    [
      'unique-dns-record-across-environments (a CNAME where another delegates)',
      (f) =>
        (f.dns.trackingServer = {
          method: 'delegation',
          subdomain: 'email.initech.example',
          nameServers: ['ns1.adobe.example', 'ns2.adobe.example'],
        }),
      (f) => (f.dns.trackingServer.records[0].hostname = 'email.initech.example'),
      'environments/b.json: dns.trackingServer.records[0].hostname [unique-dns-record-across-environments]',
    ],
    [
      'dns-record-not-below-delegation',
      (f) =>
        (f.dns.trackingServer = {
          method: 'delegation',
          subdomain: 'email.initech.example',
          nameServers: ['ns1.adobe.example', 'ns2.adobe.example'],
        }),
      (f) => (f.dns.trackingServer.records[0].hostname = 't.email.initech.example'),
      'environments/b.json: dns.trackingServer.records[0].hostname [dns-record-not-below-delegation]',
    ],
    [
      'dns-record-in-most-specific-zone',
      (f) => (f.dns.trackingServer.records[0].hostname = 't.staging.initech.example'),
      (f) => {
        f.dns.hostedZoneId = 'Z0STAGINGZONE0000001';
        f.dns.zoneName = 'staging.initech.example';
        f.dns.trackingServer.records[0].hostname = 't2.staging.initech.example';
      },
      'environments/a.json: dns.trackingServer.records[0].hostname [dns-record-in-most-specific-zone]',
    ],
    [
      'one-region-per-state-bucket',
      (f) => (f.backend = { type: 's3', bucket: 'initech-state', key: 'a.tfstate', region: 'us-east-1' }),
      (f) => (f.backend = { type: 's3', bucket: 'initech-state', key: 'b.tfstate', region: 'eu-west-1' }),
      'environments/b.json: backend.region [one-region-per-state-bucket]',
    ],
    [
      'access-log-bucket-same-region-and-account (region)',
      (f) => (f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'a/' }),
      (f) => {
        f.aws.region = 'eu-west-1';
        f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'b/' };
      },
      'environments/b.json: receiver.accessLogs.bucketName [access-log-bucket-same-region-and-account]',
    ],
    [
      'access-log-bucket-same-region-and-account (account)',
      (f) => {
        f.aws.accountId = '111111111111';
        f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'a/' };
      },
      (f) => {
        f.aws.accountId = '222222222222';
        f.dns.hostedZoneId = 'Z0OTHERACCOUNT000001';
        f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'b/' };
      },
      'environments/b.json: receiver.accessLogs.bucketName [access-log-bucket-same-region-and-account]',
    ],
    [
      'one-account-per-zone-id',
      (f) => (f.aws.accountId = '111111111111'),
      (f) => (f.aws.accountId = '222222222222'),
      'environments/b.json: dns.hostedZoneId [one-account-per-zone-id]',
    ],
    [
      'visitor-id-host-not-campaign-tracking',
      () => {},
      (f) =>
        (f.campaign.visitorIdService = {
          trackingServer: 'm.initech.example',
          trackingServerSecure: 't.initech.example',
        }),
      'environments/b.json: campaign.visitorIdService.trackingServerSecure [visitor-id-host-not-campaign-tracking]',
    ],
  ])('%s', async (_rule, changeA, changeB, expected) => {
    const problems = await rejected(project({ a: fileWith(changeA), b: another(changeB) }));
    expect(summary(problems)).toEqual([expected]);
    expect(problems[0].message).toMatch(/environments\/[ab]\.json/);
  });

  it.each<[string, Change, Change]>([
    [
      'access logs of two environments in one bucket under separate prefixes',
      (f) => (f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'one/' }),
      (f) => (f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'two/' }),
    ],
    ['two environments in one zone with their own hosts', () => {}, () => {}],
    [
      'the same Visitor ID hosts in two environments',
      (f) =>
        (f.campaign.visitorIdService = {
          trackingServer: 'm.initech.example',
          trackingServerSecure: 'sm.initech.example',
        }),
      (f) =>
        (f.campaign.visitorIdService = {
          trackingServer: 'm.initech.example',
          trackingServerSecure: 'sm.initech.example',
        }),
    ],
    [
      'one zone and one log bucket for environments that state the same account',
      (f) => {
        f.aws.accountId = '111111111111';
        f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'a/' };
      },
      (f) => {
        f.aws.accountId = '111111111111';
        f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'b/' };
      },
    ],
    [
      'state buckets shared with different keys',
      (f) => (f.backend = { type: 's3', bucket: 'initech-state', key: 'a.tfstate', region: 'us-east-1' }),
      (f) => (f.backend = { type: 's3', bucket: 'initech-state', key: 'b.tfstate', region: 'us-east-1' }),
    ],
  ])('accepts %s', async (_what, changeA, changeB) => {
    await accepted(project({ a: fileWith(changeA), b: another(changeB) }));
  });
});

describe('names derived from the environment name', () => {
  it('keep the longest environment name within IAM limits, and reject a longer file name', async () => {
    const longest = `a${'b'.repeat(30)}`;
    const p = project({ [longest]: validFile() });
    await accepted(p);
    const stack = JSON.parse(readFileSync(join(p.outdir, 'stacks', longest, 'cdk.tf.json'), 'utf8'));
    const [user] = Object.values(stack.resource.aws_iam_user) as { name: string }[];
    expect(user.name).toBe(`campaign-aam-${longest}`);
    expect(user.name.length).toBeLessThanOrEqual(64); // IAM user names; groups and policies allow 128
    expect(summary(await rejected(project({ [`${longest}c`]: validFile() })))).toEqual([
      `environments/${longest}c.json:  [environment-file-name]`,
    ]);
  });
});
