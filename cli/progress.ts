import { VARIABLES } from '../runtime/environment-variables';
/**
 * Progress for long commands: a live status line on a terminal, nothing extra in CI or when the
 * output is piped (so logs stay quiet and every line printed is a result a script can parse).
 */

/** True on a terminal, false in CI (`CI` set to anything but `0`/`false`) or when piped. */
export function isInteractive(stream: NodeJS.WriteStream = process.stdout): boolean {
  const ci = (process.env[VARIABLES.ci] ?? '').toLowerCase();
  return stream.isTTY === true && (ci === '' || ci === '0' || ci === 'false');
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One line that is rewritten in place on a terminal; a no-op elsewhere. */
export class StatusLine {
  private shown = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly stream: NodeJS.WriteStream = process.stdout) {}

  /** Shows `text` now. */
  set(text: string): void {
    if (!isInteractive(this.stream)) return;
    const width = (this.stream.columns ?? 100) - 1;
    this.stream.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    this.shown = true;
  }

  /** Shows `render()` now and every second, e.g. with a running timer, until `clear()`. */
  tick(render: () => string): void {
    this.stopTicking();
    this.set(render());
    if (isInteractive(this.stream)) this.timer = setInterval(() => this.set(render()), 1000).unref();
  }

  /** Removes the line, so a result line can take its place. */
  clear(): void {
    this.stopTicking();
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  private stopTicking(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
