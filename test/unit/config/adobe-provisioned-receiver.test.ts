import { parseEnvironment } from '../../../config/load';
import { ConfigError, type ConfigProblem, formatProblem } from '../../../config/problems';
import { synthesize } from '../../../synth/synthesize';
import { ADOBE_RECEIVER, adobeProvisionedFile, distinctFile, environment } from '../../support/environment';
import { environmentsDir, tempDir } from '../../support/temp';

const FILE = 'environments/test.json';
type File = Record<string, any>;

async function messagesOf(file: File): Promise<string[]> {
  const parsed = await parseEnvironment(FILE, JSON.stringify(file));
  if (parsed.ok) throw new Error('expected the file to be rejected');
  return parsed.problems.map(formatProblem);
}

describe('a receiver that Adobe provisioned', () => {
  it("is read with Adobe's values for each account, and the stack-owned defaults stay out of it", async () => {
    const env = await environment(adobeProvisionedFile());
    expect(env.receiver).toEqual(ADOBE_RECEIVER);
  });

  it('leaves files without a mode on the stack-owned receiver, as before', async () => {
    const env = await environment(distinctFile('owned'));
    expect(env.receiver).toMatchObject({ mode: 'stack-owned', bucketName: 'initech-campaign-aam-owned' });
    const spelled = await environment(distinctFile('owned', (f) => (f.receiver.mode = 'stack-owned')));
    expect(spelled.receiver).toEqual(env.receiver);
  });

  it('accepts two buckets, two keys, temporary key IDs and a KMS key for the secrets', async () => {
    const env = await environment(
      adobeProvisionedFile((f) => {
        f.receiver.export = {
          receiverServer: 'adobe-aam-out.s3.amazonaws.com/out/',
          region: 'eu-west-1',
          accessKeyId: 'ASIAADOBEEXAMPLE0002',
        };
        f.receiver.secretKmsKeyArn = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
      }),
    );
    expect(env.receiver.mode).toBe('adobe-provisioned');
  });

  it.each<[string, (f: File) => void, string]>([
    [
      'a scheme',
      (f) => (f.receiver.import.receiverServer = 'https://adobe-aam-initech.s3.amazonaws.com/campaign/import'),
      'environments/test.json: receiver.import.receiverServer = "https://adobe-aam-initech.s3.amazonaws.com/campaign/import": must not start with a scheme such as `https://`: Campaign\'s Receiver server field takes `<bucket>.s3.amazonaws.com/<path>`, e.g. `adobe-aam-initech.s3.amazonaws.com/campaign/import` [rule: receiver-server-no-scheme]',
    ],
    [
      'the region in the host',
      (f) => (f.receiver.import.receiverServer = 'adobe-aam-initech.s3.us-east-1.amazonaws.com/campaign/import'),
      'environments/test.json: receiver.import.receiverServer = "adobe-aam-initech.s3.us-east-1.amazonaws.com/campaign/import": names the region in the host; Campaign writes `<bucket>.s3.amazonaws.com/<path>` and takes the region in its own field (`region`), e.g. `adobe-aam-initech.s3.amazonaws.com/campaign/import` [rule: receiver-server-form]',
    ],
    [
      'no folder',
      (f) => (f.receiver.export.receiverServer = 'adobe-aam-initech.s3.amazonaws.com'),
      'environments/test.json: receiver.export.receiverServer = "adobe-aam-initech.s3.amazonaws.com": must be `<bucket>.s3.amazonaws.com/<path>` as Adobe sent it (bucket, host, then the folder), e.g. `adobe-aam-initech.s3.amazonaws.com/campaign/import` [rule: receiver-server-form]',
    ],
    [
      'a dotted bucket',
      (f) => (f.receiver.export.receiverServer = 'adobe.aam.s3.amazonaws.com/export'),
      'environments/test.json: receiver.export.receiverServer = "adobe.aam.s3.amazonaws.com/export": its bucket `adobe.aam` must not contain dots: `<bucket>.s3.amazonaws.com` with a dotted name fails TLS certificate validation [rule: s3-bucket-name-no-dots]',
    ],
    [
      'a parent folder',
      (f) => (f.receiver.export.receiverServer = 'adobe-aam-initech.s3.amazonaws.com/campaign/../export'),
      'environments/test.json: receiver.export.receiverServer = "adobe-aam-initech.s3.amazonaws.com/campaign/../export": its path `campaign/../export` must be folder names separated by single `/` (letters, digits and ! _ . \' ( ) -, no `.` or `..` folders, at most 512 characters), e.g. `adobe-aam-initech.s3.amazonaws.com/campaign/import` [rule: receiver-server-path]',
    ],
    [
      'a short key ID',
      (f) => (f.receiver.import.accessKeyId = 'AKIA1234'),
      'environments/test.json: receiver.import.accessKeyId = "AKIA1234": an AWS access key ID is `AKIA` or `ASIA` followed by 16 uppercase letters or digits, e.g. `AKIAIOSFODNN7EXAMPLE`, exactly as in Adobe\'s reply (never the secret access key) [rule: aws-access-key-id]',
    ],
    [
      'a lowercase key ID',
      (f) => (f.receiver.export.accessKeyId = 'akiaadobeexample0001'),
      'environments/test.json: receiver.export.accessKeyId = "akiaadobeexample0001": an AWS access key ID is `AKIA` or `ASIA` followed by 16 uppercase letters or digits, e.g. `AKIAIOSFODNN7EXAMPLE`, exactly as in Adobe\'s reply (never the secret access key) [rule: aws-access-key-id]',
    ],
    [
      'an incomplete account',
      (f) => delete f.receiver.export.region,
      'environments/test.json: receiver.export.region: is required; one of "af-south-1"',
    ],
    [
      'a missing account',
      (f) => delete f.receiver.import,
      'environments/test.json: receiver.import: is required (object) [rule: required]',
    ],
    [
      'a misspelt mode',
      (f) => (f.receiver.mode = 'adobe'),
      'environments/test.json: receiver.mode = "adobe": `mode` must be one of "stack-owned", "adobe-provisioned" [rule: allowed-values]',
    ],
  ])('rejects %s, naming the field and the rule', async (_, change, expected) => {
    const messages = await messagesOf(adobeProvisionedFile(change));
    expect(messages).toHaveLength(1);
    expect(messages[0].startsWith(expected)).toBe(true);
  });

  it('never repeats a secret access key written where the key ID goes', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const parsed = await parseEnvironment(
      FILE,
      JSON.stringify(adobeProvisionedFile((f) => (f.receiver.import.accessKeyId = secret))),
    );
    if (parsed.ok) throw new Error('expected the file to be rejected');
    const text = JSON.stringify(parsed.problems) + parsed.problems.map(formatProblem).join('\n');
    expect(text).not.toContain(secret);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'environments/test.json: receiver.import.accessKeyId: looks like a secret access key (40 characters), which must never be written in a file: remove it from the file (and from its history), and give the access key ID, `AKIA` or `ASIA` followed by 16 uppercase letters or digits; the secret goes in with `npm run secret -- set <environment>` [rule: aws-access-key-id]',
    ]);
  });

  it('rejects a stack-owned receiver field, and says which mode it belongs to', async () => {
    const messages = await messagesOf(
      adobeProvisionedFile((f) => (f.receiver.bucketName = 'initech-campaign-aam-test')),
    );
    expect(messages).toEqual([
      'environments/test.json: receiver.bucketName: belongs to `mode: "stack-owned"`, not to `mode: "adobe-provisioned"`; remove it (valid keys here: `mode`, `import`, `export`, `secretKmsKeyArn`) [rule: receiver-mode-fields]',
    ]);
  });

  it("rejects the stack's key, adoption of a bucket or user, and account folders, and says why", async () => {
    const messages = await messagesOf(
      adobeProvisionedFile((f) => {
        f.accessKey = { slots: ['blue', 'green'] };
        f.adopt = { receiverBucket: { settings: ['logging'] }, iamUser: 'hand-made' };
        f.campaign.externalAccounts = { import: { folder: 'in' } };
      }),
    );
    expect(messages).toEqual([
      'environments/test.json: accessKey = {"slots":["blue","green"],"activeSlot":"blue"}: `receiver.mode` is "adobe-provisioned": Adobe issued the key, so the stack has no key slots to rotate; remove `accessKey` (rotation is Adobe\'s: record the new key ID and store its secret with `npm run secret -- set <environment>`) [rule: adobe-receiver-no-stack-key]',
      'environments/test.json: adopt.receiverBucket = {"settings":["logging"]}: `receiver.mode` is "adobe-provisioned": the stack manages no bucket or IAM user, so there is nothing to adopt; remove `adopt.receiverBucket` [rule: adobe-receiver-no-adoption]',
      'environments/test.json: adopt.iamUser = "hand-made": `receiver.mode` is "adobe-provisioned": the stack manages no bucket or IAM user, so there is nothing to adopt; remove `adopt.iamUser` [rule: adobe-receiver-no-adoption]',
      'environments/test.json: campaign.externalAccounts.import.folder = "in": `receiver.mode` is "adobe-provisioned": the folder is the path of `receiver.import.receiverServer`, as Adobe sent it; remove `folder` [rule: adobe-receiver-folder-in-server]',
    ]);
  });

  it("rejects one location for both accounts, two regions for one bucket, and a KMS key outside the secrets' region", async () => {
    const messages = await messagesOf(
      adobeProvisionedFile((f) => {
        f.receiver.export.receiverServer = 'adobe-aam-initech.s3.amazonaws.com/campaign/import/';
        f.receiver.export.region = 'eu-west-1';
        f.receiver.secretKmsKeyArn = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
      }),
    );
    expect(messages).toEqual([
      'environments/test.json: receiver.export.receiverServer = "adobe-aam-initech.s3.amazonaws.com/campaign/import/": is the import account\'s folder `campaign/import/` (or one inside the other): each side would read the files it writes; check Adobe\'s reply, which gives each account its own folder [rule: distinct-receiver-servers]',
      'environments/test.json: receiver.export.region = "eu-west-1": differs from `receiver.import.region` (`us-east-1`) for the same bucket `adobe-aam-initech`; a bucket has one region, so one of the two was copied wrong from Adobe\'s reply [rule: one-region-per-bucket]',
      'environments/test.json: receiver.secretKmsKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab": the KMS key must be in `aws.region` (`us-east-1`), where the stack keeps the secrets: Secrets Manager cannot use a key from another region [rule: secret-kms-key-same-region]',
    ]);
  });
});

