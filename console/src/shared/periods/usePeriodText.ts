import { useI18n } from 'vue-i18n'
import { parsePeriod } from './period'

/** A period as people read it: 2026-11-YTD → "2026年1–11月". */
export function usePeriodText() {
  const { t } = useI18n()
  return (text: string | undefined | null): string => {
    const period = parsePeriod(text)
    if (!period) {
      return text ?? ''
    }
    return t(`period.text.${period.kind}`, {
      year: period.year,
      month: period.month,
      quarter: period.quarter,
      half: period.half ? t(`period.halves.${period.half}`) : '',
    })
  }
}
