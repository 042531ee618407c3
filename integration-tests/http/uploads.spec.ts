import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { randomBytes } from "node:crypto"
import { Api, bearer, call, createCooperative } from "../helpers"

jest.setTimeout(180_000)

// Real files, 2×2 pixels / one empty page, made with pngjs, cjpeg, cwebp and by hand (pdfinfo, djpeg and dwebp read them).
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAE0lEQVR4AWPUqzX6zwAETAxQAAAb9AHgiLErZwAAAABJRU5ErkJggg==", "base64")
const JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCQACJl/9k=",
  "base64"
)
const WEBP = Buffer.from("UklGRjYAAABXRUJQVlA4ICoAAACQAQCdASoCAAIAAUAmJaACdLoAA5gA/u+9V/FtI6FMh/8Wh1odaGdIAAA=", "base64")
const PDF = Buffer.from(
  "JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCA3MiA3Ml0gPj4KZW5kb2JqCnhyZWYKMCA0CjAwMDAwMDAwMDAgNjU1MzUgZiAKMDAwMDAwMDAwOSAwMDAwMCBuIAowMDAwMDAwMDU4IDAwMDAwIG4gCjAwMDAwMDAxMTUgMDAwMDAgbiAKdHJhaWxlcgo8PCAvU2l6ZSA0IC9Sb290IDEgMCBSID4+CnN0YXJ0eHJlZgoxODQKJSVFT0YK",
  "base64"
)
const HTML = Buffer.from("<!doctype html><html><body><script>fetch('/admin/cooperatives').then(r=>r.text()).then(alert)</script></body></html>")
const SVG = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>')
const EXE = Buffer.concat([Buffer.from("4d5a90000300000004000000ffff0000", "hex"), Buffer.alloc(64)])
const GIF = Buffer.from("GIF89a/*\x00\x00*/=alert(1)//<script>", "latin1")
const ZIP = Buffer.from("504b0304140000000800", "hex")
/** A PNG signature and a real IHDR chunk, then a page: file-type (rightly) calls it a PNG. */
const PNG_HTML = Buffer.concat([PNG.subarray(0, 33), HTML])
/** A PNG signature alone, then a page: file-type recognises nothing. */
const PNG_SIG_HTML = Buffer.concat([PNG.subarray(0, 8), HTML])
const JPEG_HTML = Buffer.concat([JPEG, HTML])
const PDF_HTML = Buffer.concat([Buffer.from("%PDF-1.4\n"), HTML])

const STATIC_DIR = path.join(process.cwd(), "static")
const CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
const BACKEND = (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, "")

type Part = { bytes: Buffer; type?: string; name?: string; field?: string }

function form(parts: Part[], fields: [string, string][] = []) {
  const body = new FormData()
  for (const [k, v] of fields) body.append(k, v)
  for (const p of parts) body.append(p.field ?? "files", new Blob([new Uint8Array(p.bytes)], { type: p.type ?? "application/octet-stream" }), p.name ?? "file")
  return body
}

const send = (api: Api, token: string, parts: Part[], fields: [string, string][] = []) =>
  call(api.post("/vendor/uploads", form(parts, fields), bearer(token)))

/** GET a path (or a returned URL's path) on the test server: status, bytes and headers as they arrive. */
async function fetchRaw(api: Api, urlOrPath: string) {
  const at = urlOrPath.startsWith("http") ? new URL(urlOrPath).pathname : urlOrPath
  const res: any = await api.get(at, { responseType: "arraybuffer", validateStatus: () => true })
  return { status: res.status as number, bytes: Buffer.from(res.data), headers: res.headers as Record<string, string> }
}

/** What a cooperative has on disk and in the quota table. */
function storedOnDisk(cooperativeId: string): string[] {
  const dir = path.join(STATIC_DIR, "evidence", cooperativeId)
  return fs.existsSync(dir) ? fs.readdirSync(dir) : []
}

