/**
 * Pull-request review: one report for every environment's change, in Campaign's words, risks
 * first, from two revisions (no credentials) or from Terraform's plans.
 */
export { ReviewInputError } from './errors';
export type { ChangeSet, EnvironmentChanges, ResourceChange } from './model';
export { planChanges, type PlanInput } from './plan/plan-changes';
export { buildReport, type Report, type Risk } from './report';
export { COMMENT_LIMIT, renderMarkdown } from './render/markdown';
export { renderJson } from './render/json';
export { revisionChanges, WORKING_TREE, type RevisionsOptions } from './revision/revision-changes';
export { RISK_RULES } from './risks';
