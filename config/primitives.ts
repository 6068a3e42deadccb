import { z } from 'zod';
import { rule } from './rule';

/** A single line of text: it ends up in email headers and Markdown tables, where a newline breaks the document. */
export const singleLine = (max = 200) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine(
      rule('single-line', (v: string) => !/[\r\n]/.test(v), 'must be a single line of text (no line breaks)'),
    );

export const imsOrgId = z
  .string()
  .superRefine(
    rule(
      'ims-org-id',
      (v: string) => /^[A-Za-z0-9]{24}@AdobeOrg$/.test(v),
      'an IMS Org ID is 24 letters or digits followed by `@AdobeOrg`, e.g. `0123456789ABCDEF01234567@AdobeOrg`',
    ),
  );

const RESERVED_BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '--x-s3', '--table-s3'];

/**
 * S3 general-purpose bucket naming rules, plus one of ours: no dots, because a dotted name
 * breaks TLS certificate matching for the virtual-hosted address Campaign uses.
 */
export const bucketName = z
  .string()
  .superRefine(
    rule('s3-bucket-name-length', (v: string) => v.length >= 3 && v.length <= 63, 'must be 3 to 63 characters long'),
  )
  .superRefine(
    rule(
      's3-bucket-name-no-dots',
      (v: string) => !v.includes('.'),
      'must not contain dots: `<bucket>.s3.amazonaws.com` with a dotted name fails TLS certificate validation',
    ),
  )
  .superRefine(
    rule(
      's3-bucket-name-characters',
      (v: string) => /^[a-z0-9.-]*$/.test(v),
      'may contain only lowercase letters, digits and hyphens',
    ),
  )
  .superRefine(
    rule(
      's3-bucket-name-edges',
      (v: string) => /^[a-z0-9].*[a-z0-9]$/.test(v),
      'must begin and end with a lowercase letter or digit',
    ),
  )
  .superRefine(
    rule(
      's3-bucket-name-reserved',
      (v: string) =>
        !RESERVED_BUCKET_PREFIXES.some((p) => v.startsWith(p)) && !RESERVED_BUCKET_SUFFIXES.some((s) => v.endsWith(s)),
      `must not start with ${RESERVED_BUCKET_PREFIXES.map((p) => `\`${p}\``).join(', ')} or end with ${RESERVED_BUCKET_SUFFIXES.map((s) => `\`${s}\``).join(', ')} (reserved by S3)`,
    ),
  );

/** An object key prefix such as `campaign/aam/`: relative, folder-like, and safe to embed in IAM ARNs. */
export const objectPrefix = z
  .string()
  .superRefine(
    rule(
      's3-prefix',
      (v: string) => /^(?:[A-Za-z0-9!_.'()-]+\/)+$/.test(v) && !v.split('/').some((s) => s === '.' || s === '..'),
      "must be one or more folder names ending in `/`, without a leading `/`, using letters, digits and ! _ . ' ( ) -, e.g. `campaign/aam/`",
    ),
  );

/** A single folder name below the prefix. */
export const folderName = z
  .string()
  .superRefine(
    rule(
      's3-folder-name',
      (v: string) => /^[A-Za-z0-9!_'()-][A-Za-z0-9!_.'()-]*$/.test(v),
      "must be one folder name (letters, digits and ! _ . ' ( ) -), without slashes, e.g. `import`",
    ),
  );

export const accountId = z
  .string()
  .superRefine(
    rule('aws-account-id', (v: string) => /^\d{12}$/.test(v), 'an AWS account ID is exactly 12 digits, as a string'),
  );

export const kmsKeyArn = z
  .string()
  .superRefine(
    rule(
      'kms-key-arn',
      (v: string) =>
        /^arn:aws:kms:[a-z0-9-]+:\d{12}:(key\/[0-9a-f-]{36}|key\/mrk-[0-9a-f]{32}|alias\/[A-Za-z0-9/_-]+)$/.test(v),
      'must be a KMS key or alias ARN, e.g. `arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`',
    ),
  );

/** A DNS name without a trailing dot, lowercase; each label 1-63 characters. */
export const hostname = z
  .string()
  .transform((v) => v.toLowerCase().replace(/\.$/, ''))
  .superRefine(
    rule(
      'hostname',
      (v: string) =>
        v.length <= 253 &&
        v.split('.').length >= 2 &&
        v.split('.').every((l) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(l)),
      'must be a fully qualified host name such as `t.news.example.com` (letters, digits, hyphens; no scheme, no path)',
    ),
  );

export const hostedZoneId = z
  .string()
  .superRefine(
    rule(
      'route53-zone-id',
      (v: string) => /^[A-Z0-9]{1,32}$/.test(v),
      'a Route53 hosted zone ID looks like `Z0123456789ABCDEFGHIJ`',
    ),
  );

export const aamDestinationId = z
  .string()
  .superRefine(
    rule(
      'aam-destination-id',
      (v: string) => /^\d{1,12}$/.test(v),
      'an AAM Destination ID is the number Adobe sends you, written as a string of digits, e.g. "123456"',
    ),
  );

export const email = z
  .string()
  .superRefine(
    rule(
      'email',
      (v: string) => /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(v),
      'must be an email address such as `ops@example.com`',
    ),
  );

/** ASCII-armoured keys are rejected: Terraform's `pgp_key` wants the base64 body or `keybase:<user>`. */
export const pgpPublicKey = z
  .string()
  .superRefine(
    rule(
      'pgp-public-key',
      (v: string) =>
        /^keybase:[A-Za-z0-9_]+$/.test(v) || (/^[A-Za-z0-9+/\s]+={0,2}$/.test(v) && v.replace(/\s/g, '').length >= 64),
      'must be `keybase:<username>` or a base64-encoded binary PGP public key (`gpg --export <id> | base64 -w0`), not ASCII-armoured',
    ),
  );

export const days = (what: string) => z.number().int().min(1).max(3650).describe(`number of days ${what}`);

/** AWS tag rules (keys up to 128 characters, values up to 256, no reserved `aws:` prefix). */
export const tags = z.record(
  z
    .string()
    .superRefine(
      rule(
        'aws-tag-key',
        (k: string) =>
          k.length >= 1 &&
          k.length <= 128 &&
          !k.toLowerCase().startsWith('aws:') &&
          /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u.test(k),
        'tag keys are 1-128 characters of letters, digits, spaces and _ . : / = + - @, and must not start with `aws:`',
      ),
    ),
  z
    .string()
    .superRefine(
      rule(
        'aws-tag-value',
        (v: string) => v.length <= 256 && /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(v),
        'tag values are at most 256 characters of letters, digits, spaces and _ . : / = + - @',
      ),
    ),
);

/** An emulator endpoint on this machine; real environments have no endpoint at all. */
export const loopbackEndpoint = z
  .string()
  .superRefine(
    rule(
      'loopback-endpoint',
      (v: string) => /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\]):\d{1,5}$/.test(v),
      'an emulator endpoint is `http://127.0.0.1:<port>` or `http://localhost:<port>` (no path)',
    ),
  );
