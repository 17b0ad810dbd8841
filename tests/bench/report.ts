/** A benchmark's printed table and the targets it checked. */
export interface TargetCheck {
  name: string;
  actual: number;
  target: number;
  /** 'max': actual must not exceed target; 'min': actual must reach it. */
  kind: 'max' | 'min';
}

export function passed(check: TargetCheck): boolean {
  return check.kind === 'max' ? check.actual <= check.target : check.actual >= check.target;
}

export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [
    header,
    ...rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell))),
  ];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => String(row[i] ?? '').length)));
  const line = (row: (string | number)[]) => row.map((cell, i) => String(cell).padEnd(widths[i]!)).join('  ');
  console.log(`\n${title}`);
  console.log(line(cells[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export function printTargets(checks: readonly TargetCheck[]): boolean {
  printTable(
    'Targets',
    ['target', 'actual', 'limit', 'result'],
    checks.map((check) => [
      check.name,
      check.actual,
      `${check.kind === 'max' ? '<=' : '>='} ${formatNumber(check.target)}`,
      passed(check) ? 'pass' : 'FAIL',
    ]),
  );
  return checks.every(passed);
}
