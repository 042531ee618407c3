import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const redisUrl = process.env.REDIS_URL

// With REDIS_URL every piece of shared runtime state (events, workflow executions, locks,
// caches) lives in Redis, so several server and worker processes can run side by side.
const redisModules = redisUrl
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl },
      },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        resolve: "@medusajs/medusa/cache-redis",
        options: { redisUrl },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              id: "locking-redis",
              resolve: "@medusajs/medusa/locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
      {
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            {
              id: "caching-redis",
              resolve: "@medusajs/medusa/caching-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

// Storefront search (src/search): Medusa's Search module. PostgreSQL by default, through our
// Vietnamese-aware subclass of its provider (language "simple" = the medusa_search_simple
// configuration our migration creates); Meilisearch when MEILISEARCH_HOST is set. Medusa's own
// PostgreSQL provider stays registered: its migration creates the catalog table ours shares.
const meilisearchHost = process.env.MEILISEARCH_HOST
const searchModule = {
  resolve: "@medusajs/medusa/search",
  options: {
    providers: [
      { resolve: "@medusajs/medusa/search-postgres", id: "postgres", options: { language: "simple" } },
      { resolve: "./src/modules/search-postgres-vi", id: "vi", options: { language: "simple" } },
      ...(meilisearchHost
        ? [
            {
              resolve: "./src/modules/search-meilisearch",
              id: "meilisearch",
              options: { host: meilisearchHost, api_key: process.env.MEILISEARCH_API_KEY },
            },
          ]
        : []),
    ],
    default_provider: meilisearchHost ? "search-meilisearch" : "search-postgres-vi",
    // Documents per write while seeding or rebuilding (Medusa's default is 100).
    reindex: { batch_size: 500 },
  },
}

// Cash on delivery (Medusa's system provider) is always there. Bank transfer by VietQR needs the
// union's receiving account; Stripe is registered only when its key is set.
const paymentProviders = [
  ...(process.env.VIETQR_ACCOUNT_NUMBER
    ? [
        {
          resolve: "./src/modules/vietqr",
          id: "vietqr",
          options: {
            bank_bin: process.env.VIETQR_BANK_BIN,
            account_number: process.env.VIETQR_ACCOUNT_NUMBER,
            account_name: process.env.VIETQR_ACCOUNT_NAME,
          },
        },
      ]
    : []),
  ...(process.env.STRIPE_API_KEY
    ? [
        {
          resolve: "@medusajs/medusa/payment-stripe",
          id: "stripe",
          options: { apiKey: process.env.STRIPE_API_KEY, webhookSecret: process.env.STRIPE_WEBHOOK_SECRET },
        },
      ]
    : []),
]

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: false,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
      authMethodsPerActor: {
        user: ["emailpass"],
        customer: ["emailpass"],
        vendor: ["emailpass"],
      },
    },
  },
  admin: {
    disable: process.env.DISABLE_MEDUSA_ADMIN === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
  },
  featureFlags: redisUrl ? { caching: true } : {},
  modules: [
    { resolve: "./src/modules/cooperative" },
    { resolve: "./src/modules/certification" },
    { resolve: "./src/modules/review" },
    searchModule,
    { resolve: "./src/modules/order-group" },
    { resolve: "./src/modules/ledger" },
    {
      // Medusa's manual provider (the standard 30.000 ₫ option) plus the rates cooperatives set themselves.
      resolve: "@medusajs/medusa/fulfillment",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/fulfillment-manual", id: "manual" },
          { resolve: "./src/modules/cooperative-rate", id: "cooperative-rate" },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            // Logs notifications like notification-local, redacting tokens outside development.
            resolve: "./src/modules/notification-log",
            id: "local",
            options: { channels: ["email"] },
          },
        ],
      },
    },
    { resolve: "./src/modules/traceability" },
    { resolve: "@medusajs/medusa/payment", options: { providers: paymentProviders } },
    ...redisModules,
  ],
})
