import { gone, goneWords, resourcesOf, type RiskRule } from './rule';

/** What each protective resource of the receiver bucket does, in a few words. */
const PROTECTIONS: Readonly<Record<string, string>> = {
  aws_s3_bucket_public_access_block: 'public-access block',
  aws_s3_bucket_server_side_encryption_configuration: 'default encryption',
  aws_s3_bucket_versioning: 'versioning',
  aws_s3_bucket_policy: 'bucket policy (TLS only)',
};

export const bucketProtectionDestroyed: RiskRule = {
  id: 'bucket-protection-destroyed',
  title: "Receiver bucket's public-access block, encryption, versioning or policy destroyed or replaced",
  why: 'Between the destroy and the create (or for good, if nothing is created) the bucket runs without it: public access, unencrypted writes, unrecoverable overwrites or plain-HTTP requests become possible.',
  check: (env) =>
    // When the bucket itself goes, that is the risk to read; its protections go with it.
    resourcesOf(env, 'aws_s3_bucket').some(gone)
      ? []
      : resourcesOf(env, ...Object.keys(PROTECTIONS))
          .filter(gone)
          .map((c) => ({ address: c.address, what: `${PROTECTIONS[c.type]} ${goneWords(c)}` })),
};
