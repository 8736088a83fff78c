/**
 * Report periods as the reporting API writes them (docs/reporting.md, `ReportPeriod`):
 * `2026-11` a month, `2026-Q3` a quarter, `2026-H1` a half year, `2026-11-YTD` the year to the end
 * of November (1–11月), `2026` a year.
 */
export type PeriodKind = 'YEAR_TO_DATE' | 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'YEAR'

export interface Period {
  kind: PeriodKind
  year: number
  /** the month of a MONTH or the last month of a YEAR_TO_DATE, 1–12 */
  month?: number
  /** 1–4 */
  quarter?: number
  /** 1–2 */
  half?: number
}

export const PERIOD_KINDS: PeriodKind[] = ['YEAR_TO_DATE', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR']

export function parsePeriod(text: string | undefined | null): Period | null {
  if (!text) {
    return null
  }
  let match = /^(\d{4})-(\d{2})-YTD$/.exec(text)
  if (match) {
    return valid({ kind: 'YEAR_TO_DATE', year: Number(match[1]), month: Number(match[2]) })
  }
  match = /^(\d{4})-(\d{2})$/.exec(text)
  if (match) {
    return valid({ kind: 'MONTH', year: Number(match[1]), month: Number(match[2]) })
  }
  match = /^(\d{4})-Q([1-4])$/.exec(text)
  if (match) {
    return { kind: 'QUARTER', year: Number(match[1]), quarter: Number(match[2]) }
  }
  match = /^(\d{4})-H([12])$/.exec(text)
  if (match) {
    return { kind: 'HALF_YEAR', year: Number(match[1]), half: Number(match[2]) }
  }
  match = /^(\d{4})$/.exec(text)
  return match ? { kind: 'YEAR', year: Number(match[1]) } : null
}

export function formatPeriod(period: Period): string {
  switch (period.kind) {
    case 'YEAR_TO_DATE':
      return `${period.year}-${pad(period.month)}-YTD`
    case 'MONTH':
      return `${period.year}-${pad(period.month)}`
    case 'QUARTER':
      return `${period.year}-Q${period.quarter ?? 1}`
    case 'HALF_YEAR':
      return `${period.year}-H${period.half ?? 1}`
    case 'YEAR':
      return `${period.year}`
  }
}

/** The month the period ends with (1–12). */
export function lastMonth(period: Period): number {
  switch (period.kind) {
    case 'YEAR_TO_DATE':
    case 'MONTH':
      return period.month ?? 12
    case 'QUARTER':
      return (period.quarter ?? 4) * 3
    case 'HALF_YEAR':
      return (period.half ?? 2) * 6
    case 'YEAR':
      return 12
  }
}

/** The same end, seen as another kind of period (the picker keeps the year and the month). */
export function withKind(period: Period, kind: PeriodKind): Period {
  const month = lastMonth(period)
  switch (kind) {
    case 'YEAR_TO_DATE':
    case 'MONTH':
      return { kind, year: period.year, month }
    case 'QUARTER':
      return { kind, year: period.year, quarter: Math.ceil(month / 3) }
    case 'HALF_YEAR':
      return { kind, year: period.year, half: month <= 6 ? 1 : 2 }
    case 'YEAR':
      return { kind, year: period.year }
  }
}

/** This month in China Standard Time, whatever the browser's time zone. */
export function currentMonth(now: Date = new Date()): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  })
    .formatToParts(now)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {})
  return { year: Number(parts.year), month: Number(parts.month) }
}

/** An instant of the API (ISO 8601, UTC) as China Standard Time: 2026-12-07 21:30:05. */
export function chinaDateTime(instant: string | null | undefined): string {
  if (!instant) {
    return ''
  }
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(new Date(instant))
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {})
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}

/** The cockpit's default: this year to date (1–N月), as bureaus count. */
export function defaultPeriod(now: Date = new Date()): Period {
  const { year, month } = currentMonth(now)
  return { kind: 'YEAR_TO_DATE', year, month }
}

/** `2026-11` of a month, for the downloads that take one. */
export function yearMonth(year: number, month: number): string {
  return `${year}-${pad(month)}`
}

function valid(period: Period): Period | null {
  return period.month !== undefined && period.month >= 1 && period.month <= 12 ? period : null
}

function pad(month: number | undefined): string {
  return String(month ?? 1).padStart(2, '0')
}
