// "Download CSV": what a view shows, as RFC 4180 text (CRLF line ends; a field
// with a comma, a quote or a line break in quotes, its quotes doubled), built
// from the data the view already fetched: no second request.

export type CsvRows = readonly (readonly string[])[];

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: CsvRows): string {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Hands the rows to the browser as a file download. */
export function downloadCsv(fileName: string, rows: CsvRows): void {
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A "Download CSV" button that asks for the rows when pressed (the view's latest). */
export function csvButton(fileName: string, rows: () => CsvRows): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'csv';
  button.textContent = 'Download CSV';
  button.onclick = () => downloadCsv(fileName, rows());
  return button;
}
