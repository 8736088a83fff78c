import { demoPassword, consoleUrl, keycloakUrl } from './platform'

/** The passwords of users a spec created (and signed in once, to set them); every other user has the demo password. */
const passwords = new Map<string, string>()

export function rememberPassword(user: string, password: string): void {
  passwords.set(user, password)
}

/** Tokens already issued, each used until a minute before it expires: one sign-in per user at a time. */
const tokens = new Map<string, Promise<{ token: string; until: number }>>()

/**
 * What the API says, read by the test itself with the user's own token (the local-only client
 * zhaoshang-cli, password grant), to check what the page shows against it. A user's token is
 * reused while it has more than a minute left, and a second caller waits for the sign-in under
 * way: Keycloak's brute-force protection refuses a user's password grants that come at the same
 * moment (`user_temporarily_disabled`, although the password is right), which a spec's reads in a
 * loop did now and then.
 */
export async function tokenFor(user: string): Promise<string> {
  const known = tokens.get(user)
  if (known) {
    const cached = await known.catch(() => undefined)
    if (cached && cached.until > Date.now()) {
      return cached.token
    }
    if (tokens.get(user) !== known) {
      return tokenFor(user) // another caller is signing in again meanwhile
    }
  }
  // set before any wait, so that a caller coming meanwhile waits for this sign-in
  const issued = signIn(user)
  tokens.set(user, issued)
  try {
    return (await issued).token
  } catch (error) {
    if (tokens.get(user) === issued) {
      tokens.delete(user)
    }
    throw error
  }
}

async function signIn(user: string): Promise<{ token: string; until: number }> {
  const asked = Date.now()
  const response = await fetch(`${keycloakUrl}/realms/zhaoshang/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      client_id: 'zhaoshang-cli',
      grant_type: 'password',
      username: user,
      password: passwords.get(user) ?? demoPassword(),
    }),
  })
  if (!response.ok) {
    throw new Error(`token for ${user}: ${response.status} ${await response.text()}`)
  }
  const answer = (await response.json()) as { access_token: string; expires_in: number }
  return { token: answer.access_token, until: asked + (answer.expires_in - 60) * 1000 }
}

export async function apiGet<T = Record<string, unknown>>(user: string, path: string): Promise<T> {
  const response = await fetch(`${consoleUrl}${path}`, {
    headers: { Authorization: `Bearer ${await tokenFor(user)}` },
  })
  if (!response.ok) {
    throw new Error(`GET ${path} as ${user}: ${response.status} ${await response.text()}`)
  }
  return (await response.json()) as T
}

export async function apiStatus(user: string, path: string): Promise<number> {
  const response = await fetch(`${consoleUrl}${path}`, {
    headers: { Authorization: `Bearer ${await tokenFor(user)}` },
  })
  return response.status
}

/** A write the test needs in place (e.g. a correction), with the user's own token; the answer's JSON. */
export async function apiSend<T = Record<string, unknown>>(
  user: string,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
): Promise<T> {
  const response = await fetch(`${consoleUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await tokenFor(user)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) {
    throw new Error(`${method} ${path} as ${user}: ${response.status} ${await response.text()}`)
  }
  return (await response.json()) as T
}

/** A refusal the test expects (a 4xx's problem details), read with the user's own token. */
export async function apiProblem(
  user: string,
  path: string,
): Promise<{ status: number; errors?: { field: string; rule: string; message: string }[] }> {
  const response = await fetch(`${consoleUrl}${path}`, {
    headers: { Authorization: `Bearer ${await tokenFor(user)}` },
  })
  return { status: response.status, ...((await response.json()) as object) }
}

/** A write the test expects to be refused: the status and problem details, nothing thrown. */
export async function apiRefusal(
  user: string,
  path: string,
  body: unknown,
): Promise<{ status: number; errors?: { field: string; rule: string; message: string }[] }> {
  const response = await fetch(`${consoleUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await tokenFor(user)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, ...((await response.json()) as object) }
}
