import type { components } from '@/generated/project-service'
import { ACTIVE_STAGES, type Stage } from '@/features/library/types'

type Schemas = components['schemas']
export type Project = Schemas['ProjectResponse']
export type StageMove = Schemas['StageMoveResponse']
export type FundsMonth = Schemas['MonthResponse']
export type TermsVersion = Schemas['TermsVersionResponse']
export type Problem = Schemas['ProblemResponse']
export type Warning = Schemas['WarningResponse']
export type EvidenceFile = Schemas['EvidenceFileResponse']
export type AuditRow = Schemas['AuditRow']
export type DocumentType = Schemas['EvidenceRequest']['documentType']

/**
 * The moves the lifecycle allows from a stage (docs/projects.md, "Stage moves"): forward one stage
 * at a time, SUSPENDED and TERMINATED from any active stage, SUSPENDED only back to the stage it
 * interrupted, nothing out of TERMINATED. Only to offer the moves; the API still decides (409 with
 * `allowedMoves`).
 */
export function movesFrom(stage: string | undefined, interruptedStage?: string): Stage[] {
  if (!stage || stage === 'TERMINATED') {
    return []
  }
  if (stage === 'SUSPENDED') {
    return [...(interruptedStage ? [interruptedStage as Stage] : []), 'TERMINATED']
  }
  const index = ACTIVE_STAGES.indexOf(stage as (typeof ACTIVE_STAGES)[number])
  const next = index >= 0 ? ACTIVE_STAGES[index + 1] : undefined
  return [...(next ? [next] : []), 'SUSPENDED', 'TERMINATED']
}

/** The document a move into a stage needs, as the required-fields rule says (LANDED: either of two). */
export function documentsFor(stage: string): DocumentType[] {
  switch (stage) {
    case 'SIGNED':
      return ['AGREEMENT']
    case 'LANDED':
      return ['LAND_GRANT', 'BUSINESS_REGISTRATION']
    case 'STARTED':
      return ['CONSTRUCTION_PERMIT']
    default:
      return []
  }
}
