import Keycloak, { type KeycloakTokenParsed } from 'keycloak-js'
import { reactive } from 'vue'

/** Who is signed in, from the access token's claims (Keycloak puts the unit in `org_unit`). */
export interface SignedInUser {
  username: string
  displayName: string
  orgUnit: string
  roles: string[]
}

interface SignInSettings {
  url: string
  realm: string
  clientId: string
  /** What the gateway saw when it served the page (undefined when nobody filled it in: `npm run dev`). */
  keycloakAnswers: boolean | undefined
}

type ZhaoshangClaims = KeycloakTokenParsed & { org_unit?: string; name?: string; preferred_username?: string }

export type SignInOutcome = 'signed-in' | 'redirecting' | 'unavailable'

/** The path to come back to after Keycloak's page: the redirect URI itself is exact (the origin's root). */
const RETURN_TO = 'zhaoshang.returnTo'
/** Refresh this long before the access token expires (Keycloak's tokens live five minutes). */
const REFRESH_AHEAD_SECONDS = 60

export const session = reactive<{ user: SignedInUser | null }>({ user: null })

let keycloak: Keycloak | undefined
let refreshTimer: ReturnType<typeof setTimeout> | undefined

/**
 * Signs in with the authorization code flow and PKCE (S256). The tokens stay in this module's
 * memory (keycloak-js keeps them in the instance): nothing is written to localStorage or
 * sessionStorage but the path to return to, so a reload or a new tab signs in again through
 * Keycloak's session, and logging out leaves nothing behind.
 */
export async function signIn(): Promise<SignInOutcome> {
  const settings = signInSettings()
  keycloak = new Keycloak({ url: settings.url, realm: settings.realm, clientId: settings.clientId })
  keycloak.onAuthRefreshSuccess = scheduleRefresh
  keycloak.onTokenExpired = () => void refreshNow(0)
  // whether Keycloak answers: the gateway said so in the page, or the browser asks, beside the
  // sign-in's own start (only when the gateway did not see it answer, or did not say)
  const returning = /[#&?]code=/.test(location.href)
  const reachable = returning || settings.keycloakAnswers === true ? Promise.resolve(true) : answers(settings)
  try {
    // no onLoad: a return from Keycloak's page (code and state in the URL) is completed here,
    // anything else is decided below, after checking that Keycloak answers at all
    const authenticated = await keycloak.init({
      pkceMethod: 'S256',
      checkLoginIframe: false,
      redirectUri: home(),
    })
    if (authenticated) {
      session.user = userOf(keycloak.tokenParsed as ZhaoshangClaims)
      scheduleRefresh()
      restoreReturnPath()
      return 'signed-in'
    }
  } catch {
    return 'unavailable'
  }
  if (!(await reachable)) {
    return 'unavailable'
  }
  sessionStorage.setItem(RETURN_TO, location.pathname + location.search)
  await keycloak.login({ redirectUri: home() })
  return 'redirecting'
}

/** A current access token for a call to /api, refreshed first if it expires within 30 s. */
export async function accessToken(): Promise<string> {
  await refreshNow(30)
  if (!keycloak?.token) {
    throw new Error('not signed in')
  }
  return keycloak.token
}

/**
 * The access token as it is, if it stays valid for another 30 s: what a request started at once,
 * without waiting for a turn of the event loop, can use (undefined: ask {@link accessToken}).
 */
export function currentAccessToken(): string | undefined {
  return keycloak?.token && !keycloak.isTokenExpired(30) ? keycloak.token : undefined
}

/** Ends the Keycloak session too (RP-initiated logout), then Keycloak sends the browser back to the login page. */
export async function signOut(): Promise<void> {
  clearTimeout(refreshTimer)
  session.user = null
  await keycloak?.logout({ redirectUri: home() })
}

async function refreshNow(minValiditySeconds: number): Promise<void> {
  if (!keycloak) {
    return
  }
  try {
    await keycloak.updateToken(minValiditySeconds)
  } catch {
    // the Keycloak session ended (idle time-out, logout elsewhere): sign in again
    sessionStorage.setItem(RETURN_TO, location.pathname + location.search)
    await keycloak.login({ redirectUri: home() })
  }
}

function scheduleRefresh(): void {
  clearTimeout(refreshTimer)
  const expiresAt = (keycloak?.tokenParsed?.exp ?? 0) * 1000
  const delay = Math.max(5_000, expiresAt - Date.now() - REFRESH_AHEAD_SECONDS * 1000)
  refreshTimer = setTimeout(() => void refreshNow(REFRESH_AHEAD_SECONDS + 5), delay)
}

function restoreReturnPath(): void {
  const returnTo = sessionStorage.getItem(RETURN_TO)
  sessionStorage.removeItem(RETURN_TO)
  // only a path of this console, never another origin
  if (returnTo && returnTo.startsWith('/') && !returnTo.startsWith('//')) {
    history.replaceState(history.state, '', returnTo)
  }
}

/** Whether Keycloak answers, so that an outage shows a message instead of the browser's error page. */
async function answers(settings: SignInSettings): Promise<boolean> {
  try {
    await fetch(
      `${settings.url}/realms/${encodeURIComponent(settings.realm)}/.well-known/openid-configuration`,
      {
        mode: 'no-cors',
        // with Keycloak's cookies, as the navigation to its login page will be: one connection serves both
        credentials: 'include',
        cache: 'no-store',
        signal: AbortSignal.timeout(8_000),
      },
    )
    return true
  } catch {
    return false
  }
}

function userOf(claims: ZhaoshangClaims): SignedInUser {
  const username = claims.preferred_username ?? claims.sub ?? ''
  return {
    username,
    displayName: claims.name?.trim() || username,
    orgUnit: claims.org_unit ?? '',
    roles: claims.realm_access?.roles ?? [],
  }
}

function home(): string {
  return `${location.origin}/`
}

/** The gateway writes Keycloak's address into index.html as it serves it; `npm run dev` uses the local defaults. */
function signInSettings(): SignInSettings {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="zhaoshang-sign-in"]')
  const filled = (value: string | undefined) => (value && !value.startsWith('__') ? value : undefined)
  const said = filled(meta?.dataset.keycloakAnswers)
  return {
    url: filled(meta?.dataset.url) ?? import.meta.env.VITE_KEYCLOAK_URL ?? 'http://localhost:8180',
    realm: filled(meta?.dataset.realm) ?? 'zhaoshang',
    clientId: filled(meta?.dataset.clientId) ?? 'zhaoshang-console',
    keycloakAnswers: said === undefined ? undefined : said === 'true',
  }
}
