import Papa from 'papaparse';

/**
 * How a cell starts when a spreadsheet would run it as a formula: = + - @, a tab or a carriage
 * return (https://owasp.org/www-community/attacks/CSV_Injection). Quotes already in front count too,
 * so a cell that really begins with a quote keeps it through an export and an import.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A cell safe to open in a spreadsheet: one that starts like a formula gets a single quote in front. */
export function csvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A cell read back from a file this extension wrote: the quote csvCell put in front is taken off. */
export function csvCellValue(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Rows as CSV lines, every cell through csvCell, each line ended by CRLF; no rows, no text. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  return rows.length === 0 ? '' : `${Papa.unparse(rows.map((row) => row.map(csvCell)))}\r\n`;
}
