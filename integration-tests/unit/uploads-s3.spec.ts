import http from "node:http"
import type { AddressInfo } from "node:net"

// The S3 branch of medusa-config's file module, through Medusa's own S3 provider against a local
// fake S3 endpoint that records the PutObject it receives: what docs/security/uploads.md claims
// holds on S3 (detected type as Content-Type, server-chosen key, no Content-Disposition).

const S3_ENV = {
  S3_BUCKET: "coopstall-files",
  S3_REGION: "ap-southeast-1",
  S3_ACCESS_KEY_ID: "test-key",
  S3_SECRET_ACCESS_KEY: "test-secret",
  S3_FILE_URL: "https://files.example.vn/",
}

function loadConfig(env: Record<string, string | undefined>) {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]
  try {
    let config: any
    jest.isolateModules(() => {
      config = require("../../medusa-config")
    })
    return config
  } finally {
    process.env = saved
  }
}

const fileProvider = (config: any) => config.modules.file.options.providers[0]

describe("file module configuration", () => {
  it("is local disk with URLs on the public backend URL when no bucket is set", () => {
    const provider = fileProvider(loadConfig({ S3_BUCKET: undefined, MEDUSA_BACKEND_URL: "https://api.htx.example.vn/" }))
    expect(provider).toMatchObject({
      resolve: "@medusajs/medusa/file-local",
      options: { upload_dir: "static", backend_url: "https://api.htx.example.vn/static" },
    })
  })

  it("refuses to start with a bucket but no file URL or keys", () => {
    expect(() => loadConfig({ ...S3_ENV, S3_FILE_URL: undefined, S3_SECRET_ACCESS_KEY: undefined })).toThrow(/S3_FILE_URL, S3_SECRET_ACCESS_KEY are missing/)
  })

  it("stores on S3 with the detected type as Content-Type, under the server's key, and no Content-Disposition", async () => {
    const received: { method: string; url: string; headers: http.IncomingHttpHeaders; bytes: Buffer }[] = []
    const fake = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on("data", (c) => chunks.push(c))
      req.on("end", () => {
        received.push({ method: req.method!, url: req.url!, headers: req.headers, bytes: Buffer.concat(chunks) })
        res.writeHead(200, { etag: '"x"' }).end()
      })
    })
    await new Promise<void>((r) => fake.listen(0, "127.0.0.1", r))
    try {
      const endpoint = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`
      const provider = fileProvider(loadConfig({ ...S3_ENV, S3_ENDPOINT: endpoint }))
      expect(provider.resolve).toBe("@medusajs/medusa/file-s3")
      expect(provider.options).toMatchObject({ bucket: "coopstall-files", file_url: "https://files.example.vn", endpoint })

      const { S3FileService } = require("@medusajs/file-s3/dist/services/s3-file")
      const s3 = new S3FileService({ logger: console }, provider.options)
      const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAE0lEQVR4AWPUqzX6zwAETAxQAAAb9AHgiLErZwAAAABJRU5ErkJggg==", "base64")
      const stored = await s3.upload({ filename: "evidence/coop_1/0123456789abcdef01234567.png", mimeType: "image/png", content: png.toString("base64"), access: "public" })

      expect(received).toHaveLength(1)
      const put = received[0]
      expect(put.method).toBe("PUT")
      expect(put.url).toMatch(/^\/coopstall-files\/evidence\/coop_1\/0123456789abcdef01234567-[0-9A-Z]{26}\.png/)
      expect(put.headers["content-type"]).toBe("image/png")
      expect(put.headers["content-disposition"]).toBeUndefined()
      expect(put.headers["x-amz-acl"]).toBe("public-read")
      expect(put.bytes.includes(png)).toBe(true)
      expect(stored.url).toMatch(/^https:\/\/files\.example\.vn\/evidence\/coop_1\/0123456789abcdef01234567-[0-9A-Z]{26}\.png$/)
    } finally {
      fake.close()
    }
  })
})
