import { useI18n } from 'vue-i18n'

/**
 * The audit trails' codes in words, from the catalogues (`audit.actions`, `audit.entityTypes`,
 * `audit.services`): one list for every screen that shows audit rows. A code the catalogue does
 * not have yet (a service's new action) is shown as the API names it.
 */
export function useAuditLabels() {
  const { t, te, tm } = useI18n()
  const label = (group: string, code: string | null | undefined) =>
    !code ? '' : te(`audit.${group}.${code}`) ? t(`audit.${group}.${code}`) : code
  return {
    actionLabel: (action: string | null | undefined) => label('actions', action),
    entityTypeLabel: (entityType: string | null | undefined) => label('entityTypes', entityType),
    serviceLabel: (source: string) => label('services', source),
    /** Every action the catalogue names, by its code, for a picker. */
    knownActions: () => Object.keys(tm('audit.actions') as Record<string, unknown>),
  }
}
