/**
 * A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and
 * line breaks (the Bitext LLM file has multi-line replies).
 */

/** Parses CSV text into rows of fields; a leading byte-order mark is dropped. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;

  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (source[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((fields) => fields.some((value) => value !== ''));
}

/** Rows as objects keyed by the header line. */
export function parseCsvRecords(
  text: string,
  delimiter = ',',
): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, delimiter);
  if (!header) return [];
  return rows.map((fields) =>
    Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ''])),
  );
}
