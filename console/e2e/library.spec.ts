import { apiGet, apiProblem } from './support/api'
import { expect, screenshot, signIn, test } from './support/fixtures'

interface Project {
  id: string
  name: string
  contractAmount?: string
  keyProject?: boolean
}
interface ProjectPage {
  items: Project[]
  total: number
}

/** The name with one character in its middle replaced: the kind of typo the search has to forgive. */
function misspelt(name: string): string {
  const characters = [...name]
  const middle = Math.floor(characters.length / 2)
  characters[middle] = characters[middle] === '源' ? '原' : '源'
  return characters.join('')
}

test('gp-officer finds a project by a misspelt name, and the table shows what the API answers', async ({
  page,
}) => {
  const library = await apiGet<ProjectPage>('gp-officer', '/api/projects?size=100&sort=name,asc')
  // the longest name of the demo data (not one another spec registered): one wrong character
  // leaves most of it to match
  const project = library.items
    .filter((item) => !item.name.includes('E2E'))
    .sort((a, b) => [...b.name].length - [...a.name].length)[0]
  expect(project, 'the demo data has projects in 桂平').toBeDefined()
  const query = misspelt(project!.name)
  expect(query).not.toBe(project!.name)
  const found = await apiGet<ProjectPage>('gp-officer', `/api/projects?q=${encodeURIComponent(query)}`)
  expect(found.items.map((item) => item.id)).toContain(project!.id)

  await signIn(page, 'gp-officer', '/projects')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('项目库')
  await expect(
    page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '项目库' }),
  ).toBeVisible()
  const results = page.getByRole('region', { name: '项目列表' })
  await expect(results.getByText(`共 ${library.total} 个项目`)).toBeVisible()

  await page.getByRole('textbox', { name: '项目名称或编号' }).fill(query)
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page).toHaveURL(/[?&]q=/)
  await expect(results.getByText(`共 ${found.total} 个项目`)).toBeVisible()
  // best match first, in the API's order
  await expect(results.getByRole('link')).toHaveText(found.items.map((item) => item.name))
  await expect(results.getByRole('link', { name: project!.name, exact: true })).toBeVisible()
  await screenshot(page, 'library-search')

  // the export is the API's workbook of the current filter
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出Excel（当前筛选）' }).click()
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/)

  await page.getByRole('link', { name: project!.name, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/projects/${project!.id}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(project!.name)
})

test('the library sorts by contract amount and shows the key projects as the API lists them', async ({
  page,
}) => {
  const byAmount = await apiGet<ProjectPage>('gp-officer', '/api/projects?sort=contractAmount,desc')
  const key = await apiGet<ProjectPage>('gp-officer', '/api/projects?keyProject=true')

  await signIn(page, 'gp-officer', '/projects?sort=contractAmount,desc')
  const results = page.getByRole('region', { name: '项目列表' })
  await expect(results.getByRole('link')).toHaveText(byAmount.items.map((item) => item.name))

  await page.getByText('我的重点项目').click()
  await expect(page).toHaveURL(/keyProject=true/)
  await expect(results.getByText(`共 ${key.total} 个项目`)).toBeVisible()
  if (key.items.length) {
    await expect(results.getByRole('link')).toHaveText(key.items.map((item) => item.name))
  } else {
    await expect(results.getByText('没有符合条件的项目')).toBeVisible()
  }
  await screenshot(page, 'library-key-projects')
})

test('a range the API refuses is shown on the filter it names', async ({ page }) => {
  const path = '/projects?signedFrom=2026-12-01&signedTo=2026-01-01'
  const problem = await apiProblem('gp-officer', `/api${path}`)
  expect(problem.status).toBe(400)
  const violation = problem.errors?.find((error) => error.field.startsWith('signed'))
  expect(violation, 'the 400 names the signing dates').toBeDefined()

  await signIn(page, 'gp-officer', path)
  await expect(page.getByText('筛选条件有误，请按提示修改')).toBeVisible()
  await expect(page.getByRole('form', { name: '筛选条件' }).getByText(violation!.message)).toBeVisible()
})
