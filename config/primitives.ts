import { posix } from 'node:path';
import { z } from 'zod';
import { RECEIVER_SERVER_HOST, splitReceiverServer } from '../campaign/vocabulary';
import { managedTags, MAX_TAGS_PER_RESOURCE } from './defaults';
import { checkPgpPublicKey, isKeybaseReference, isPgpKeyReference } from './pgp-public-key';
import { report, rule } from './rule';
import { textRules } from './text';

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

const MAX_PREFIX = 512;

/** An object key prefix such as `campaign/aam/`: relative, folder-like, and safe to embed in IAM ARNs. */
export const objectPrefix = z
  .string()
  .superRefine(
    rule(
      's3-prefix',
      (v: string) => /^(?:[A-Za-z0-9!_.'()-]+\/)+$/.test(v) && !v.split('/').some((s) => s === '.' || s === '..'),
      "must be one or more folder names ending in `/`, without a leading `/`, using letters, digits and ! _ . ' ( ) -, e.g. `campaign/aam/`",
    ),
  )
  .superRefine(
    rule(
      's3-prefix-length',
      (v: string) => v.length <= MAX_PREFIX,
      `must be at most ${MAX_PREFIX} characters: S3 object keys are at most 1,024 bytes, and the folders and Adobe's file names need the rest`,
    ),
  );

/** A folder path below a bucket, as in Adobe's receiver servers: folders without `.`/`..`, safe characters. */
const FOLDER_PATH = /^[A-Za-z0-9!_.'()-]+(?:\/[A-Za-z0-9!_.'()-]+)*\/?$/;
const RECEIVER_SERVER_EXAMPLE = '`adobe-aam-initech.s3.amazonaws.com/campaign/import`';

/**
 * A receiver server Adobe sent, in Campaign's form `<bucket>.s3.amazonaws.com/<path>`: no scheme,
 * no region in the host (the region has its own field), a bucket that obeys S3's rules (and ours:
 * no dots, which break TLS for that host), and a folder path.
 */
export const adobeReceiverServer = z.string().superRefine((v, ctx) => {
  const fail = (id: string, message: string) => report(ctx, id, [], v, message);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
    return fail(
      'receiver-server-no-scheme',
      `must not start with a scheme such as \`https://\`: Campaign's Receiver server field takes \`<bucket>${RECEIVER_SERVER_HOST}/<path>\`, e.g. ${RECEIVER_SERVER_EXAMPLE}`,
    );
  }
  const parts = splitReceiverServer(v);
  if (parts === undefined) {
    const regional = /\.s3[.-][a-z0-9-]+\.amazonaws\.com(\/|$)/.test(v);
    return fail(
      'receiver-server-form',
      regional
        ? `names the region in the host; Campaign writes \`<bucket>${RECEIVER_SERVER_HOST}/<path>\` and takes the region in its own field (\`region\`), e.g. ${RECEIVER_SERVER_EXAMPLE}`
        : `must be \`<bucket>${RECEIVER_SERVER_HOST}/<path>\` as Adobe sent it (bucket, host, then the folder), e.g. ${RECEIVER_SERVER_EXAMPLE}`,
    );
  }
  const bucket = bucketName.safeParse(parts.bucket);
  for (const issue of bucket.success ? [] : bucket.error.issues) {
    const id = String((issue as { params?: { rule?: string } }).params?.rule ?? 's3-bucket-name');
    fail(id, `its bucket \`${parts.bucket}\` ${issue.message}`);
  }
  const path = parts.folder.slice(0, -1);
  if (
    !FOLDER_PATH.test(`${path}/`) ||
    path.split('/').some((s) => s === '.' || s === '..') ||
    path.length > MAX_PREFIX
  ) {
    fail(
      'receiver-server-path',
      `its path \`${path}\` must be folder names separated by single \`/\` (letters, digits and ! _ . ' ( ) -, no \`.\` or \`..\` folders, at most ${MAX_PREFIX} characters), e.g. ${RECEIVER_SERVER_EXAMPLE}`,
    );
  }
});

