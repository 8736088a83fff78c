import { expect, type Page } from '@playwright/test'

/** The reporting API's figure shapes, as far as the cards show them. */
interface Rate {
  percent?: string
  points?: string
}
export interface ApiFigure {
  actual?: string
  actualYi?: string
  target?: string | null
  targetYi?: string | null
  completion?: Rate | null
  yearOnYear?: Rate | null
  progressGap?: Rate | null
}
export interface ApiShare {
  actual?: Rate | null
  targetPercent?: string | null
  gap?: Rate | null
}
export interface UnitReport {
  orgUnit: string
  orgUnitName: string
  signedCount: ApiFigure
  contractInvestment: ApiFigure
  fundsInPlace: ApiFigure
  top500: { fourClasses: ApiFigure }
  manufacturingShare: ApiShare
  landingRate: ApiShare
  startRate: ApiShare
}

// The expected text of a figure: the API's value with separators, a sign and a unit added, "—" for
// null, exactly as metrics.md asks the console to show it (the API already rounded it).
function grouped(value: string): string {
  const [whole = '', fraction] = value.split('.')
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? digits : `${digits}.${fraction}`
}
const signed = (value: string | undefined) =>
  value === undefined ? undefined : /^-|^0(\.0+)?$/.test(value) ? value : `+${value}`
const nullable = (value: string | undefined | null, format: (text: string) => string) =>
  value === undefined || value === null ? value : format(value)
const orDash = (value: string | undefined | null, suffix = '') =>
  value === undefined || value === null ? '—' : `${value}${suffix}`

export function expectedCount(figure: ApiFigure, unit: string): Record<string, string> {
  return {
    完成: `${grouped(figure.actualYi ?? figure.actual ?? '')} ${unit}`,
    年度目标: orDash(nullable(figure.targetYi ?? figure.target, grouped), ` ${unit}`),
    完成率: orDash(figure.completion?.percent, '%'),
    同比: orDash(signed(figure.yearOnYear?.percent), '%'),
    较序时进度: orDash(signed(figure.progressGap?.points)),
  }
}

export function expectedShare(share: ApiShare): Record<string, string> {
  return {
    完成: orDash(share.actual?.percent, '%'),
    目标: orDash(share.targetPercent, '%'),
    '差距（百分点）': orDash(signed(share.gap?.points)),
  }
}

/** What a card shows: its terms and their values, as a person reads them. */
export async function cardFigures(page: Page, title: string): Promise<Record<string, string>> {
  const card = page.getByRole('article', { name: title, exact: true })
  await expect(card).toBeVisible()
  const terms = await card.getByRole('term').allTextContents()
  const values = await card.getByRole('definition').allTextContents()
  return Object.fromEntries(terms.map((term, index) => [term.trim(), (values[index] ?? '').trim()]))
}

/** Every card of the cockpit against the unit report of the same unit and period. */
export async function expectCardsToShow(page: Page, report: UnitReport): Promise<void> {
  expect(await cardFigures(page, '新签约项目数')).toEqual(expectedCount(report.signedCount, '个'))
  expect(await cardFigures(page, '合同投资额')).toEqual(expectedCount(report.contractInvestment, '亿元'))
  expect(await cardFigures(page, '到位资金')).toEqual(expectedCount(report.fundsInPlace, '亿元'))
  expect(await cardFigures(page, '500强项目数（四类）')).toEqual(
    expectedCount(report.top500.fourClasses, '个'),
  )
  expect(await cardFigures(page, '制造业占比')).toEqual(expectedShare(report.manufacturingShare))
  expect(await cardFigures(page, '落地率')).toEqual(expectedShare(report.landingRate))
  expect(await cardFigures(page, '开工率')).toEqual(expectedShare(report.startRate))
}
