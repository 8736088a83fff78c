import { apiGet, apiStatus } from './support/api'
import { expect, screenshot, signIn, test } from './support/fixtures'
import { currentYearToDate } from './support/platform'

interface Cockpit {
  siblings: { parentName: string; units: { orgUnit: string; name: string; self: boolean }[] } | null
}

test('a county officer can pick only their county, gets a clear page for the city, and sees the siblings’ ranking', async ({
  page,
}) => {
  await signIn(page, 'gp-officer')
  await expect(page).toHaveURL(/\/cockpit\/450881$/)
  // the picker names the unit shown (the tree itself is drawn only when it opens)
  await expect(page.locator('.cockpit__pickers').getByText('桂平市', { exact: true })).toBeVisible()

  // the unit picker offers the county and what lies under it, never the city or a sibling
  await page.getByRole('combobox', { name: '单位' }).click()
  const options = page.getByRole('treeitem')
  await expect(options.first()).toBeVisible()
  // a tree item's text holds its children's: the first item is the county itself, with its parks under it
  const offered = (await options.allTextContents()).map((text) => text.trim())
  expect(offered[0]).toMatch(/^桂平市/)
  expect(offered.join('|')).not.toMatch(/贵港市|港北区|港南区|覃塘区|平南县/)
  await page.keyboard.press('Escape')

  // the sibling ranking (排名通报 goes to every county of the city): aggregates of each county
  const period = currentYearToDate()
  const cockpit = await apiGet<Cockpit>('gp-officer', `/api/reports/units/450881/cockpit?period=${period}`)
  expect(cockpit.siblings?.units.length).toBeGreaterThan(1)
  const siblings = page.getByRole('table', { name: /同级排名/ })
  await expect(siblings.getByRole('rowheader')).toHaveText(
    cockpit.siblings!.units.map((unit) => new RegExp(unit.name)),
  )
  // …but no way into a sibling: no link, and the API still refuses its report
  await expect(siblings.getByRole('link')).toHaveCount(0)
  expect(await apiStatus('gp-officer', `/api/reports/units/450802?period=${period}`)).toBe(404)

  // a deep link to the city's cockpit says plainly that it is out of scope
  await page.goto('/cockpit/450800')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('不在您的管辖范围')
  await expect(page.getByText('单位 450800 不在您的管辖范围内')).toBeVisible()
  await expect(page.getByRole('article')).toHaveCount(0)
  await screenshot(page, 'not-in-scope')
  await page.getByRole('link', { name: '返回本单位驾驶舱' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('桂平市 · 数据驾驶舱')
})
