/**
 * Reads one secret from standard input: all of it when piped (`< file`, `printf %s "$S" |`), one
 * line typed at a hidden prompt on a terminal, with nothing echoed. One trailing line break is
 * dropped, as `echo` and editors add one.
 */
export async function readSecretInput(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (text: string) => {
        for (const c of text) {
          if (c === '\r' || c === '\n') {
            stdin.off('data', onData);
            resolve(typed);
            return;
          }
          if (c === '\u0003') {
            stdin.off('data', onData);
            reject(new Error('cancelled'));
            return;
          }
          // Backspace and delete remove the last character; nothing is shown either way.
          typed = c === '\u007f' || c === '\b' ? typed.slice(0, -1) : typed + c;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
}
