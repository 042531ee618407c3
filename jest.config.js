const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const swc = [
  "@swc/jest",
  {
    jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" },
    // Keep import() as is: the meilisearch client is an ES module, loaded dynamically (jest runs
    // with --experimental-vm-modules).
    module: { type: "commonjs", ignoreDynamic: true },
  },
]

// Three projects: fast unit tests, HTTP integration tests that boot the app once per spec file, and
// one browser test of Medusa Admin.
module.exports = {
  testTimeout: 120000,
  // Each HTTP spec boots a whole Medusa app in its worker, and not all of it is released when the
  // spec ends: one CI worker reached 3.6 GB after ~25 boots and was killed. A worker past this size
  // is replaced before its next spec file.
  workerIdleMemoryLimit: "1536MB",
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform: { "^.+\\.[jt]s$": swc },
      moduleFileExtensions: ["js", "ts", "json"],
      modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
      testMatch: ["<rootDir>/integration-tests/unit/**/*.spec.[jt]s", "<rootDir>/src/**/__tests__/**/*.spec.[jt]s"],
    },
    {
      displayName: "http",
      testEnvironment: "node",
      transform: { "^.+\\.[jt]s$": swc },
      moduleFileExtensions: ["js", "ts", "json"],
      modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
      testMatch: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
      setupFiles: ["<rootDir>/integration-tests/setup.js"],
    },
    {
      // Medusa Admin in Debian's Chromium against its own production server (see README, "End-to-end test").
      displayName: "e2e",
      testEnvironment: "node",
      transform: { "^.+\\.[jt]s$": swc },
      moduleFileExtensions: ["js", "ts", "json"],
      modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
      testMatch: ["<rootDir>/integration-tests/e2e/**/*.spec.[jt]s"],
    },
  ],
}
