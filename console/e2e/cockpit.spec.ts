import { apiGet } from './support/api'
import { expectCardsToShow, type UnitReport } from './support/cards'
import { expect, screenshot, signIn, test } from './support/fixtures'
import { currentYearToDate } from './support/platform'

interface Cockpit {
  cards: Record<string, { warningLevel?: string | null }>
  ranking: { units: { orgUnit: string; name: string; rank: number | null }[] }
}

const period = currentYearToDate()

test('a city officer signs in on Keycloak’s page and lands on the city’s cockpit, whose cards are the reporting API’s figures', async ({
  page,
}) => {
  await signIn(page, 'gg-officer')
  await expect(page).toHaveURL(/\/cockpit\/450800$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('贵港市 · 数据驾驶舱')
  // the header shows who is signed in: name, unit and roles
  const header = page.getByRole('banner')
  await expect(header).toContainText('贵港市 招商专员')
  await expect(header).toContainText('贵港市')
  await expect(header).toContainText('招商专员、领导、目标管理')

  const report = await apiGet<UnitReport>('gg-officer', `/api/reports/units/450800?period=${period}`)
  await expectCardsToShow(page, report)

  // a card is coloured only where the API gives it a warning level
  const cockpit = await apiGet<Cockpit>('gg-officer', `/api/reports/units/450800/cockpit?period=${period}`)
  const titles: Record<string, string> = {
    signedCount: '新签约项目数',
    contractInvestment: '合同投资额',
    fundsInPlace: '到位资金',
    top500: '500强项目数（四类）',
    manufacturingShare: '制造业占比',
    landingRate: '落地率',
    startRate: '开工率',
  }
  for (const [key, title] of Object.entries(titles)) {
    const card = page.getByRole('article', { name: title, exact: true })
    const level = cockpit.cards[key]?.warningLevel
    await expect(card.getByText('黄色预警'), `${title}: yellow`).toHaveCount(level === 'YELLOW' ? 1 : 0)
    await expect(card.getByText('红色预警'), `${title}: red`).toHaveCount(level === 'RED' ? 1 : 0)
  }

  // the ranking table lists the counties in the API's order
  const ranking = page.getByRole('table', { name: /下级单位排名/ })
  await expect(ranking.getByRole('rowheader')).toHaveText(cockpit.ranking.units.map((unit) => unit.name))
  await screenshot(page, 'cockpit-guigang')
})

test('clicking 桂平 on the map drills down to its cockpit, with the API’s figures for 450881', async ({
  page,
}) => {
  await signIn(page, 'gg-officer')
  const map = page.getByTestId('children-map')
  await expect(map).toHaveAttribute('data-regions', /450881/)
  const regions = JSON.parse((await map.getAttribute('data-regions')) ?? '{}') as Record<
    string,
    [number, number]
  >
  const [x, y] = regions['450881'] ?? [0, 0]
  await map.click({ position: { x, y } })

  await expect(page).toHaveURL(/\/cockpit\/450881\?period=/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('桂平市 · 数据驾驶舱')
  await expect(page.locator('.cockpit__pickers').getByText('桂平市', { exact: true })).toBeVisible()
  const report = await apiGet<UnitReport>('gg-officer', `/api/reports/units/450881?period=${period}`)
  await expectCardsToShow(page, report)
  await screenshot(page, 'cockpit-guiping-drilled-down')
})

test('the region’s cockpit shows its 14 cities on the map and in the ranking', async ({ page }) => {
  await signIn(page, 'gx-viewer')
  await expect(page).toHaveURL(/\/cockpit\/450000$/)
  const report = await apiGet<UnitReport>('gx-viewer', `/api/reports/units/450000?period=${period}`)
  await expectCardsToShow(page, report)
  const map = page.getByTestId('children-map')
  await expect(map).toHaveAttribute('data-regions', /451400/)
  expect(Object.keys(JSON.parse((await map.getAttribute('data-regions')) ?? '{}'))).toHaveLength(14)
  await expect(page.getByRole('table', { name: /下级单位排名/ }).getByRole('rowheader')).toHaveCount(14)
  await screenshot(page, 'cockpit-region')
})
