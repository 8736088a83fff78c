import { accessToken, currentAccessToken } from '@/shared/auth/session'

/**
 * Requests started as soon as the user is signed in, before the application has loaded, for what
 * the first screen will ask: the org tree and the cockpit it opens on. The API clients take the
 * answer from here (once) instead of asking again, so the figures arrive while the code that shows
 * them is still being loaded.
 */
const started = new Map<string, Promise<Response>>()

export function prefetch(path: string): void {
  const url = new URL(path, location.origin).href
  if (!started.has(url)) {
    // with a fresh token the request leaves now, before the application's modules are evaluated
    const token = currentAccessToken()
    started.set(url, token ? fetchWith(url, token) : accessToken().then((later) => fetchWith(url, later)))
  }
}

function fetchWith(url: string, token: string): Promise<Response> {
  return fetch(url, { headers: { Authorization: `Bearer ${token}` } })
}

/** A fetch that answers a GET started by {@link prefetch} from it, once; everything else goes out as asked. */
export function fetchWithPrefetched(request: Request): Promise<Response> {
  const early = request.method === 'GET' ? started.get(request.url) : undefined
  if (early) {
    started.delete(request.url)
    return early
  }
  return fetch(request)
}
