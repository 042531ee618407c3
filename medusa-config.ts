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
    { resolve: "./src/modules/order-group" },
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
            resolve: "@medusajs/medusa/notification-local",
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
