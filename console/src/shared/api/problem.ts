/** One field's broken rule, as the services list them in a 400's `errors`. */
export interface FieldViolation {
  field: string
  rule: string
  message: string
}

/**
 * An RFC 9457 problem details answer from the gateway or a service. The console shows `detail`
 * (or `title`) as the services wrote it; 409s add their own members (e.g. `openChildren`).
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldViolation[],
    readonly body: Record<string, unknown>,
  ) {
    super(detail ?? title)
    this.name = 'ApiProblem'
  }

  static async from(response: Response, body?: unknown): Promise<ApiProblem> {
    let problem: Record<string, unknown> = {}
    if (body && typeof body === 'object') {
      problem = body as Record<string, unknown>
    } else {
      try {
        problem = (await response.clone().json()) as Record<string, unknown>
      } catch {
        problem = {}
      }
    }
    const text = (key: string) => (typeof problem[key] === 'string' ? (problem[key] as string) : undefined)
    return new ApiProblem(
      response.status,
      text('title') ?? response.statusText,
      text('detail'),
      Array.isArray(problem.errors) ? (problem.errors as FieldViolation[]) : [],
      problem,
    )
  }
}
