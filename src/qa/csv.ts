/**
 * CSV as RFC 4180 writes it: CRLF between records, a field in double quotes when it holds a
 * comma, a quote, CR or LF, quotes inside doubled. Two additions for spreadsheets, both undone by
 * `parseCsv`: a UTF-8 byte order mark first (Excel reads Korean as UTF-8 only with it), and a `'`
 * before a value a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR; OWASP's advice
 * on CSV injection), so a member's question can never become a formula on an organizer's screen.
 */

const BOM = '\ufeff';
/** A value starting like this (after any apostrophes) gets one more apostrophe. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: CsvValue): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The records of a CSV text (the first is the header), values as `toCsv` was given them (as text). */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(/^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value);
    value = '';
  };
  while (i < input.length) {
    const c = input.charAt(i);
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else value += c;
      i++;
      continue;
    }
    if (c === '"' && value === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && input[i + 1] === '\n') {
      endField();
      records.push(record);
      record = [];
      i++;
    } else if (c === '\n') {
      endField();
      records.push(record);
      record = [];
    } else value += c;
    i++;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (value !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}
