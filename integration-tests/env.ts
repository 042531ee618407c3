/**
 * Sets `vars` in process.env for one spec file (the app reads them when it boots, so call this at
 * the top level, before medusaIntegrationTestRunner) and puts the previous values back after it.
 */
export function useEnv(vars: Record<string, string>): void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  Object.assign(process.env, vars)
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  })
}
