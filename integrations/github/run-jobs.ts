import type { RunJob } from './deploy-waves';
import { explainWith, gitHubApi } from './api-client';

export interface RunJobsOptions {
  readonly apiUrl: string;
  readonly token: string;
  /** `owner/name`. */
  readonly repository: string;
  readonly runId: string;
}

const explain = explainWith({
  unauthorized: "Pass the job's GITHUB_TOKEN and give the job `permissions: actions: read`.",
  forbidden: 'Give the job `permissions: actions: read`.',
  notFound: 'Check GITHUB_REPOSITORY (owner/name) and GITHUB_RUN_ID, and that the token can see them.',
});

/** Every job of a workflow run, in its latest attempt (a re-run's jobs replace the failed ones). */
export async function listRunJobs(options: RunJobsOptions): Promise<RunJob[]> {
  const { pages } = gitHubApi({ ...options, explain });
  const jobs: RunJob[] = [];
  const url = `/repos/${options.repository}/actions/runs/${encodeURIComponent(options.runId)}/jobs?filter=latest&per_page=100`;
  for await (const page of pages<{ jobs: RunJob[] }>(url, `list the jobs of workflow run ${options.runId}`)) {
    jobs.push(...page.jobs);
  }
  return jobs;
}
