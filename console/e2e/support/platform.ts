import { readFileSync } from 'node:fs'

/** Where the platform under test is, and the demo users' password (see playwright.config.ts). */
export const consoleUrl = process.env.CONSOLE_URL ?? 'http://localhost:8080'
export const keycloakUrl = process.env.KEYCLOAK_URL ?? 'http://localhost:8180'

export function demoPassword(): string {
  if (process.env.DEMO_PASSWORD) {
    return process.env.DEMO_PASSWORD
  }
  // by hand against ./run-local: the password it generated and kept
  const secrets = readFileSync(new URL('../../../.run-local/secrets.properties', import.meta.url), 'utf8')
  const line = secrets.split('\n').find((entry) => entry.startsWith('DEMO_PASSWORD='))
  if (!line) {
    throw new Error('set DEMO_PASSWORD, or start the platform with ./run-local first')
  }
  return line.slice('DEMO_PASSWORD='.length).trim()
}

/** This month's year to date in China Standard Time: the cockpit's default period. */
export function currentYearToDate(): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
      .formatToParts(new Date())
      .map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-YTD`
}

/**
 * Yesterday in China Standard Time: a date every service takes as past, whatever its own clock's
 * zone (between 00:00 and 08:00 in China a service on UTC still has yesterday as its today).
 */
export function yesterdayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() - 86_400_000),
  )
}

/** An instant of the API as a person in China reads it: 2026-12-07 21:30:05. */
export function inChina(instant: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}