/** An AWS access key ID: `AKIA` (a long-term key) or `ASIA` (temporary), then 16 uppercase letters or digits. */
export const accessKeyId = z.string().superRefine((v, ctx) => {
  if (/^(?:AKIA|ASIA)[A-Z0-9]{16}$/.test(v)) return;
  // A secret access key pasted into the wrong field must not be echoed into the error (and the logs).
  const looksSecret = /^[A-Za-z0-9/+]{40}$/.test(v);
  ctx.addIssue({
    code: 'custom',
    params: { rule: 'aws-access-key-id', redact: looksSecret },
    input: looksSecret ? undefined : v,
    message: looksSecret
      ? 'looks like a secret access key (40 characters), which must never be written in a file: remove it from the file (and from its history), and give the access key ID, `AKIA` or `ASIA` followed by 16 uppercase letters or digits; the secret goes in with `npm run secret -- set <environment>`'
      : "an AWS access key ID is `AKIA` or `ASIA` followed by 16 uppercase letters or digits, e.g. `AKIAIOSFODNN7EXAMPLE`, exactly as in Adobe's reply (never the secret access key)",
  });
});

/** A single folder name below the prefix. */
export const folderName = z
  .string()
  .superRefine(
    rule(
      's3-folder-name',
      (v: string) => /^[A-Za-z0-9!_'()-][A-Za-z0-9!_.'()-]{0,127}$/.test(v),
      "must be one folder name of 1-128 letters, digits and ! _ . ' ( ) - (not starting with a dot), without slashes, e.g. `import`",
    ),
  );

export const accountId = z
  .string()
  .superRefine(
    rule('aws-account-id', (v: string) => /^\d{12}$/.test(v), 'an AWS account ID is exactly 12 digits, as a string'),
  );

const KEY_ID = '(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const KMS_KEY_ARN = new RegExp(`^arn:aws:kms:[a-z0-9-]+:\\d{12}:key/${KEY_ID}$`);
const KMS_ALIAS_ARN = /^arn:aws:kms:[a-z0-9-]+:\d{12}:alias\/[A-Za-z0-9/_-]+$/;
const KMS_EXAMPLE = '`arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`';

/** The region of a KMS key or alias ARN (both validated before anyone asks). */
export const kmsRegion = (arn: string) => arn.split(':')[3];

/**
 * The receiver's KMS key: a key ARN. An alias ARN is rejected because the access key's IAM policy
 * grants on this ARN, and IAM grants on an alias authorize nothing: Campaign would be denied every
 * SSE-KMS object.
 */
export const kmsKeyArn = z.string().superRefine((v, ctx) => {
  if (KMS_KEY_ARN.test(v)) return;
  if (KMS_ALIAS_ARN.test(v)) {
    report(
      ctx,
      'kms-key-not-alias',
      [],
      v,
      "is an alias ARN: the access key's IAM policy grants on this ARN, and a grant on an alias authorizes nothing, so Campaign would be denied every encrypted file; use the key ARN the alias points to (`aws kms describe-key --key-id <alias ARN> --query KeyMetadata.Arn`)",
    );
  } else {
    report(ctx, 'kms-key-arn', [], v, `must be a KMS key ARN, e.g. ${KMS_EXAMPLE}`);
  }
});

/**
 * The state object's KMS key, as Terraform's S3 backend checks it at `init`: a key ARN whose key ID
 * is a UUID (version 1-5) or a multi-Region key, or an alias ARN (S3 resolves aliases itself).
 */
const STATE_KMS_KEY_ARN =
  /^arn:aws:kms:[a-z0-9-]+:\d{12}:key\/(?:mrk-[a-f0-9]{32}|[a-f0-9]{8}-[a-f0-9]{4}-[1-5][a-f0-9]{3}-[ab89][a-f0-9]{3}-[a-f0-9]{12})$/;
