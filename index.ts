/**
 * The library: the constructs and the environment model, for a cdktf app of your own that composes
 * `CampaignAamIntegration` into its own stack without this project's CLI (docs/library.md).
 * Validation lives in config/ alone: `parseEnvironmentConfig` turns what you write into the valid
 * `Environment` the construct takes, or throws one `ConfigError` listing every problem.
 */
export * from './constructs';
export { parseEnvironmentConfig, type EnvironmentConfig } from './config/validate-environment';
export type { Environment } from './config/environment';
export { ConfigError, type ConfigProblem } from './config/problems';
export { DEFAULTS } from './config/defaults';
export { defaultTags } from './stacks/aws-provider';
