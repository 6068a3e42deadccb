/** A Markdown table cell: pipes and line breaks would break the table. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function table(header: [string, string], rows: [string, string][]): string {
  return [
    `| ${header[0]} | ${header[1]} |`,
    '| --- | --- |',
    ...rows.map(([a, b]) => `| ${cell(a)} | ${cell(b)} |`),
  ].join('\n');
}

/** Text inside a double-quoted Mermaid label. */
export function mermaidLabel(text: string): string {
  return text.replace(/"/g, '#quot;');
}