/** A raw HTTP request, for bodies and headers axios will not send (chunked, broken multipart). */
function raw(port: number, token: string, headers: Record<string, string>, chunks: Buffer[]) {
  return new Promise<{ status: number; data: any }>((resolve, reject) => {
    const req = http.request({ host: "localhost", port, method: "POST", path: "/vendor/uploads", headers: { authorization: `Bearer ${token}`, ...headers } }, (res) => {
      let text = ""
      res.on("data", (c) => (text += c))
      res.on("end", () => resolve({ status: res.statusCode!, data: text ? JSON.parse(text) : null }))
    })
    req.on("error", reject)
    for (const c of chunks) req.write(c)
    req.end()
  })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const uploads = () => getContainer().resolve("upload") as any
    const rowsOf = async (cooperativeId: string) => uploads().listUploads({ cooperative_id: cooperativeId })
    const port = () => Number(new URL((api as any).defaults.baseURL).port)
    let n = 0
    // A branch suffix keeps each test's cooperative's tax code unique.
    const cooperative = () => {
      n++
      return createCooperative(api, `tai-len-${n}@htx.vn`, { tax_code: `3301000016-${String(n).padStart(3, "0")}`, handle: `htx-tai-len-${n}`, name: `HTX Tải lên ${n}` })
    }

    async function expectNothingStored(cooperativeId: string) {
      expect(storedOnDisk(cooperativeId)).toEqual([])
      expect(await rowsOf(cooperativeId)).toEqual([])
    }

    describe("what is accepted", () => {
      it("stores a real PDF, JPEG, PNG and WebP under names the server chose, typed from their bytes, and serves them inert", async () => {
        const { token, cooperative: coop } = await cooperative()
        const res = await send(api, token, [
          { bytes: PDF, type: "application/pdf", name: "Quyết định OCOP.pdf" },
          // Declared type and name say nothing: the bytes decide.
          { bytes: JPEG, type: "text/html", name: "anh-vuon-che.html" },
          { bytes: PNG, type: "application/octet-stream", name: "chung-nhan.exe" },
          { bytes: WEBP, type: "image/png", name: "san-pham" },
        ])
        expect(res.status).toBe(201)
        const expected = [
          ["pdf", "application/pdf", PDF, "attachment"],
          ["jpg", "image/jpeg", JPEG, "inline"],
          ["png", "image/png", PNG, "inline"],
          ["webp", "image/webp", WEBP, "inline"],
        ] as const
        for (const [i, [ext, mime, bytes, disposition]] of expected.entries()) {
          const file = res.data.files[i]
          expect(file.id).toMatch(new RegExp(`^evidence/${coop.id}/\\d+-[0-9a-f]{24}\\.${ext}$`))
          expect(file).toMatchObject({ mime_type: mime, size: bytes.length })
          expect(file.url).toBe(`${BACKEND}/static/${file.id}`)
          const served = await fetchRaw(api, file.url)
          expect(served.status).toBe(200)
          expect(served.bytes.equals(bytes)).toBe(true)
          expect(served.headers["content-type"]).toBe(mime)
          expect(served.headers["x-content-type-options"]).toBe("nosniff")
          expect(served.headers["content-security-policy"]).toBe(CSP)
          expect(served.headers["content-disposition"]).toBe(disposition)
        }
        // None of the client's names or extensions reached the store.
        const names = storedOnDisk(coop.id).join(" ")
        for (const word of ["OCOP", "anh", "html", "exe", "chung", "san-pham"]) expect(names).not.toContain(word)
        const rows = await rowsOf(coop.id)
        expect(rows.map((r: any) => [r.file_id, r.mime_type, r.size]).sort()).toEqual(res.data.files.map((f: any) => [f.id, f.mime_type, f.size]).sort())
      })

      it("a polyglot whose bytes begin as a real PNG, JPEG or PDF is stored as that type and never served as a page", async () => {
        const { token, cooperative: coop } = await cooperative()
        const cases = [
          [PNG_HTML, "png", "image/png", "inline"],
          [JPEG_HTML, "jpg", "image/jpeg", "inline"],
          [PDF_HTML, "pdf", "application/pdf", "attachment"],
        ] as const
        for (const [bytes, ext, mime, disposition] of cases) {
          const res = await send(api, token, [{ bytes, type: "text/html", name: "evil.html" }])
          expect(res.status).toBe(201)
          expect(res.data.files[0].id).toMatch(new RegExp(`\\.${ext}$`))
          const served = await fetchRaw(api, res.data.files[0].url)
          expect(served.headers["content-type"]).toBe(mime)
          expect(served.headers["content-type"]).not.toContain("html")
          expect(served.headers["x-content-type-options"]).toBe("nosniff")
          expect(served.headers["content-security-policy"]).toContain("sandbox")
          expect(served.headers["content-disposition"]).toBe(disposition)
        }
        expect(storedOnDisk(coop.id).filter((f) => f.endsWith(".html"))).toEqual([])
      })

      it("a name like ../../evil.html only labels the file: it is stored under the cooperative's prefix as what its bytes are", async () => {
        const { token, cooperative: coop } = await cooperative()
        for (const name of ["../../evil.html", "..\\..\\evil.html", "/etc/passwd", "%2e%2e%2fevil.html", "C:\\evil.html", ".htaccess"]) {
          const res = await send(api, token, [{ bytes: PNG, type: "image/png", name }])
          expect([name, res.status]).toEqual([name, 201])
          expect(res.data.files[0].id).toMatch(new RegExp(`^evidence/${coop.id}/\\d+-[0-9a-f]{24}\\.png$`))
        }
        // A NUL byte in the part header is malformed multipart (busboy refuses it): 400, nothing stored.
        const nul = await send(api, token, [{ bytes: PNG, type: "image/png", name: "evil.html\u0000.png" }])
        expect([nul.status, nul.data.code]).toEqual([400, "invalid_upload"])
        expect(fs.existsSync(path.join(process.cwd(), "evil.html"))).toBe(false)
        expect(fs.existsSync(path.join(STATIC_DIR, "evil.html"))).toBe(false)
        expect(fs.existsSync(path.join(STATIC_DIR, "evidence", "evil.html"))).toBe(false)
        expect(storedOnDisk(coop.id)).toHaveLength(6)
      })
    })

    describe("what is refused", () => {
      it("refuses HTML, SVG, GIF, ZIP, an EXE and bare-signature polyglots with 415 whatever their declared type or name, and stores nothing", async () => {
        const { token, cooperative: coop } = await cooperative()
        const refused: [string, Part][] = [
          ["HTML declared image/png", { bytes: HTML, type: "image/png", name: "evil.png" }],
          ["HTML named ../../evil.html", { bytes: HTML, type: "text/html", name: "../../evil.html" }],
          ["SVG with script", { bytes: SVG, type: "image/svg+xml", name: "logo.svg" }],
          ["SVG declared image/png", { bytes: SVG, type: "image/png", name: "logo.png" }],
          ["PNG signature then HTML", { bytes: PNG_SIG_HTML, type: "image/png", name: "anh.png" }],
          ["HTML then a PNG", { bytes: Buffer.concat([HTML, PNG]), type: "image/png", name: "anh.png" }],
          ["EXE declared application/pdf", { bytes: EXE, type: "application/pdf", name: "quyet-dinh.pdf" }],
          ["GIF with script", { bytes: GIF, type: "image/gif", name: "anh.gif" }],
          ["ZIP declared image/jpeg", { bytes: ZIP, type: "image/jpeg", name: "anh.jpg" }],
          ["text declared application/pdf", { bytes: Buffer.from("Quyết định số 303/QĐ-UBND"), type: "application/pdf", name: "qd.pdf" }],
        ]
        for (const [label, part] of refused) {
          const res = await send(api, token, [part])
          expect([label, res.status, res.data.code]).toEqual([label, 415, "unsupported_file_type"])
        }
        // One bad file refuses the whole request: its good companion is not stored either.
        const mixed = await send(api, token, [{ bytes: PNG, type: "image/png", name: "ok.png" }, { bytes: HTML, type: "image/png", name: "evil.png" }])
        expect([mixed.status, mixed.data.code]).toEqual([415, "unsupported_file_type"])
        expect(mixed.data.message).toContain("file 2")
        const empty = await send(api, token, [{ bytes: Buffer.alloc(0), type: "application/pdf", name: "empty.pdf" }])
        expect([empty.status, empty.data.code]).toEqual([400, "empty_file"])
        await expectNothingStored(coop.id)
      })

      it("limits cover the whole request: file size, file count, fields, total bytes, the length header and the multipart framing", async () => {
        const { token, cooperative: coop } = await cooperative()
        const png = { bytes: PNG, type: "image/png", name: "a.png" }
        const cases: [string, Promise<{ status: number; data: any }>, number, string][] = [
          ["no file", send(api, token, []), 400, "no_files"],
          ["six files", send(api, token, Array(6).fill(png)), 400, "too_many_files"],
          ["a file in another field", send(api, token, [{ ...png, field: "evidence" }]), 400, "unexpected_file_field"],
          ["a file over 10 MB", send(api, token, [{ bytes: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), name: "big.pdf" }]), 413, "file_too_large"],
          [
            "three 8 MB files (24 MB in all)",
            send(api, token, Array(3).fill({ bytes: Buffer.concat([PDF, Buffer.alloc(8 * 1024 * 1024)]), name: "b.pdf" })),
            413,
            "request_too_large",
          ],
          ["11 fields", send(api, token, [png], Array.from({ length: 11 }, (_, i) => [`f${i}`, "x"] as [string, string])), 400, "too_many_fields"],
          ["3,000 fields", send(api, token, [png], Array.from({ length: 3000 }, (_, i) => [`f${i}`, "x"] as [string, string])), 400, "too_many_fields"],
          ["a 2 KB field", send(api, token, [png], [["note", "x".repeat(2048)]]), 400, "field_too_large"],
          ["a 200-byte field name", send(api, token, [png], [["n".repeat(200), "x"]]), 400, "field_name_too_long"],
        ]
        for (const [label, pending, status, code] of cases) {
          const res = await pending
          expect([label, res.status, res.data?.code]).toEqual([label, status, code])
        }

        const boundary = "----coopstall"
        const multipart = { "content-type": `multipart/form-data; boundary=${boundary}` }
        const part = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`), PNG])
        // Chunked (no Content-Length): refused before the body is read.
        const chunked = await raw(port(), token, { ...multipart, "transfer-encoding": "chunked" }, [part, Buffer.from(`\r\n--${boundary}--\r\n`)])
        expect([chunked.status, chunked.data.code]).toEqual([411, "length_required"])
        // A Content-Length announcing 1 GB is refused without reading anything.
        const huge = await new Promise<number>((resolve, reject) => {
          const req = http.request(
            { host: "localhost", port: port(), method: "POST", path: "/vendor/uploads", headers: { authorization: `Bearer ${token}`, ...multipart, "content-length": String(1024 ** 3) } },
            (res) => {
              resolve(res.statusCode!)
              req.destroy()
            }
          )
          req.on("error", reject)
          req.write(part)
        })
        expect(huge).toBe(413)
        // A body cut off before its closing boundary, and one without any boundary.
        const truncated = await raw(port(), token, { ...multipart, "content-length": String(part.length) }, [part])
        expect([truncated.status, truncated.data.code]).toEqual([400, "invalid_upload"])
        const noBoundary = await raw(port(), token, { "content-type": "multipart/form-data", "content-length": String(part.length) }, [part])
        expect([noBoundary.status, noBoundary.data.code]).toEqual([400, "invalid_upload"])
        await expectNothingStored(coop.id)
      })
    })

    describe("the per-cooperative storage quota", () => {
      const previous = process.env.UPLOAD_QUOTA_BYTES
      afterEach(() => {
        if (previous === undefined) delete process.env.UPLOAD_QUOTA_BYTES
        else process.env.UPLOAD_QUOTA_BYTES = previous
      })

      it("refuses with 413 the request that would pass the quota, storing none of its files, and counts per cooperative", async () => {
        const { token, cooperative: coop } = await cooperative()
        const other = await cooperative()
        process.env.UPLOAD_QUOTA_BYTES = String(3 * PNG.length)
        const png = { bytes: PNG, type: "image/png", name: "a.png" }
        expect((await send(api, token, [png, png])).status).toBe(201)
        const over = await send(api, token, [png, png])
        expect([over.status, over.data.code]).toEqual([413, "storage_quota_exceeded"])
        expect(storedOnDisk(coop.id)).toHaveLength(2)
        expect(await rowsOf(coop.id)).toHaveLength(2)
        expect((await send(api, token, [png])).status).toBe(201)
        expect((await send(api, token, [png])).data.code).toBe("storage_quota_exceeded")
        // Another cooperative has its own room.
        expect((await send(api, other.token, [png, png, png])).status).toBe(201)
        expect(await uploads().bytesUsed(coop.id)).toBe(3 * PNG.length)
      })

      it("holds under concurrency: of eight simultaneous uploads into room for three, exactly three are stored", async () => {
        const { token, cooperative: coop } = await cooperative()
        process.env.UPLOAD_QUOTA_BYTES = String(3 * PNG.length)
        const results = await Promise.all(Array.from({ length: 8 }, () => send(api, token, [{ bytes: PNG, type: "image/png", name: "a.png" }])))
        expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 413, 413, 413, 413, 413])
        expect(results.filter((r) => r.status === 413).every((r) => r.data.code === "storage_quota_exceeded")).toBe(true)
        expect(storedOnDisk(coop.id)).toHaveLength(3)
        expect(await uploads().bytesUsed(coop.id)).toBe(3 * PNG.length)
      })
    })

    describe("files already on disk", () => {
      const planted: string[] = []
      afterAll(() => planted.forEach((f) => fs.rmSync(f, { force: true })))
      const plant = (name: string, bytes: Buffer) => {
        const file = path.join(STATIC_DIR, name)
        fs.mkdirSync(path.dirname(file), { recursive: true })
        fs.writeFileSync(file, bytes)
        planted.push(file)
        return name
      }

      it("an .html, .svg or .js already under /static is downloaded inert, whatever the spelling of the path", async () => {
        const tag = randomBytes(4).toString("hex")
        const html = plant(`legacy-${tag}-evil.html`, HTML)
        const svg = plant(`legacy-${tag}-logo.svg`, SVG)
        const js = plant(`legacy-${tag}.js`, Buffer.from("alert(1)"))
        for (const url of [`/static/${html}`, `/STATIC/${html}`, `/Static/./${html}`, `/static//${html}`, `/static/${svg}`, `/static/${js}`]) {
          const served = await fetchRaw(api, url)
          expect([url, served.status]).toEqual([url, 200])
          expect(served.headers["content-type"]).toBe("application/octet-stream")
          expect(served.headers["content-disposition"]).toBe("attachment")
          expect(served.headers["x-content-type-options"]).toBe("nosniff")
          expect(served.headers["content-security-policy"]).toBe(CSP)
        }
        // Range requests and HEAD go through the same server.
        const range: any = await api.get(`/static/${html}`, { headers: { range: "bytes=0-4" }, validateStatus: () => true })
        expect([range.status, range.headers["content-type"], range.headers["content-security-policy"]]).toEqual([206, "application/octet-stream", CSP])
      })
    })
  },
})
