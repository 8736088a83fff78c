/**
 * A CSV file as Excel opens it in China: UTF-8 with a byte order mark, CRLF, every cell quoted.
 * A cell that starts like a formula (= + - @) gets a leading apostrophe, so that a value in an
 * audit row is never run as a formula by the spreadsheet that opens the export.
 */
export function csvOf(header: string[], rows: string[][]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
    return `"${safe.replace(/"/g, '""')}"`
  }
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`
}

/** Hands a file made in the browser to the user, under the given name. */
export function saveFile(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
