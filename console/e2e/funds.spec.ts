import { apiGet } from './support/api'
import { cardFigures, expectedCount, type UnitReport } from './support/cards'
import { expect, screenshot, signIn, test } from './support/fixtures'
import { currentYearToDate, yesterdayInChina } from './support/platform'

interface Project {
  id: string
  name: string
  signingDate?: string
  reviewStatus?: string
  signingConfirmed?: boolean
}
interface FundsMonth {
  month: string
  amount: string
}

/** The month before this one in China Standard Time: the grid's default. */
function lastMonth(): string {
  const [year, month] = currentYearToDate().split('-').map(Number) as [number, number]
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
}
function monthBefore(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`
}
/** 198870000.00 as the grid shows it: 198,870,000.00 (separators in the whole part only). */
const grouped = (value: string) => {
  const [whole = '', fraction] = value.split('.')
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? digits : `${digits}.${fraction}`
}

test('gp-officer enters three projects’ funds for last month in one save, and the cockpit’s figures change once the events arrive', async ({
  page,
}) => {
  const month = lastMonth()
  const report = `/api/reports/units/450881?period=${currentYearToDate()}`
  const before = await apiGet<UnitReport>('gp-officer', report)
  const signed = await apiGet<{ items: Project[] }>(
    'gp-officer',
    '/api/projects?stage=SIGNED,LANDED,STARTED,COMPLETED,PRODUCING&size=50&page=0&sort=name,asc',
  )
  const chosen: { project: Project; previous?: FundsMonth }[] = []
  for (const project of signed.items) {
    if (chosen.length === 3) {
      break
    }
    // the demo data's projects (names unique), counted and signed by the grid's month
    if (
      project.name.includes('E2E') ||
      project.reviewStatus === 'PENDING' ||
      project.signingConfirmed === false ||
      !project.signingDate
    ) {
      continue
    }
    if (project.signingDate.slice(0, 7) > month) {
      continue
    }
    const funds = await apiGet<FundsMonth[]>('gp-officer', `/api/projects/${project.id}/funds`)
    if (!funds.some((entry) => entry.month === month)) {
      chosen.push({ project, previous: funds.find((entry) => entry.month === monthBefore(month)) })
    }
  }
  expect(chosen, 'three signed projects of 桂平 without funds last month').toHaveLength(3)

  await signIn(page, 'gp-officer', '/funds')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('到位资金填报')
  const grid = page.getByRole('region', { name: '到位资金表' })
  for (const [index, { project, previous }] of chosen.entries()) {
    const row = grid
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: project.name, exact: true }) })
    // the month before, beside each project, as the API has it
    await expect(row.getByRole('cell').nth(2)).toHaveText(previous ? grouped(previous.amount) : '—')
    await row.getByRole('textbox', { name: `${project.name} 本月到位资金` }).fill('300000000.00')
    await row
      .getByRole('textbox', { name: `${project.name} 进账单编号` })
      .fill(`YH-E2E-${Date.now()}-${index}`)
    await row.getByRole('combobox', { name: `${project.name} 进账日期` }).fill(yesterdayInChina())
    await row.getByRole('combobox', { name: `${project.name} 进账日期` }).press('Enter')
  }
  await page.getByRole('button', { name: '保存（3 个项目）' }).click()
  await expect(page.getByText('已保存：新填报 3 个，更正 0 个，未变 0 个')).toBeVisible()
  for (const { project } of chosen) {
    const funds = await apiGet<FundsMonth[]>('gp-officer', `/api/projects/${project.id}/funds`)
    expect(funds.find((entry) => entry.month === month)?.amount).toBe('300000000.00')
  }
  // read again: the grid shows the month as saved, nothing left to send
  await expect(page.getByRole('button', { name: '保存（0 个项目）' })).toBeDisabled()
  await screenshot(page, 'funds-month')

  // reporting applies the three funds-reported events: 9亿 more this year
  const expected = (Number(before.fundsInPlace.actualYi) + 9).toFixed(2)
  await expect
    .poll(async () => (await apiGet<UnitReport>('gp-officer', report)).fundsInPlace.actualYi, {
      timeout: 60_000,
    })
    .toBe(expected)
  const after = await apiGet<UnitReport>('gp-officer', report)
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '数据驾驶舱' }).click()
  await expect(page).toHaveURL(/\/cockpit\/450881/)
  await expect
    .poll(async () => cardFigures(page, '到位资金'))
    .toEqual(expectedCount(after.fundsInPlace, '亿元'))
})