describe("Adobe's locations across environment files", () => {
  async function problemsOf(files: Record<string, File>): Promise<ConfigProblem[]> {
    const project = tempDir();
    const error = await synthesize({
      environmentsDir: environmentsDir(files, project),
      outdir: `${project}/cdktf.out`,
      projectDir: project,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).problems];
  }
  const adobe = (name: string, change: (f: File) => void = () => undefined) =>
    distinctFile(name, (f) => {
      f.receiver = structuredClone(ADOBE_RECEIVER);
      f.receiver.import.receiverServer = `adobe-aam-${name}.s3.amazonaws.com/campaign/import`;
      f.receiver.export.receiverServer = `adobe-aam-${name}.s3.amazonaws.com/campaign/export`;
      change(f);
    });

  it('lets environments sit side by side, each in its own location, beside stack-owned ones', async () => {
    const project = tempDir();
    await synthesize({
      environmentsDir: environmentsDir({ a: adobe('a'), b: adobe('b'), c: distinctFile('c') }, project),
      outdir: `${project}/cdktf.out`,
      projectDir: project,
    });
  });

  it('reports a location another environment already names, or one inside it, on the later file', async () => {
    const problems = await problemsOf({
      a: adobe('a'),
      b: adobe('b', (f) => {
        f.receiver.import.receiverServer = 'adobe-aam-a.s3.amazonaws.com/campaign/import';
        f.receiver.export.receiverServer = 'adobe-aam-a.s3.amazonaws.com/campaign/export/b';
      }),
    });
    expect(problems.map(formatProblem)).toEqual([
      'environments/b.json: receiver.import.receiverServer = "adobe-aam-a.s3.amazonaws.com/campaign/import": is (or is inside, or contains) `adobe-aam-a/campaign/import/`, which `environments/a.json` (`receiver.import.receiverServer`) already names; Adobe provisions each environment its own location, so one was copied by mistake: use the receiver server from Adobe\'s reply for this environment [rule: unique-adobe-location-across-environments]',
      'environments/b.json: receiver.export.receiverServer = "adobe-aam-a.s3.amazonaws.com/campaign/export/b": is (or is inside, or contains) `adobe-aam-a/campaign/export/`, which `environments/a.json` (`receiver.export.receiverServer`) already names; Adobe provisions each environment its own location, so one was copied by mistake: use the receiver server from Adobe\'s reply for this environment [rule: unique-adobe-location-across-environments]',
    ]);
  });

  it("reports an Adobe location in a bucket another environment's stack creates", async () => {
    const problems = await problemsOf({
      a: adobe('a', (f) => (f.receiver.import.receiverServer = 'initech-campaign-aam-c.s3.amazonaws.com/in')),
      c: distinctFile('c'),
    });
    expect(problems.map((p) => `${p.file}: ${p.path} [${p.rule}]`)).toEqual([
      'environments/a.json: receiver.import.receiverServer [adobe-location-not-a-stack-bucket]',
    ]);
  });

  it("keeps state out of Adobe's bucket, in this file and in another", async () => {
    const state = { type: 's3', bucket: 'adobe-aam-a', key: 'state/x.tfstate', region: 'us-east-1' };
    const own = await problemsOf({ a: adobe('a', (f) => (f.backend = state)) });
    const other = await problemsOf({ a: adobe('a'), c: distinctFile('c', (f) => (f.backend = state)) });
    expect([...own, ...other].map((p) => `${p.file}: ${p.path} [${p.rule}]`)).toEqual([
      'environments/a.json: backend.bucket [state-not-in-receiver-bucket]',
      'environments/c.json: backend.bucket [state-not-in-receiver-bucket]',
    ]);
  });
});
