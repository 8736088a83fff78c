import AxeBuilder from '@axe-core/playwright'
import { expect, signIn, test } from './support/fixtures'

test('axe finds no serious or critical accessibility violation on the cockpit', async ({ page }) => {
  await signIn(page, 'gg-officer')
  await expect(page.getByTestId('children-map')).toHaveAttribute('data-regions', /450881/)
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }))
  expect(serious).toEqual([])
})
