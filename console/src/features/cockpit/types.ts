import type { components } from '@/generated/reporting-service'

type Schemas = components['schemas']

/** The cockpit's one request: `GET /api/reports/units/{code}/cockpit?period=…` (reporting-service). */
export type Cockpit = Schemas['CockpitResponse']
export type CountCard = Schemas['CountCard']
export type ShareCard = Schemas['ShareCard']
export type StandingRow = Schemas['UnitStandingRow']
export type TrendMonth = Schemas['TrendMonth']
export type Funnel = Schemas['FunnelDto']
export type KeyAreaFunnel = Schemas['KeyAreaFunnelDto']
export type UnitWarning = Schemas['UnitRow']
export type TeamWarning = Schemas['TeamRow']
export type ProjectWarning = Schemas['ProjectRow']
export type WarningLevel = 'YELLOW' | 'RED'
