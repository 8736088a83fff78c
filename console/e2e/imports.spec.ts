import { apiGet, tokenFor } from './support/api'
import { consoleUrl } from './support/platform'
import { expect, screenshot, signIn, test } from './support/fixtures'
import { workbook } from './support/xlsx'

const SHEET = '招商引资项目月报表'
const HEADERS = [
  '序号',
  '项目编号',
  '项目名称',
  '投资方名称',
  '统一社会信用代码',
  '所属县(市、区)',
  '所属园区',
  '国民经济行业代码',
  '重点产业链',
  '来源区域',
  '招商方式',
  '驻点工作队',
  '项目阶段',
  '签约日期',
  '合同投资额(万元)',
  '其中外资(万美元)',
  '计划开工日期',
  '项目选址',
  '投资方联系人',
  '联系电话',
  '备注',
]
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** One new signed project of 桂平, with its contract amount (万元) as given. */
function monthlyList(name: string, amount: string): Buffer {
  const row = ['1', '', name, '', '', '桂平市', '', 'C3841', '', '', '', '', '签约', '2026-09-01', amount]
  return workbook(SHEET, [HEADERS, [...row, ...Array<string>(HEADERS.length - row.length).fill('')]])
}

interface ImportAnswer {
  valid: boolean
  errors: { field: string; rule: string; message: string }[]
}

test('gp-officer uploads the monthly list with one error: the preview shows the cell and nothing is saved; the corrected file applies', async ({
  page,
}) => {
  const name = `桂平市E2E月报表导入项目${Date.now()}`
  const wrong = monthlyList(name, '2.5万')
  const corrected = monthlyList(name, '25000')
  // what the API's preview says of the wrong file
  const answer = await fetch(`${consoleUrl}/api/projects/imports/preview`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await tokenFor('gp-officer')}`, 'Content-Type': XLSX },
    body: new Uint8Array(wrong),
  })
  expect(answer.status).toBe(200)
  const preview = (await answer.json()) as ImportAnswer
  expect(preview.valid).toBe(false)
  expect(preview.errors).toHaveLength(1)
  const error = preview.errors[0]!
  expect(error.field).toBe(`${SHEET}!O2`)

  await signIn(page, 'gp-officer', '/imports')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('招商引资项目月报表导入')
  await page
    .getByLabel('月报表文件')
    .setInputFiles({ name: '10月月报表.xlsx', mimeType: XLSX, buffer: wrong })
  await page.getByRole('button', { name: '预览' }).click()
  const errors = page.getByRole('region', { name: '有误的单元格' })
  await expect(errors.getByRole('row').filter({ hasText: 'O2' })).toContainText(error.message)
  await expect(errors.getByRole('row').filter({ hasText: 'O2' })).toContainText(SHEET)
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled()
  await screenshot(page, 'imports-preview-error')
  const none = await apiGet<{ items: { name: string }[] }>(
    'gp-officer',
    `/api/projects?q=${encodeURIComponent(name)}`,
  )
  expect(none.items.map((item) => item.name)).not.toContain(name)

  await page
    .getByLabel('月报表文件')
    .setInputFiles({ name: '10月月报表.xlsx', mimeType: XLSX, buffer: corrected })
  await page.getByRole('button', { name: '预览' }).click()
  await expect(page.getByText('预览：共 1 行，无误；导入将新登记 1 个、更新 0 个、未变 0 个')).toBeVisible()
  await page.getByRole('button', { name: '确认导入' }).click()
  await expect(page.getByText('已导入：新登记 1 个，更新 0 个，未变 0 个')).toBeVisible()
  const found = await apiGet<{
    items: { name: string; contractAmount: string; stage: string; orgUnit: string }[]
  }>('gp-officer', `/api/projects?q=${encodeURIComponent(name)}`)
  expect(found.items.find((item) => item.name === name)).toMatchObject({
    contractAmount: '250000000.00',
    stage: 'SIGNED',
    orgUnit: '450881',
  })
  await screenshot(page, 'imports-applied')
})
