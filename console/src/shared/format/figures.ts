/**
 * The one place that turns the reporting API's figures into text. The API already rounds as
 * metrics.md says (amounts in 亿元 with 2 decimals, rates with 2, gaps with 1, half up); this module
 * never rounds or computes, it only adds signs, separators and units, and shows "—" where the API
 * gives null (a rate without a denominator, a figure without a target).
 */
export const MISSING = '—'

type Maybe<T> = T | null | undefined

/** A rate as the API gives it: `percent` with 2 decimals. */
export interface Rate {
  percent?: string
  points?: string
}

/** A count ("247", "1811") with thousands separators. */
export function count(value: Maybe<string | number>): string {
  if (value === null || value === undefined || value === '') {
    return MISSING
  }
  return groupThousands(String(value))
}

/** An amount in 亿元 exactly as the API gives it ("890.15"), with separators. */
export function yi(value: Maybe<string>): string {
  return value === null || value === undefined ? MISSING : groupThousands(value)
}

/** An amount in yuan exactly as project-service gives it ("250000000.00"), with separators. */
export function yuan(value: Maybe<string>): string {
  return value === null || value === undefined ? MISSING : groupThousands(value)
}

/** A rate in percent ("118.69%"). */
export function percent(rate: Maybe<Rate>): string {
  return rate?.percent === undefined ? MISSING : `${rate.percent}%`
}

/** A target share in percent, as the API gives it ("45"). */
export function targetPercent(value: Maybe<string>): string {
  return value === null || value === undefined ? MISSING : `${value}%`
}

/** A gap in percentage points with its sign ("+35.4", "-12.0"); zero has none. */
export function points(gap: Maybe<Rate>): string {
  return signed(gap?.points)
}

/** A signed rate in percent ("+11.73%"), for year-on-year growth. */
export function signedPercent(rate: Maybe<Rate>): string {
  const value = signed(rate?.percent)
  return value === MISSING ? value : `${value}%`
}

/** The API's numbers as numbers, only to place them on a chart's axis or colour scale. */
export function chartValue(value: Maybe<string>): number | null {
  if (value === null || value === undefined) {
    return null
  }
  const parsed = Number(value)
  return Number.isFinite(parsed) ? parsed : null
}

function signed(value: Maybe<string>): string {
  if (value === null || value === undefined) {
    return MISSING
  }
  if (value.startsWith('-')) {
    return value
  }
  return /^0(\.0+)?$/.test(value) ? value : `+${value}`
}

function groupThousands(decimal: string): string {
  const [whole = '', fraction] = decimal.split('.')
  const negative = whole.startsWith('-')
  const digits = negative ? whole.slice(1) : whole
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`
}
