import { readdirSync, readFileSync } from 'node:fs';

interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly argv: string[];
}

/** Every process on the machine, from /proc (Linux; the emulator tests run there). */
function processes(): ProcessInfo[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry): ProcessInfo[] => {
      try {
        // `pid (comm) state ppid ...`: comm may hold spaces and parentheses, so split after the last `)`.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
        return [{ pid: Number(entry), ppid, argv }];
      } catch {
        return []; // exited meanwhile
      }
    });
}

/** The processes started, directly or not, by `root`. */
export function descendantsOf(root: number): ProcessInfo[] {
  const all = processes();
  const found: ProcessInfo[] = [];
  const parents = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        found.push(p);
        grew = true;
      }
    }
  }
  return found;
}

const isTerraformApply = (p: ProcessInfo) =>
  p.argv.length > 0 && /(^|\/)terraform$/.test(p.argv[0]) && p.argv.includes('apply');

/**
 * Waits for a `terraform apply` started (through any layers: npm, node, cdktf) by `root`, then
 * for `ready()` (e.g. "the bucket exists"), and kills that Terraform with SIGKILL, as an
 * out-of-memory killer would: Terraform gets no chance to save state, and its parent (cdktf) lives
 * on. Returns the killed process ID.
 */
export async function killTerraformMidApply(
  root: number,
  ready: () => Promise<boolean>,
  timeoutMs = 300_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const apply = descendantsOf(root).find(isTerraformApply);
    if (apply !== undefined && (await ready())) {
      process.kill(apply.pid, 'SIGKILL');
      return apply.pid;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no terraform apply under process ${root} became ready within ${timeoutMs / 1000} s`);
}