export const stateKmsKeyArn = z
  .string()
  .superRefine(
    rule(
      'state-kms-key-arn',
      (v: string) => STATE_KMS_KEY_ARN.test(v) || KMS_ALIAS_ARN.test(v),
      "must be a KMS key ARN (with the key's UUID, as `aws kms describe-key` prints it) or alias ARN, as Terraform's S3 backend requires, e.g. `arn:aws:kms:eu-west-1:123456789012:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d`",
    ),
  );

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^\[?[0-9a-f]*:[0-9a-f:.]*\]?$/;

/**
 * A fully qualified DNS name. Normalized: surrounding whitespace and one trailing dot removed,
 * lowercase (DNS ignores case). An IP address is not a host name: Route53 NS and CNAME records
 * point at names.
 */
export const hostname = z
  .string()
  .transform((v) => v.trim().toLowerCase().replace(/\.$/, ''))
  .superRefine((v, ctx) => {
    const labels = v.split('.');
    if (IPV4.test(v) || IPV6.test(v)) {
      report(
        ctx,
        'hostname-not-ip-address',
        [],
        v,
        'is an IP address; a host name is needed here (DNS records point at names), e.g. `ns1.adobe.example`',
      );
    } else if (
      v.length > 253 ||
      labels.length < 2 ||
      !labels.every((l) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(l)) ||
      /^\d+$/.test(labels[labels.length - 1])
    ) {
      report(
        ctx,
        'hostname',
        [],
        v,
        'must be a fully qualified host name such as `t.news.example.com` (letters, digits, hyphens; no scheme, no path; internationalized names in their `xn--` form)',
      );
    }
  });

export const hostedZoneId = z.string().superRefine(
  rule(
    'route53-zone-id',
    (v: string) => /^[A-Z0-9]{1,32}$/.test(v),
    (v: string) =>
      v.startsWith('/hostedzone/')
        ? `remove the \`/hostedzone/\` prefix: write \`${v.slice('/hostedzone/'.length)}\``
        : 'a Route53 hosted zone ID is uppercase letters and digits, e.g. `Z0123456789ABCDEFGHIJ` (`aws route53 list-hosted-zones-by-name` shows it)',
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

export const email = textRules(
  z
    .string()
    .superRefine(
      rule(
        'email',
        (v: string) => /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(v),
        'must be an email address such as `ops@example.com`',
      ),
    ),
);

/**
 * `keybase:<user>` or a base64 binary public key, whose material is read with OpenPGP (which is
 * asynchronous, so environment files are validated with `parseAsync`).
 */
export const pgpPublicKey = z
  .string()
  .superRefine(
    rule(
      'pgp-public-key',
      isPgpKeyReference,
      'must be `keybase:<username>` or a base64-encoded binary PGP public key on one line with its `=` padding (`gpg --export <id> | base64 -w0`), not ASCII-armoured',
    ),
  )
  .superRefine(async (v, ctx) => {
    if (!isPgpKeyReference(v) || isKeybaseReference(v)) return;
    const check = await checkPgpPublicKey(v);
    if (!check.ok) report(ctx, check.rule, [], v, check.message);
  });

export const days = (what: string) => z.number().int().min(1).max(3650).describe(`number of days ${what}`);

const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const RESERVED_TAG_KEYS = Object.keys(managedTags('-'));
/** Tag limits count Unicode characters, not UTF-16 code units. */
const characters = (text: string) => [...text].length;

/**
 * AWS tag rules (keys 1-128 characters, values up to 256, no reserved `aws:` prefix), plus what
 * applying them to an IAM user needs: keys distinct ignoring case, the default tags not redefined,
 * and room for them within AWS's 50 tags per resource.
 */
export const tags = z
  .record(
    z
      .string()
      .superRefine(
        rule(
          'aws-tag-key',
          (k: string) =>
            characters(k) >= 1 && characters(k) <= 128 && !k.toLowerCase().startsWith('aws:') && TAG_CHARACTERS.test(k),
          'tag keys are 1-128 characters of letters, digits, spaces and _ . : / = + - @, and must not start with `aws:`',
        ),
      ),
    z
      .string()
      .superRefine(
        rule(
          'aws-tag-value',
          (v: string) => characters(v) <= 256 && TAG_CHARACTERS.test(v),
          'tag values are at most 256 characters of letters, digits, spaces and _ . : / = + - @',
        ),
      ),
  )
  .superRefine((record, ctx) => {
    const keys = Object.keys(record);
    const seen = new Map<string, string>();
    for (const key of keys) {
      const reserved = RESERVED_TAG_KEYS.find((r) => r.toLowerCase() === key.toLowerCase());
      if (reserved !== undefined) {
        report(
          ctx,
          'aws-tag-reserved-key',
          [key],
          key,
          `\`${reserved}\` is set by the stack on every resource (${RESERVED_TAG_KEYS.map((r) => `\`${r}\``).join(', ')}); choose another key`,
        );
      }
      const first = seen.get(key.toLowerCase());
      if (first !== undefined) {
        report(
          ctx,
          'aws-tag-key-unique-ignoring-case',
          [key],
          key,
          `differs from the tag \`${first}\` only in case; IAM compares tag keys ignoring case and would reject the user; keep one`,
        );
      }
      seen.set(key.toLowerCase(), first ?? key);
    }
    const room = MAX_TAGS_PER_RESOURCE - RESERVED_TAG_KEYS.length;
    if (keys.length > room) {
      report(
        ctx,
        'aws-tag-count',
        [],
        keys.length,
        `at most ${room} tags: AWS allows ${MAX_TAGS_PER_RESOURCE} per bucket and IAM user, and the stack adds ${RESERVED_TAG_KEYS.length}`,
      );
    }
  });

