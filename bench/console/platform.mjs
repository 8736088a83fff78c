// Where the running platform is, and the demo users' password: DEMO_PASSWORD, or the one
// ./run-local generated and kept in .run-local/secrets.properties.
import { readFileSync } from 'node:fs'

export const consoleUrl = process.env.CONSOLE_URL ?? 'http://localhost:8080'

export function demoPassword() {
  if (process.env.DEMO_PASSWORD) {
    return process.env.DEMO_PASSWORD
  }
  const line = readFileSync(new URL('../../.run-local/secrets.properties', import.meta.url), 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('DEMO_PASSWORD='))
  if (!line) {
    throw new Error('set DEMO_PASSWORD, or start the platform with ./run-local first')
  }
  return line.slice('DEMO_PASSWORD='.length).trim()
}

export function loadAverage() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
}
