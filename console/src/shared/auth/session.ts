import Keycloak, { type KeycloakTokenParsed, type OpenIdProviderMetadata } from 'keycloak-js'
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
/** The page Keycloak sends the hidden frame's code to (public/silent-check-sso.html, an exact redirect URI). */
const SILENT_CHECK_PAGE = '/silent-check-sso.html'
/** How long the hidden frame may take before the browser goes to Keycloak's page instead. */
const SILENT_CHECK_TIMEOUT_MS = 4_000

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
  keycloak = new Keycloak({ clientId: settings.clientId, oidcProvider: keycloakEndpoints(settings) })
  keycloak.onAuthRefreshSuccess = scheduleRefresh
  keycloak.onTokenExpired = () => void refreshNow(0)
  // whether Keycloak answers: the gateway said so in the page, or the browser asks, beside the
  // sign-in's own start (only when the gateway did not see it answer, or did not say)
  const returning = returningFromKeycloak()
  const reachable = returning || settings.keycloakAnswers === true ? Promise.resolve(true) : answers(settings)
  // When the gateway has just seen Keycloak answer, a live Keycloak session is asked for a code in a
  // hidden frame (prompt=none), so the page is not loaded a second time on the way back. Otherwise
  // (Keycloak not known to answer, or coming back from its page) nothing is asked before the
  // check below.
  const silently = !returning && settings.keycloakAnswers === true
  try {
    const init = keycloak.init({
      pkceMethod: 'S256',
      checkLoginIframe: false,
      redirectUri: home(),
      ...(silently
        ? {
            onLoad: 'check-sso' as const,
            // a browser that withholds Keycloak's cookie from the frame gets login_required there,
            // and signs in through the redirect below
            silentCheckSsoRedirectUri: `${location.origin}${SILENT_CHECK_PAGE}`,
          }
        : {}),
    })
    // keycloak-js waits without end for the frame's answer: a frame that never answers (Keycloak
    // refusing the redirect URI, a page that fails to load) sends the browser to Keycloak's page
    const authenticated = silently ? await withinSilentCheck(init) : await init
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

/**
 * Whether the sign-in most likely ends on this page: coming back from Keycloak with a code, or asking
 * a live Keycloak session silently in a frame. The application can load meanwhile; otherwise the
 * browser is probably about to leave for Keycloak's page.
 */
export function signInStaysOnThisPage(): boolean {
  return returningFromKeycloak() || signInSettings().keycloakAnswers === true
}

function returningFromKeycloak(): boolean {
  return /[#&?]code=/.test(location.href)
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

/**
 * Keycloak's endpoints, given as OpenID provider metadata rather than as Keycloak's address: for
 * Keycloak's address keycloak-js first loads Keycloak's two third-party-cookie test pages in frames
 * before any silent check, two round trips before the sign-in. Without them a browser that withholds
 * Keycloak's cookie from the frame gets `login_required` there and signs in through the redirect,
 * which is where the test would have sent it.
 */
function keycloakEndpoints(settings: SignInSettings): OpenIdProviderMetadata {
  const realm = `${settings.url}/realms/${encodeURIComponent(settings.realm)}/protocol/openid-connect`
  return {
    authorization_endpoint: `${realm}/auth`,
    token_endpoint: `${realm}/token`,
    end_session_endpoint: `${realm}/logout`,
    userinfo_endpoint: `${realm}/userinfo`,
  }
}

/** The silent check's outcome, or false (sign in through the redirect) when the frame has not answered in time. */
async function withinSilentCheck(init: Promise<boolean>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), SILENT_CHECK_TIMEOUT_MS)
  })
  try {
    return await Promise.race([init, late])
  } finally {
    clearTimeout(timer)
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
