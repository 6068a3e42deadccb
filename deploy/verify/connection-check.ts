import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ServiceException,
} from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { sdkClientConfig } from '../../runtime/aws-clients';

export interface ConnectionTarget {
  readonly bucket: string;
  /** Folder the probe is written to, e.g. `campaign-aam/import/`. */
  readonly folder: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Emulator endpoint, for environments with `aws.endpoint`. */
  readonly endpoint?: string;
  /**
   * Whose key it is. Adobe decides what its own key may do: a key that may not list or delete is
   * reported as restricted (and the check goes on), not as a broken connection.
   * @default 'stack'
   */
  readonly keyOwner?: 'stack' | 'adobe';
}

export interface StepResult {
  readonly step: 'write' | 'list' | 'read' | 'delete';
  readonly ok: boolean;
  readonly detail: string;
  /** Adobe's key was denied a step it may be meant not to have (list, delete); `ok` is false. */
  readonly restricted?: boolean;
}

/** What Adobe's key may be denied on purpose, and what that means for Campaign. */
const ADOBE_RESTRICTIONS: Partial<Record<StepResult['step'], (where: string) => string>> = {
  list: (where) =>
    `Adobe's key may not list ${where}: Campaign finds Adobe's files by listing the import folder, so ask Adobe whether this key is the one for the import account`,
  delete: (where) =>
    `Adobe's key may not delete ${where}: the probe stays there (harmless text; Adobe's clean-up or lifecycle removes it), and Campaign will not remove processed files either; ask Adobe if that is not intended`,
};

const isAccessDenied = (error: unknown) =>
  error instanceof Error &&
  (error.name === 'AccessDenied' || (error as S3ServiceException).$metadata?.httpStatusCode === 403);

const HINTS: Record<string, string> = {
  InvalidAccessKeyId: 'the access key ID does not exist: it was retired, or mistyped',
  InvalidClientTokenId: 'the access key ID does not exist: it was retired, or mistyped',
  SignatureDoesNotMatch: 'the secret access key does not match the access key ID',
  AccessDenied: 'the key is not allowed to do this: check the bucket, the prefix and the IAM group policy',
  NoSuchBucket: 'the bucket does not exist: is the environment deployed?',
};

/** Turns an S3 error into a sentence that says what to check. Never includes the secret. */
function explain(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as S3ServiceException).$metadata?.httpStatusCode;
  if (HINTS[error.name] === undefined && status === 403) {
    // Some S3-compatible endpoints answer 403 with a body the SDK cannot name.
    return 'HTTP 403: the key was refused: it is retired, mistyped, or not allowed to do this here';
  }
  return `${error.name}: ${HINTS[error.name] ?? error.message}`;
}

/**
 * Checks a deployed environment the way Campaign's "test connection" would: with the issued key,
 * write, list, read back and delete a probe object under the integration's folder. Stops at the
 * first failing step; every step is reported, as it happens (`onStep`) and in the result.
 */
export async function verifyConnection(
  target: ConnectionTarget,
  onStep: (result: StepResult) => void = () => undefined,
): Promise<StepResult[]> {
  const issued = { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey };
  const client = new S3Client({
    ...sdkClientConfig({ aws: { region: target.region, endpoint: target.endpoint } }, target.region, issued),
    forcePathStyle: target.endpoint !== undefined,
    // One attempt: Campaign's own test does not retry either.
    maxAttempts: 1,
  });
  const key = `${target.folder}campaign-aam-connection-check-${randomUUID()}.txt`;
  const body = `connection check ${new Date().toISOString()}`;
  const where = `s3://${target.bucket}/${key}`;
  const results: StepResult[] = [];

  const steps: [StepResult['step'], () => Promise<string>][] = [
    [
      'write',
      async () => (
        await client.send(new PutObjectCommand({ Bucket: target.bucket, Key: key, Body: body })),
        `wrote ${where}`
      ),
    ],
    [
      'list',
      async () => {
        const listed = await client.send(new ListObjectsV2Command({ Bucket: target.bucket, Prefix: target.folder }));
        if (!(listed.Contents ?? []).some((o) => o.Key === key))
          throw new Error(`the probe is missing from the listing of s3://${target.bucket}/${target.folder}`);
        return `listed s3://${target.bucket}/${target.folder} (${listed.KeyCount ?? 0} objects)`;
      },
    ],
    [
      'read',
      async () => {
        const read = await client.send(new GetObjectCommand({ Bucket: target.bucket, Key: key }));
        const text = await read.Body?.transformToString();
        if (text !== body) throw new Error('the probe read back differs from what was written');
        return `read ${where} back intact`;
      },
    ],
    [
      'delete',
      async () => (await client.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: key })), `deleted ${where}`),
    ],
  ];

  try {
    for (const [step, run] of steps) {
      const restriction = target.keyOwner === 'adobe' ? ADOBE_RESTRICTIONS[step] : undefined;
      try {
        results.push({ step, ok: true, detail: await run() });
      } catch (error) {
        if (restriction !== undefined && isAccessDenied(error)) {
          results.push({
            step,
            ok: false,
            restricted: true,
            detail: restriction(step === 'list' ? `s3://${target.bucket}/${target.folder}` : where),
          });
        } else {
          results.push({ step, ok: false, detail: explain(error) });
        }
      }
      onStep(results[results.length - 1]);
      const last = results[results.length - 1];
      if (!last.ok && last.restricted !== true) break;
    }
    // A probe left in the import folder could be picked up by Campaign as a segment file: when a
    // check fails after the write, the probe is still removed (quietly, as best it can).
    const written = results.some((r) => r.step === 'write' && r.ok);
    if (written && !results.some((r) => r.step === 'delete')) {
      await client.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: key })).catch(() => undefined);
    }
  } finally {
    client.destroy();
  }
  return results;
}
