import type { RunJob } from './deploy-waves';
import { gitHubApi } from './api-client';

export interface RunJobsOptions {
  readonly apiUrl: string;
  readonly token: string;
  /** `owner/name`. */
  readonly repository: string;
  readonly runId: string;
}

function explain(status: number, message: string, what: string): string {
  const said = message === '' ? '' : ` (GitHub says: ${message})`;
  if (status === 401 || status === 403) {
    return `GitHub refused to ${what}: HTTP ${status}${said}. Pass the job's GITHUB_TOKEN and give the job \`permissions: actions: read\`.`;
  }
  return `GitHub could not ${what}: HTTP ${status}${said}.`;
}

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
