/** Reads the tables of a Markdown page: for each table, its first-column cells (header excluded). */
export function firstColumns(markdown: string): string[][] {
  const tables: string[][] = [];
  let current: string[] | undefined;
  let inFence = false;
  let row = 0;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const isRow = !inFence && /^\s*\|/.test(line);
    if (!isRow) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = [];
      tables.push(current);
      row = 0;
    }
    row++;
    if (row <= 2) continue; // header and separator
    const first = line.replace(/^\s*\|/, '').split(/(?<!\\)\|/)[0] ?? '';
    current.push(first.trim().replace(/^`(.*)`$/, '$1'));
  }
  return tables;
}
