import { checkCrossFieldRules } from './rules';
import { environmentShape, type EnvironmentShape } from './schema';

/** The full validation of one environment file: shape and defaults, then cross-field rules. */
export const environmentSchema = environmentShape.superRefine(checkCrossFieldRules);

/** A validated environment. Everything downstream receives this and never re-validates. */
export interface Environment extends EnvironmentShape {
  /** The file's base name (`production` for `environments/production.json`): stack and resource names derive from it. */
  readonly name: string;
  /** Where it was read from, for messages. */
  readonly sourceFile: string;
}
