import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distinctFile } from '../../support/environment';
import { PROJECT_DIR, run, type RunResult } from '../../support/run';
import { tempDir } from '../../support/temp';
import { consumerTsconfig, documentedExample, TYPE_CHECKS } from './consumer-app';

/**
 * The library as a user gets it: `npm run build:lib`, `npm pack`, and `npm install` of the tarball
 * into a fresh cdktf app of its own, which composes `CampaignAamIntegration` beside its own
 * resources (docs/library.md's example) and synthesizes. The app brings the peer dependencies: the
 * project's own installed copies, linked (`file:`), so nothing large is copied or downloaded; the
 * library's other dependencies come from the npm cache.
 */

jest.setTimeout(300_000);

const MODULES = join(PROJECT_DIR, 'node_modules');
const PEERS = ['cdktf', 'constructs', '@cdktf/provider-aws'];

function succeeded(what: string, result: RunResult): RunResult {
  if (result.status !== 0) throw new Error(`${what} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return result;
}

interface Packed {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

let packed: Packed;
let rejected: RunResult;
let synthesizedWhenRejected: boolean;
const stacks: Record<string, any> = {};

beforeAll(() => {
  succeeded('npm run build:lib', run('npm', ['run', '--silent', 'build:lib']));
  const work = tempDir('campaign-aam-library-');
  const pack = succeeded('npm pack', run('npm', ['pack', '--json', '--pack-destination', work]));
  [packed] = JSON.parse(pack.stdout) as Packed[];

  const app = join(work, 'app');
  mkdirSync(join(app, 'campaign'), { recursive: true });
  const dependencies = {
    'campaign-aam-integration': `file:${join(work, packed.filename)}`,
    ...Object.fromEntries(PEERS.map((name) => [name, `file:${join(MODULES, name)}`])),
  };
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'shop-infrastructure', private: true, dependencies }),
  );
  // Peers are the app's to bring (it does, above): npm is not to place copies of its own.
  const install = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', '--legacy-peer-deps'];
  succeeded('npm install', run('npm', install, { cwd: app }));

  writeFileSync(join(app, 'tsconfig.json'), consumerTsconfig(join(MODULES, '@types')));
  writeFileSync(join(app, 'main.ts'), documentedExample());
  writeFileSync(join(app, 'type-checks.ts'), TYPE_CHECKS);
  succeeded('tsc', run(process.execPath, [join(MODULES, 'typescript', 'bin', 'tsc'), '-p', app]));

  const environment = (name: string, change?: (file: Record<string, any>) => void) =>
    writeFileSync(join(app, 'campaign', `${name}.json`), JSON.stringify(distinctFile(name, change)));
  environment('dev');
  environment('staging');
  environment('broken', (f) => (f.receiver = { bucketName: 'initech.campaign', segmentRetentionDays: 0 }));
  const main = join(app, 'dist', 'main.js');
  rejected = run(process.execPath, [main, 'broken'], { cwd: app });
  synthesizedWhenRejected = existsSync(join(app, 'cdktf.out'));
  succeeded('the app', run(process.execPath, [main, 'dev', 'staging'], { cwd: app }));
  for (const name of ['shop-dev', 'shop-staging']) {
    stacks[name] = JSON.parse(readFileSync(join(app, 'cdktf.out', 'stacks', name, 'cdk.tf.json'), 'utf8'));
  }
});

/** The resources of one type in a synthesized stack, by logical ID. */
const resources = (stack: string, type: string): Record<string, any> => stacks[stack].resource?.[type] ?? {};
const one = (stack: string, type: string, matches: (resource: any) => boolean): [string, any] => {
  const found = Object.entries(resources(stack, type)).filter(([, resource]) => matches(resource));
  expect(found).toHaveLength(1);
  return found[0];
};

describe('the library, packed and installed into a cdktf app of its own', () => {
  it("packs the compiled library, its declarations, the editors' JSON schema and the package files, and nothing else", () => {
    const paths = packed.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'dist-lib/index.js', 'dist-lib/index.d.ts']));
    expect(paths.filter((path) => !/^dist-lib\/.+(\.js|\.d\.ts)$/.test(path)).sort()).toEqual([
      'README.md',
      'environment.schema.json',
      'package.json',
    ]);
    expect(paths.filter((path) => /^dist-lib\/(cli|test|deploy|review)\//.test(path))).toEqual([]);
  });

  it('rejects an invalid environment with every problem, as for environment files, and synthesizes nothing', () => {
    expect(rejected.status).toBe(1);
    expect(rejected.stderr).toBe(
      [
        '2 problems in 1 environment file; nothing was synthesized:',
        '  - campaign/broken.json: receiver.bucketName = "initech.campaign": must not contain dots: `<bucket>.s3.amazonaws.com` with a dotted name fails TLS certificate validation [rule: s3-bucket-name-no-dots]',
        '  - campaign/broken.json: receiver.segmentRetentionDays = 0: must be at least 1 [rule: minimum]',
        '',
      ].join('\n'),
    );
    expect(synthesizedWhenRejected).toBe(false);
  });

  it('creates the receiver bucket with a public access block that blocks everything', () => {
    const [bucketId] = one('shop-dev', 'aws_s3_bucket', (b) => b.bucket === 'initech-campaign-aam-dev');
    const [, block] = one(
      'shop-dev',
      'aws_s3_bucket_public_access_block',
      (b) => b.bucket === `\${aws_s3_bucket.${bucketId}.id}`,
    );
    expect(block).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it('creates the IAM user Campaign signs in with, named after the environment', () => {
    const [, user] = one('shop-staging', 'aws_iam_user', (u) => u.name === 'campaign-aam-staging');
    expect(user.path).toBe('/campaign-aam/');
  });

  it('records the Campaign settings: the request, both external accounts and the data source', () => {
    const kinds = Object.values(resources('shop-dev', 'terraform_data')).map((r) => r.input.kind);
    expect(kinds.sort()).toEqual([
      'external-account',
      'external-account',
      'provisioning-request',
      'shared-data-source',
    ]);
  });

  it("leaves the app's own provider and resources as it wrote them", () => {
    expect(stacks['shop-dev'].provider.aws).toEqual([
      {
        region: 'us-east-1',
        default_tags: [
          { tags: { Environment: 'dev', ManagedBy: 'cdktf', Integration: 'adobe-campaign-audience-manager' } },
        ],
      },
    ]);
    expect(resources('shop-dev', 'aws_sqs_queue')).toEqual({
      orders: {
        '//': { metadata: { path: 'shop-dev/orders', uniqueId: 'orders' } },
        name: 'shop-orders-dev',
        message_retention_seconds: 86400,
      },
    });
  });
});
