import type { components } from '@/generated/project-service'

export type Project = components['schemas']['ProjectResponse']
export type ProjectPage = components['schemas']['ProjectPageResponse']

/** The stages of the project library, in their order (project-service's `ProjectStage`). */
export const ACTIVE_STAGES = [
  'LEAD',
  'INTENT',
  'NEGOTIATING',
  'SIGNED',
  'LANDED',
  'STARTED',
  'COMPLETED',
  'PRODUCING',
] as const
export const STAGES = [...ACTIVE_STAGES, 'SUSPENDED', 'TERMINATED'] as const
export type Stage = (typeof STAGES)[number]

export const AMOUNT_BANDS = ['OVER_100M', 'OVER_1B', 'OVER_10B', 'OVER_20B'] as const
export type AmountBand = (typeof AMOUNT_BANDS)[number]
