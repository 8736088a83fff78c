import { apiGet } from './support/api'
import { expectCardsToShow, type UnitReport } from './support/cards'
import { expect, screenshot, signIn, test } from './support/fixtures'
import { currentYearToDate } from './support/platform'

interface OrgTreeNode {
  code: string
  level: string
  nameZh: string
  children: OrgTreeNode[]
}

function parks(node: OrgTreeNode): OrgTreeNode[] {
  return [...(node.level === 'PARK' ? [node] : []), ...node.children.flatMap(parks)]
}

test('a park, which has no map, shows the reporting API’s figures', async ({ page }) => {
  const tree = await apiGet<OrgTreeNode>('gg-officer', '/api/org-units')
  const park = parks(tree)[0]
  expect(park, 'the demo data has an industrial park under 贵港').toBeDefined()

  await signIn(page, 'gg-officer', `/cockpit/${park!.code}`)
  await expect(page).toHaveURL(new RegExp(`/cockpit/${park!.code}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${park!.nameZh} · 数据驾驶舱`)
  const report = await apiGet<UnitReport>(
    'gg-officer',
    `/api/reports/units/${park!.code}?period=${currentYearToDate()}`,
  )
  await expectCardsToShow(page, report)
  await expect(page.getByTestId('children-map')).toHaveCount(0)
  await screenshot(page, 'cockpit-park')
})