/** An emulator endpoint on this machine; real environments have no endpoint at all. */
export const loopbackEndpoint = z.string().superRefine(
  rule(
    'loopback-endpoint',
    (v: string) => {
      const match = /^http:\/\/(127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})|localhost|\[::1\]):(\d{1,5})$/.exec(v);
      if (match === null) return false;
      const octets = [match[2], match[3], match[4]].filter((o) => o !== undefined).map(Number);
      const port = Number(match[5]);
      return octets.every((o) => o <= 255) && port >= 1 && port <= 65535;
    },
    'an emulator endpoint is `http://127.0.0.1:<port>` or `http://localhost:<port>` with a port from 1 to 65535 (no path)',
  ),
);

/**
 * The S3 backend's state object key, as Terraform checks it at `init` (not starting or ending with
 * `/`, no `//`), in S3's safe characters (no `${`: backend settings cannot hold expressions).
 */
export const stateKey = z
  .string()
  .superRefine(
    rule(
      's3-state-key',
      (v: string) =>
        /^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/.test(v) &&
        v.length <= 1024 &&
        !v.split('/').some((s) => s === '.' || s === '..'),
      "must be an object key such as `campaign-aam/production.tfstate`: at most 1,024 letters, digits and ! _ . * ' ( ) - in folders separated by single `/`, not starting or ending with `/`, without `.` or `..` folders",
    ),
  );

/**
 * A local state file: relative to the project folder, or absolute (used as is, for machine-local
 * state such as an emulator environment's). Written the same on every operating system: `/`
 * separators, portable characters; a relative path does not climb out of the project, where it
 * would depend on where each copy of the project sits.
 */
export const localStatePath = z
  .string()
  .superRefine(
    rule(
      'local-state-path',
      (v: string) => /^\/?[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(v) && !/^\.{1,2}$/.test(v.split('/').pop()!),
      'must be a file path, relative to the project folder (or absolute), with `/` between folders and letters, digits, `.`, `_` or `-` in names, e.g. `state/dev.tfstate` (no drive letter, no backslash, no trailing `/`)',
    ),
  )
  .superRefine(
    rule(
      'local-state-in-project',
      (v: string) => posix.isAbsolute(v) || !(posix.normalize(v) === '..' || posix.normalize(v).startsWith('../')),
      'must stay inside the project folder: a relative path that climbs out of it depends on where each copy of the project sits, and copies side by side would share one state; remove the `..` (or give an absolute path if the state is deliberately machine-local)',
    ),
  );
