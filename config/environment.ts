import type { PgpKeyFacts } from './pgp-public-key';
import { checkCrossFieldRules } from './rules';
import { environmentShape, type EnvironmentShape } from './schema';

/**
 * The full validation of one environment file: shape and defaults, then cross-field rules. It holds
 * an asynchronous rule (the PGP key is read with OpenPGP), so it is run with `safeParseAsync`.
 */
export const environmentSchema = environmentShape.superRefine(checkCrossFieldRules);

/** A validated environment. Everything downstream receives this and never re-validates. */
export interface Environment extends EnvironmentShape {
  /** The file's base name (`production` for `environments/production.json`): stack and resource names derive from it. */
  readonly name: string;
  /** Where it was read from, for messages. */
  readonly sourceFile: string;
  /** What was read from `accessKey.pgpPublicKey` when it is a base64 key (a `keybase:` key is fetched only at deploy). */
  readonly pgpKey?: PgpKeyFacts;
}
