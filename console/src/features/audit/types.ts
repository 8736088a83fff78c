import type { components } from '@/generated/project-service'

/** One service's audit row: every service answers with platform-shared's one controller, so one shape. */
export type AuditRow = components['schemas']['AuditRow']
export type AuditPage = components['schemas']['PageResponseAuditRow']

/** The four services that keep an audit trail, in the order the timeline breaks a tie of time. */
export const AUDIT_SOURCES = ['projects', 'enterprises', 'targets', 'reports'] as const
export type AuditSource = (typeof AUDIT_SOURCES)[number]

/** The filters every service's `GET /api/<service>/audit` takes (an empty one is left out). */
export interface AuditFilters {
  orgUnit: string
  from: string
  to: string
  actor: string
  action: string
}

export const NO_FILTERS: AuditFilters = { orgUnit: '', from: '', to: '', actor: '', action: '' }

/** A row of the merged timeline: the service's row and which service kept it. */
export interface TimelineRow {
  /** unique in the timeline: the service and its row id */
  key: string
  source: AuditSource
  row: AuditRow
}
