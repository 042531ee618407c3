import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import { installInertStatic } from "./src/medusa-internals/inert-static"
import { httpSecrets } from "./src/lib/config/secrets"
import { unionCodCollector } from "./src/modules/order-group/rules/collector"
import { failedDeliveryCostBearer } from "./src/modules/order-group/rules/failed-delivery"
import { returnCommissionKeptPercent, returnWindowDays } from "./src/modules/ledger/rules/returns"
import { znsTemplateIds } from "./src/notifications/zns"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// Throws in production while JWT_SECRET or COOKIE_SECRET is missing, short or a published default.
const { jwtSecret, cookieSecret } = httpSecrets()

// The union's money rules are read when used; a misspelt value stops the start, not a shopper's request.
unionCodCollector()
failedDeliveryCostBearer()
returnWindowDays()
returnCommissionKeptPercent()

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
          resolve: "./src/modules/payment-vietqr",
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

// Uploaded files (docs/security/uploads.md). Local disk under ./static by default, served by Medusa at
// /static with headers that keep every file inert (the wrapper must be installed before the app's
// express loader runs, hence here); S3-compatible storage through Medusa's S3 provider when its
// bucket is set. URLs are built from the public backend URL, never from the request.
installInertStatic()
const backendUrl = (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, "")
const missingS3 = process.env.S3_BUCKET
  ? ["S3_FILE_URL", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"].filter((name) => !process.env[name])
  : []
if (missingS3.length) throw new Error(`S3_BUCKET is set, so uploads go to S3, but ${missingS3.join(", ")} ${missingS3.length > 1 ? "are" : "is"} missing.`)
const fileModule = {
  resolve: "@medusajs/medusa/file",
  options: {
    providers: [
      process.env.S3_BUCKET
        ? {
            resolve: "@medusajs/medusa/file-s3",
            id: "s3",
            options: {
              file_url: process.env.S3_FILE_URL!.replace(/\/+$/, ""),
              bucket: process.env.S3_BUCKET,
              region: process.env.S3_REGION,
              access_key_id: process.env.S3_ACCESS_KEY_ID,
              secret_access_key: process.env.S3_SECRET_ACCESS_KEY,
              ...(process.env.S3_ENDPOINT ? { endpoint: process.env.S3_ENDPOINT, additional_client_config: { forcePathStyle: true } } : {}),
            },
          }
        : {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { upload_dir: "static", backend_url: `${backendUrl}/static` },
          },
    ],
  },
}

// Medusa's Index module, only with its feature flag (MEDUSA_FF_INDEX_ENGINE=true): `npm run bench --
// --listing` measures it as a candidate for the store listing (docs/storefront/listing.md). Off by
// default: the answer cache serves the listing, and the module's event-fed copy lags behind writes.
const indexEngine = process.env.MEDUSA_FF_INDEX_ENGINE === "true"

// The one email provider: SMTP (nodemailer) when configured, else the log, redacting tokens outside development.
if (process.env.SMTP_URL && !process.env.SMTP_FROM) throw new Error("SMTP_URL is set, so email is sent, but SMTP_FROM (the sender address) is missing.")
const emailProvider = process.env.SMTP_URL
  ? { resolve: "./src/modules/notification-smtp", id: "smtp", options: { channels: ["email"], url: process.env.SMTP_URL, from: process.env.SMTP_FROM } }
  : { resolve: "./src/modules/notification-log", id: "local", options: { channels: ["email"] } }
// Zalo ZNS beside email when its access token is set; a message it cannot deliver goes by email (docs/notifications.md).
const znsProviders = process.env.ZNS_ACCESS_TOKEN
  ? [{ resolve: "./src/modules/notification-zns", id: "zns", options: { channels: ["zns"], access_token: process.env.ZNS_ACCESS_TOKEN, api_url: process.env.ZNS_API_URL, templates: znsTemplateIds() } }]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: false,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    // Medusa keeps express-session sessions in Redis when this is set, so every server process
    // behind one address knows every session (in memory, a session lives in one process only).
    redisUrl,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret,
      cookieSecret,
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
    // First: refuses to start, naming the Medusa version, when an internal we rely on has moved (src/medusa-internals).
    { resolve: "./src/medusa-internals/startup" },
    { resolve: "./src/modules/cooperative" },
    { resolve: "./src/modules/certification" },
    { resolve: "./src/modules/review" },
    { resolve: "./src/modules/product-revision" },
    // The demo seed runs before the indexes have a live version; without the module its product
    // events are not ingested (and not logged as failures), and `medusa develop` seeds every index at start.
    // (Leaving it out would not do: Medusa registers it by default; it has to be disabled.)
    process.env.COOPSTALL_SEED_WITHOUT_SEARCH === "1" ? { key: Modules.SEARCH, disable: true } : searchModule,
    { resolve: "./src/modules/order-group" },
    { resolve: "./src/modules/ledger" },
    // How each cooperative is paid: its payout method's provider (bank transfer by VietQR, Stripe Connect).
    { resolve: "./src/modules/payout" },
    { resolve: "./src/modules/cooperative-return" },
    {
      // Medusa's manual provider (the standard 30.000 ₫ option) plus the rates cooperatives set themselves.
      resolve: "@medusajs/medusa/fulfillment",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/fulfillment-manual", id: "manual" },
          { resolve: "./src/modules/fulfillment-cooperative-rate", id: "cooperative-rate" },
        ],
      },
    },
    // Email through SMTP when SMTP_URL is set (docs/notifications.md); otherwise written to the log.
    { resolve: "@medusajs/medusa/notification", options: { providers: [emailProvider, ...znsProviders] } },
    { resolve: "./src/modules/traceability" },
    fileModule,
    { resolve: "./src/modules/upload" },
    { resolve: "@medusajs/medusa/payment", options: { providers: paymentProviders } },
    ...redisModules,
    ...(indexEngine ? [{ resolve: "@medusajs/index" }] : []),
  ],
})
