import createClient, { type Middleware } from 'openapi-fetch'
import type { paths as ProjectPaths } from '@/generated/project-service'
import type { paths as ReportingPaths } from '@/generated/reporting-service'
import type { paths as TargetsPaths } from '@/generated/targets-service'
import { accessToken } from '@/shared/auth/session'
import { fetchWithPrefetched } from './prefetch'
import { ApiProblem } from './problem'

/** Every call to /api carries the signed-in user's access token, refreshed first when it is about to expire. */
const bearerToken: Middleware = {
  async onRequest({ request }) {
    request.headers.set('Authorization', `Bearer ${await accessToken()}`)
    return request
  },
}

function client<Paths extends object>() {
  const api = createClient<Paths>({ baseUrl: location.origin, fetch: fetchWithPrefetched })
  api.use(bearerToken)
  return api
}

/** One typed client per service, generated from its OpenAPI document; all go through the gateway on this origin. */
export const reportingApi = client<ReportingPaths>()
export const targetsApi = client<TargetsPaths>()
export const projectApi = client<ProjectPaths>()

/** The answer's body, or an {@link ApiProblem} thrown for anything but 2xx. */
export async function answer<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call
  if (!response.ok || data === undefined) {
    throw await ApiProblem.from(response, error)
  }
  return data
}

/**
 * A JSON request to a path that no OpenAPI copy in `openapi/` describes (enterprise-service's audit
 * trail: the console has no copy of that service's document): the caller names the answer's type.
 * Empty parameters are left out. The answer's JSON (null for 204), or an {@link ApiProblem}.
 */
export async function requestJson<T>(
  method: 'GET' | 'POST',
  path: string,
  options: { query?: Record<string, string | number | undefined>; body?: unknown } = {},
): Promise<T> {
  const url = new URL(path, location.origin)
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== '') {
      url.searchParams.set(key, String(value))
    }
  }
  const headers: Record<string, string> = { Authorization: `Bearer ${await accessToken()}` }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
  }
  const response = await fetch(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  if (!response.ok) {
    throw await ApiProblem.from(response)
  }
  return (response.status === 204 ? null : await response.json()) as T
}

/** Saves a file the API answers (a workbook, a briefing) under the name the API gives it. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(new URL(path, location.origin), {
    headers: { Authorization: `Bearer ${await accessToken()}` },
  })
  if (!response.ok) {
    throw await ApiProblem.from(response)
  }
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1]
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1]
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName)
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Sends a file as the request body (an evidence file, a workbook), with its type; the answer's JSON, or an {@link ApiProblem}. */
export async function upload<T>(path: string, file: File, method: 'PUT' | 'POST' = 'PUT'): Promise<T> {
  const response = await fetch(new URL(path, location.origin), {
    method,
    headers: {
      Authorization: `Bearer ${await accessToken()}`,
      'Content-Type': file.type || 'application/octet-stream',
    },
    body: file,
  })
  if (!response.ok) {
    throw await ApiProblem.from(response)
  }
  return (await response.json()) as T
}
