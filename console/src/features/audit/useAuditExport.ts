import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useAuditLabels } from '@/shared/audit/labels'
import { chinaDateTime } from '@/shared/periods/period'
import { csvOf, saveFile } from './csv'
import type { AuditSource, TimelineRow } from './types'
import { EXPORT_LIMIT } from './useAuditTimeline'

const COLUMNS = [
  'occurredAt',
  'service',
  'actor',
  'actorUnit',
  'action',
  'actionCode',
  'entityType',
  'entityId',
  'before',
  'after',
] as const

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value))

/**
 * 导出CSV: the rows of the filters, merged as on the screen, as a file with Chinese headers; then
 * what was exported, whether the limit cut it, and which services could not be read.
 */
export function useAuditExport(
  read: () => Promise<{ rows: TimelineRow[]; cut: boolean; total: number; failed: AuditSource[] }>,
  unitName: (code: string | null | undefined) => string,
) {
  const { t } = useI18n()
  const { actionLabel, entityTypeLabel, serviceLabel } = useAuditLabels()
  const exporting = ref(false)
  const notes = ref<string[]>([])
  const failure = ref('')

  function clear() {
    notes.value = []
    failure.value = ''
  }

  async function exportCsv() {
    exporting.value = true
    clear()
    try {
      const exported = await read()
      const lines = exported.rows.map(({ source, row }) => [
        chinaDateTime(row.occurredAt),
        serviceLabel(source),
        row.actor ?? '',
        unitName(row.actorUnit),
        actionLabel(row.action),
        row.action ?? '',
        entityTypeLabel(row.entityType),
        row.entityId ?? '',
        json(row.before),
        json(row.after),
      ])
      const header = COLUMNS.map((column) => t(`audit.export.columns.${column}`))
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
      saveFile(t('audit.export.fileName', { date: today }), csvOf(header, lines), 'text/csv;charset=utf-8')
      notes.value = [
        exported.cut
          ? t('audit.export.cut', { limit: EXPORT_LIMIT, total: exported.total })
          : t('audit.export.done', { count: exported.rows.length }),
        ...(exported.failed.length
          ? [t('audit.export.failed', { services: exported.failed.map(serviceLabel).join('、') })]
          : []),
      ]
    } catch (error) {
      failure.value = t('audit.export.error', {
        message: error instanceof Error ? error.message : String(error),
      })
    } finally {
      exporting.value = false
    }
  }

  return { exporting, notes, failure, exportCsv, clear }
}
