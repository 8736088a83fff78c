import { apiGet, apiRefusal, apiSend } from './support/api'
import { expect, screenshot, signIn, test } from './support/fixtures'

interface Project {
  id: string
  name: string
  stage: string
  orgUnit: string
  contractAmount: string
  signingDate: string
  landingDate: string
  startDate: string
}

test('gp-officer registers a project at STARTED: the form asks what that stage requires, checks for duplicates, and shows a 400 on the field it names', async ({
  page,
}) => {
  const name = `桂平市E2E登记开工项目${Date.now()}`
  const body = {
    stage: 'STARTED',
    orgUnit: '450881',
    name,
    industryCode: 'C3841',
    contractAmount: '250000000.00',
    signingDate: '2026-09-01',
    startDate: '2026-10-01',
    evidence: [
      { documentType: 'AGREEMENT', documentNumber: `XY-${name}`, documentDate: '2026-09-01' },
      { documentType: 'LAND_GRANT', documentNumber: `GT-${name}`, documentDate: '2026-09-15' },
      { documentType: 'CONSTRUCTION_PERMIT', documentNumber: `SG-${name}`, documentDate: '2026-09-30' },
    ],
  }
  // what the API says of an amount with three decimals, and of a start before the signing
  const badAmount = await apiRefusal('gp-officer', '/api/projects', {
    ...body,
    contractAmount: '250000000.005',
  })
  expect(badAmount.status).toBe(400)
  const amountError = badAmount.errors?.find((error) => error.field === 'contractAmount')
  expect(amountError, 'the 400 names contractAmount').toBeDefined()
  const badStart = await apiRefusal('gp-officer', '/api/projects', { ...body, startDate: '2026-08-01' })
  expect(badStart.status).toBe(400)
  const startError = badStart.errors?.find((error) => error.field === 'startDate')
  expect(startError, 'the 400 names startDate').toBeDefined()
  const check = await apiSend<{ possibleDuplicate: boolean }>(
    'gp-officer',
    'POST',
    '/api/projects/duplicate-check',
    {
      name,
      orgUnit: '450881',
    },
  )
  expect(check.possibleDuplicate).toBe(false)

  await signIn(page, 'gp-officer', '/projects/new')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('项目登记')
  await page.getByText('开工', { exact: true }).click()
  await page.getByRole('textbox', { name: '项目名称' }).fill(name)
  await page.getByRole('textbox', { name: '国民经济行业代码' }).fill('C3841')
  await page.getByRole('button', { name: '下一步' }).click()

  // exactly the stages up to 开工: signing, landing, start; not completion nor production
  const form = page.getByRole('form', { name: '项目登记' })
  await expect(form.getByRole('group')).toHaveText([/^签约/, /^落地/, /^开工/])
  await expect(form.getByRole('combobox', { name: '竣工日期' })).toHaveCount(0)
  await expect(form.getByRole('combobox', { name: '投产日期' })).toHaveCount(0)
  const date = async (label: string, value: string) => {
    await form.getByRole('combobox', { name: label }).fill(value)
    await form.getByRole('combobox', { name: label }).press('Enter')
  }
  await form.getByRole('textbox', { name: '合同投资额（元）' }).fill('250000000.005')
  await date('签约日期', body.signingDate)
  await form.getByRole('textbox', { name: '投资协议编号' }).fill(body.evidence[0]!.documentNumber)
  await date('投资协议日期', body.evidence[0]!.documentDate)
  await form.getByRole('textbox', { name: '落地凭证编号' }).fill(body.evidence[1]!.documentNumber)
  await date('落地凭证日期', body.evidence[1]!.documentDate)
  await date('开工日期', '2026-08-01')
  await form.getByRole('textbox', { name: '施工许可证编号' }).fill(body.evidence[2]!.documentNumber)
  await date('施工许可证日期', body.evidence[2]!.documentDate)
  await page.getByRole('button', { name: '下一步' }).click()

  // the duplicate check refuses the amount: shown under 合同投资额, back on the stage's fields
  const signing = form.getByRole('group').filter({ hasText: '签约' })
  await expect(signing.getByText(amountError!.message)).toBeVisible()
  await expect(page.getByText(/^未登记：/)).toBeVisible()
  await form.getByRole('textbox', { name: '合同投资额（元）' }).fill(body.contractAmount)
  await page.getByRole('button', { name: '下一步' }).click()
  await expect(page.getByText('未发现可能重复的项目')).toBeVisible()
  await page.getByRole('button', { name: '登记' }).click()

  // the registration refuses a start before the signing: shown under 开工日期
  const start = form.getByRole('group').filter({ hasText: '开工' })
  await expect(start.getByText(startError!.message)).toBeVisible()
  await screenshot(page, 'register-refused')
  // nothing registered
  const found = await apiGet<{ items: Project[] }>(
    'gp-officer',
    `/api/projects?q=${encodeURIComponent(name)}`,
  )
  expect(found.items.map((item) => item.name)).not.toContain(name)

  await date('开工日期', body.startDate)
  await page.getByRole('button', { name: '下一步' }).click()
  await expect(page.getByText('未发现可能重复的项目')).toBeVisible()
  await page.getByRole('button', { name: '登记' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  const id = /\/projects\/([0-9a-f-]{36})$/.exec(page.url())?.[1]
  expect(id).toBeDefined()
  const project = await apiGet<Project>('gp-officer', `/api/projects/${id}`)
  expect(project).toMatchObject({
    name,
    stage: 'STARTED',
    orgUnit: '450881',
    contractAmount: '250000000.00',
    signingDate: '2026-09-01',
    landingDate: '2026-09-15',
    startDate: '2026-10-01',
  })
  await expect(page.getByRole('list', { name: '项目阶段' }).getByText('开工', { exact: true })).toBeVisible()
  await screenshot(page, 'register-done')
})
