import { answer, projectApi, reportingApi, requestJson, targetsApi } from '@/shared/api/client'
import type { AuditFilters, AuditPage, AuditSource } from './types'

/** The filters as the audit trails' parameters: an empty filter is left out. */
export function parametersOf(filters: AuditFilters): Partial<AuditFilters> {
  const parameters: Partial<AuditFilters> = {}
  for (const key of ['orgUnit', 'from', 'to', 'actor', 'action'] as const) {
    const value = filters[key].trim()
    if (value) {
      parameters[key] = value
    }
  }
  return parameters
}

/**
 * One page of one service's audit trail (`GET /api/<service>/audit`), newest first. The console
 * has no OpenAPI copy of enterprise-service: its trail is read untyped, with the shape of the
 * others (the same controller, platform-shared's `AuditController`, answers all four).
 */
export function readAuditPage(
  source: AuditSource,
  filters: AuditFilters,
  page: number,
  size: number,
): Promise<AuditPage> {
  const query = { ...parametersOf(filters), page, size }
  switch (source) {
    case 'projects':
      return answer(projectApi.GET('/api/projects/audit', { params: { query } }))
    case 'targets':
      return answer(targetsApi.GET('/api/targets/audit', { params: { query } }))
    case 'reports':
      return answer(reportingApi.GET('/api/reports/audit', { params: { query } }))
    case 'enterprises':
      return requestJson<AuditPage>('GET', '/api/enterprises/audit', { query })
  }
}
