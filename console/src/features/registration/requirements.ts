import { ACTIVE_STAGES, type Stage } from '@/features/library/types'

/**
 * What a registration at a stage must carry: the proof of every stage up to it (docs/projects.md,
 * "Registration at the stage reached", rule `RequiredForStage`). The form asks exactly these; the
 * API still checks them and names what is missing.
 */
export type Requirement = 'signing' | 'landing' | 'start' | 'completion' | 'production'

const FROM: Record<Requirement, Stage> = {
  signing: 'SIGNED',
  landing: 'LANDED',
  start: 'STARTED',
  completion: 'COMPLETED',
  production: 'PRODUCING',
}

export function requirementsOf(stage: Stage | ''): Requirement[] {
  const reached = ACTIVE_STAGES.indexOf(stage as (typeof ACTIVE_STAGES)[number])
  return (Object.keys(FROM) as Requirement[]).filter(
    (requirement) => reached >= ACTIVE_STAGES.indexOf(FROM[requirement] as (typeof ACTIVE_STAGES)[number]),
  )
}
