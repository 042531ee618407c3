// Draws the demo products' pictures and the cooperatives' logos (src/scripts/demo-images/*.webp),
// so a storefront pointed at the demo shows a shop. Drawn locally on an HTML canvas in Chromium
// (playwright-core), nothing downloaded; the files are committed and the seed serves them.
//   node scripts/demo-images.mjs            (CHROMIUM=/path/to/chromium if not /usr/bin/chromium)
import { readFileSync, writeFileSync, mkdirSync } from "node:fs"
import path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import ts from "typescript"
import { chromium } from "playwright-core"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const outDir = path.join(root, "src/scripts/demo-images")
const SIZE = 800
const LOGO_SIZE = 400
const MAX_BYTES = 40_000

// The catalog is TypeScript; transpile it on the fly so names, SKUs and prices have one source.
async function loadCatalog() {
  const source = readFileSync(path.join(root, "src/scripts/demo-catalog.ts"), "utf8")
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
  const tmp = path.join(root, ".cache/demo-catalog.mjs")
  mkdirSync(path.dirname(tmp), { recursive: true })
  writeFileSync(tmp, outputText)
  return import(pathToFileURL(tmp).href + `?t=${Date.now()}`)
}

// What each product looks like, by its SKU prefix: the kind of object and its colours.
const ART = {
  "DAFUSA-DP": { kind: "bottle", liquid: "#e7b416", label: "#fff6dc", accent: "#b5651d", bg: ["#fdf3d7", "#f3d9a0"] },
  "DAFUSA-DPT": { kind: "tofu", label: "#ffffff", accent: "#2f7d32", bg: ["#eef6ea", "#cfe3c4"] },
  "DAFUSA-THN": { kind: "pudding", label: "#fffaf0", accent: "#a0522d", bg: ["#fbefe2", "#ecd0b0"] },
  "THUYBANG-CX": { kind: "pouch", body: "#2e7d32", label: "#f4f1de", accent: "#1b5e20", bg: ["#edf5e1", "#c9dfae"] },
  "THUYBANG-CT": { kind: "leaves", accent: "#33691e", bg: ["#f1f8e9", "#d4e7bd"] },
  "THANHNAM-TX": { kind: "box", body: "#1f6f43", label: "#f7f3e3", accent: "#c9a227", bg: ["#eaf4ec", "#c3dcc9"] },
  "THANHNAM-ST": { kind: "box", body: "#e9ecef", label: "#ffffff", accent: "#3d6b4f", bg: ["#f3f6f4", "#d5e0da"] },
  "THANHNAM-HT": { kind: "teabags", body: "#8e1b1b", label: "#fbeee0", accent: "#d4a017", bg: ["#fbece6", "#e8c3b5"] },
  "DATTO-HL": { kind: "scallions", accent: "#2e7d32", bg: ["#f2f8ec", "#d6e8c6"] },
  "DATTO-KL": { kind: "potatoes", accent: "#6d3b6e", bg: ["#f7efe6", "#e3cfb8"] },
  "DATTO-BDH": { kind: "pomelo", accent: "#7cb342", bg: ["#f6f9e8", "#dde9b8"] },
  "DAHEN-CB": { kind: "pouch", body: "#3e5f2b", label: "#fdf8e6", accent: "#8d6e27", bg: ["#f0f3e6", "#d2dcb6"] },
  "DAHEN-MC": { kind: "box", body: "#2f8f83", label: "#fffdf5", accent: "#b8860b", bg: ["#e8f4f2", "#bfded9"] },
  "LANGHA-MO": { kind: "honey", liquid: "#d98c0b", label: "#fff8e1", accent: "#8d5a00", bg: ["#fff5dd", "#f1d49a"] },
}
const artFor = (sku) => ART[sku.split("-").slice(0, 2).join("-")] ?? ART[sku.split("-")[0]]

const LOGO_COLORS = ["#2e7d32", "#1f6f43", "#8d6e27", "#2f8f83", "#b5651d", "#8e1b1b"]

// Runs in the page: one canvas scene per call, returned as a WebP data URL at the given quality.
function drawInPage({ size, art, text, quality, logo }) {
  const c = document.createElement("canvas")
  c.width = c.height = size
  const g = c.getContext("2d")
  const S = size / 800
  g.scale(S, S)
  const FONT = '"DejaVu Sans", sans-serif'
  const rr = (x, y, w, h, r) => { g.beginPath(); g.roundRect(x, y, w, h, r) }
  const lin = (x0, y0, x1, y1, stops) => { const l = g.createLinearGradient(x0, y0, x1, y1); stops.forEach(([o, col]) => l.addColorStop(o, col)); return l }
  const shade = (hex, f) => {
    const n = parseInt(hex.slice(1), 16)
    const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => Math.round(f < 0 ? v * (1 + f) : v + (255 - v) * f))
    return `rgb(${ch.join(",")})`
  }
  // Wraps words into at most `maxLines` lines of `width`, shrinking the font until it fits.
  const label = (lines, x, y, width, size0, color, weight = "bold", maxLines = 3) => {
    let fs = size0, out
    for (;;) {
      g.font = `${weight} ${fs}px ${FONT}`
      out = []
      let line = ""
      for (const word of lines.split(" ")) {
        const t = line ? line + " " + word : word
        if (g.measureText(t).width > width && line) { out.push(line); line = word } else line = t
      }
      out.push(line)
      if ((out.length <= maxLines && out.every((l) => g.measureText(l).width <= width)) || fs < 12) break
      fs -= 2
    }
    g.fillStyle = color
    g.textAlign = "center"
    g.textBaseline = "middle"
    out.forEach((l, i) => g.fillText(l, x, y + (i - (out.length - 1) / 2) * fs * 1.18))
    return out.length * fs * 1.18
  }
  const shadow = (cx, cy, rx, ry) => {
    const r = g.createRadialGradient(cx, cy, 0, cx, cy, rx)
    r.addColorStop(0, "rgba(60,40,20,0.35)")
    r.addColorStop(1, "rgba(60,40,20,0)")
    g.save(); g.translate(cx, cy); g.scale(1, ry / rx); g.translate(-cx, -cy)
    g.fillStyle = r; g.beginPath(); g.arc(cx, cy, rx, 0, Math.PI * 2); g.fill(); g.restore()
  }
  const leaf = (x, y, len, wid, angle, color) => {
    g.save(); g.translate(x, y); g.rotate(angle)
    g.fillStyle = color
    g.beginPath(); g.moveTo(0, 0)
    g.quadraticCurveTo(len * 0.5, -wid, len, 0); g.quadraticCurveTo(len * 0.5, wid, 0, 0); g.fill()
    g.strokeStyle = "rgba(255,255,255,0.35)"; g.lineWidth = 2
    g.beginPath(); g.moveTo(2, 0); g.lineTo(len * 0.9, 0); g.stroke()
    g.restore()
  }
  const sticker = (cx, cy, w, h, fill, border, title, sub, coop) => {
    g.fillStyle = fill; rr(cx - w / 2, cy - h / 2, w, h, 18); g.fill()
    g.strokeStyle = border; g.lineWidth = 4; g.stroke()
    g.strokeStyle = border; g.lineWidth = 1.5; rr(cx - w / 2 + 9, cy - h / 2 + 9, w - 18, h - 18, 12); g.stroke()
    const th = label(title, cx, cy - h * 0.12, w - 40, 40, border, "bold", 3)
    label(sub, cx, cy + Math.max(th / 2 + 4, h * 0.2), w - 40, 24, "#333", "normal", 1)
    if (coop) label(coop, cx, cy + h / 2 - 26, w - 40, 17, border, "normal", 1)
  }

  if (logo) {
    const { color, initials, name } = logo
    g.fillStyle = "#fffdf7"; g.fillRect(0, 0, 800, 800)
    g.fillStyle = color; g.beginPath(); g.arc(400, 400, 360, 0, Math.PI * 2); g.fill()
    g.strokeStyle = "#fffdf7"; g.lineWidth = 10; g.beginPath(); g.arc(400, 400, 320, 0, Math.PI * 2); g.stroke()
    for (let i = 0; i < 7; i++) leaf(400, 300, 110, 34, -Math.PI / 2 + (i - 3) * 0.32, "rgba(255,253,247,0.9)")
    g.fillStyle = "#fffdf7"; g.font = `bold 150px ${FONT}`; g.textAlign = "center"; g.textBaseline = "middle"
    g.fillText(initials, 400, 440)
    label(name, 400, 585, 470, 38, "#fffdf7", "bold", 2)
    return c.toDataURL("image/webp", quality)
  }

  const { title, variant, coop } = text
  // Backdrop: a soft wall and a wooden table.
  g.fillStyle = lin(0, 0, 0, 560, [[0, art.bg[0]], [1, art.bg[1]]]); g.fillRect(0, 0, 800, 800)
  g.fillStyle = lin(0, 560, 0, 800, [[0, "#c8996b"], [1, "#a8774a"]]); g.fillRect(0, 560, 800, 240)
  g.strokeStyle = "rgba(90,55,25,0.18)"; g.lineWidth = 2
  for (let y = 585; y < 800; y += 34) { g.beginPath(); g.moveTo(0, y); g.bezierCurveTo(250, y + 8, 520, y - 8, 800, y + 4); g.stroke() }
  g.fillStyle = "rgba(255,255,255,0.35)"; g.fillRect(0, 556, 800, 6)

  switch (art.kind) {
    case "bottle": case "honey": {
      const honey = art.kind === "honey"
      shadow(400, 690, 190, 34)
      const x = honey ? 245 : 260, w = honey ? 310 : 280, top = honey ? 250 : 200
      // neck and cap
      if (!honey) {
        g.fillStyle = lin(360, 0, 440, 0, [[0, "#cfd8dc"], [0.5, "#ffffff"], [1, "#b0bec5"]]); g.fillRect(365, 120, 70, 80)
        g.fillStyle = art.accent; rr(352, 78, 96, 58, 10); g.fill()
      } else {
        g.fillStyle = art.accent; rr(x + 30, top - 70, w - 60, 70, 14); g.fill()
        g.fillStyle = "rgba(255,255,255,0.25)"; g.fillRect(x + 40, top - 52, w - 80, 8)
      }
      // glass body with liquid
      g.fillStyle = lin(x, 0, x + w, 0, [[0, shade(art.liquid, -0.25)], [0.35, art.liquid], [0.55, shade(art.liquid, 0.35)], [1, shade(art.liquid, -0.3)]])
      rr(x, top, w, 690 - top, honey ? 50 : 60); g.fill()
      g.fillStyle = "rgba(255,255,255,0.45)"; rr(x + 22, top + 30, 22, 690 - top - 80, 11); g.fill()
      sticker(400, honey ? 470 : 460, w - 36, honey ? 270 : 280, art.label, art.accent, title, variant, coop)
      if (honey) for (let i = 0; i < 5; i++) {
        const hx = 560 + (i % 3) * 52, hy = 640 + Math.floor(i / 3) * 44 - (i % 3) * 6
        g.fillStyle = i % 2 ? "#f2b705" : "#e09b00"; g.beginPath()
        for (let k = 0; k < 6; k++) g.lineTo(hx + 26 * Math.cos(k * Math.PI / 3), hy + 26 * Math.sin(k * Math.PI / 3)); g.fill()
      } else {
        // a few peanuts beside the bottle
        for (const [px, py, a] of [[560, 680, 0.4], [610, 700, -0.3], [585, 645, 1.2], [200, 700, 0.8]]) {
          g.save(); g.translate(px, py); g.rotate(a); g.fillStyle = "#d9a86c"
          g.beginPath(); g.ellipse(-14, 0, 20, 15, 0, 0, Math.PI * 2); g.ellipse(14, 0, 20, 15, 0, 0, Math.PI * 2); g.fill()
          g.strokeStyle = "rgba(120,70,20,0.35)"; g.lineWidth = 2; g.stroke(); g.restore()
        }
      }
      break
    }
    case "tofu": {
      shadow(400, 690, 300, 40)
      g.fillStyle = "rgba(255,255,255,0.55)"; rr(130, 360, 540, 320, 28); g.fill()
      g.strokeStyle = "rgba(150,170,180,0.8)"; g.lineWidth = 4; g.stroke()
      for (const [bx, by] of [[160, 400], [410, 400]]) {
        g.fillStyle = lin(bx, by, bx + 230, by + 250, [[0, "#fffdf2"], [1, "#efe6c8"]]); rr(bx, by, 230, 250, 16); g.fill()
        g.fillStyle = "#e8dcb5"; rr(bx, by + 220, 230, 30, 12); g.fill()
      }
      sticker(400, 330, 440, 220, art.label, art.accent, title, variant, coop)
      break
    }
    case "pudding": {
      shadow(400, 690, 230, 38)
      g.fillStyle = lin(200, 0, 600, 0, [[0, "#d8d8d8"], [0.5, "#ffffff"], [1, "#cfcfcf"]])
      g.beginPath(); g.moveTo(190, 430); g.lineTo(610, 430); g.lineTo(570, 690); g.lineTo(230, 690); g.closePath(); g.fill()
      g.fillStyle = "#fffbee"; g.beginPath(); g.ellipse(400, 430, 210, 50, 0, 0, Math.PI * 2); g.fill()
      g.fillStyle = "rgba(196,120,40,0.55)"; g.beginPath(); g.ellipse(400, 432, 150, 30, 0, 0, Math.PI * 2); g.fill()
      for (const [gx, gy] of [[360, 425], [420, 438], [450, 420]]) { g.fillStyle = "#e8b04a"; g.fillRect(gx, gy, 18, 6) }
      sticker(400, 565, 330, 190, art.label, art.accent, title, variant, coop)
      // a spoon
      g.save(); g.translate(640, 600); g.rotate(-0.5); g.fillStyle = "#b0bec5"; rr(-8, -120, 16, 160, 8); g.fill()
      g.beginPath(); g.ellipse(0, -135, 26, 36, 0, 0, Math.PI * 2); g.fill(); g.restore()
      break
    }
    case "pouch": {
      shadow(400, 700, 230, 36)
      g.fillStyle = lin(180, 0, 620, 0, [[0, shade(art.body, -0.3)], [0.4, art.body], [0.6, shade(art.body, 0.2)], [1, shade(art.body, -0.35)]])
      g.beginPath(); g.moveTo(200, 150); g.lineTo(600, 150); g.lineTo(620, 690); g.quadraticCurveTo(400, 710, 180, 690); g.closePath(); g.fill()
      g.fillStyle = shade(art.body, -0.4); g.fillRect(200, 150, 400, 34)
      g.strokeStyle = "rgba(255,255,255,0.25)"; g.lineWidth = 3
      for (let x = 215; x < 590; x += 14) { g.beginPath(); g.moveTo(x, 154); g.lineTo(x, 180); g.stroke() }
      sticker(400, 430, 330, 330, art.label, art.accent, title, variant, coop)
      for (let i = 0; i < 4; i++) leaf(405 - 60 + i * 20, 330, 60, 16, -1.9 + i * 0.45, "#4c8c2b")
      for (const [lx, ly, a] of [[150, 700, -0.3], [640, 690, 0.5], [680, 710, 2.4], [110, 675, 3.3]]) leaf(lx, ly, 46, 10, a, "#3f6e22")
      break
    }
    case "box": case "teabags": {
      shadow(400, 700, 250, 36)
      const dark = shade(art.body, -0.3)
      // front, side and top of a box seen slightly from the right
      g.fillStyle = art.body; g.fillRect(190, 200, 360, 490)
      g.fillStyle = dark; g.beginPath(); g.moveTo(550, 200); g.lineTo(620, 160); g.lineTo(620, 650); g.lineTo(550, 690); g.closePath(); g.fill()
      g.fillStyle = shade(art.body, 0.25); g.beginPath(); g.moveTo(190, 200); g.lineTo(260, 160); g.lineTo(620, 160); g.lineTo(550, 200); g.closePath(); g.fill()
      g.strokeStyle = art.accent; g.lineWidth = 6; g.strokeRect(208, 218, 324, 454)
      for (let i = 0; i < 5; i++) leaf(370 - 40 + i * 20, 285, 52, 14, -2 + i * 0.42, art.kind === "teabags" ? art.accent : shade(art.accent, 0.1))
      sticker(370, 470, 300, 280, art.label, art.accent === "#c9a227" ? art.body : art.body === "#e9ecef" ? art.accent : art.body, title, variant, coop)
      if (art.kind === "teabags") {
        // a tea bag on its string beside the box
        g.strokeStyle = "#eee"; g.lineWidth = 2; g.beginPath(); g.moveTo(660, 520); g.lineTo(690, 600); g.stroke()
        g.fillStyle = "#f1e4c8"; rr(640, 600, 100, 110, 10); g.fill()
        g.fillStyle = "rgba(120,60,20,0.35)"; rr(652, 630, 76, 66, 8); g.fill()
        g.fillStyle = art.body; g.fillRect(645, 500, 34, 26)
      } else {
        for (const [lx, ly, a] of [[130, 700, -0.3], [680, 690, 0.5], [700, 720, 2.4]]) leaf(lx, ly, 50, 12, a, "#44752a")
      }
      break
    }
    case "leaves": {
      shadow(400, 700, 280, 36)
      const greens = ["#3f7d20", "#4e9a2a", "#2f6b1a", "#5aa832", "#367a22"]
      for (let i = 0; i < 38; i++) {
        const a = -Math.PI / 2 + ((i * 37) % 100) / 100 * 2.2 - 1.1
        leaf(400 + ((i * 53) % 60) - 30, 560, 170 + ((i * 29) % 90), 40, a, greens[i % greens.length])
      }
      g.strokeStyle = "#5d4037"; g.lineWidth = 8
      for (let i = -3; i <= 3; i++) { g.beginPath(); g.moveTo(400 + i * 10, 560); g.lineTo(390 + i * 14, 690); g.stroke() }
      g.fillStyle = "#c8a165"; rr(340, 575, 110, 30, 8); g.fill()
      sticker(590, 640, 300, 190, art.bg[0], art.accent, title, variant, coop)
      break
    }
    case "scallions": {
      shadow(400, 690, 300, 34)
      for (let i = 0; i < 14; i++) {
        const x0 = 330 + i * 10, tip = 110 + ((i * 41) % 80)
        g.strokeStyle = i % 2 ? "#3f9a2d" : "#2e7d32"; g.lineWidth = 16; g.lineCap = "round"
        g.beginPath(); g.moveTo(x0, 600); g.quadraticCurveTo(x0 + (i - 7) * 6, 350, x0 + (i - 7) * 22, tip); g.stroke()
        g.strokeStyle = "#f3f6e8"; g.lineWidth = 20
        g.beginPath(); g.moveTo(x0, 600); g.lineTo(x0 + 2, 680); g.stroke()
      }
      g.strokeStyle = "#e8eedc"; g.lineWidth = 3
      for (let i = 0; i < 14; i++) { g.beginPath(); g.moveTo(330 + i * 10, 688); g.lineTo(322 + i * 11, 712); g.stroke() }
      g.fillStyle = "#c62828"; g.fillRect(318, 560, 150, 22)
      sticker(610, 470, 290, 200, "#fffdf5", art.accent, title, variant, coop)
      break
    }
    case "potatoes": {
      shadow(400, 700, 320, 40)
      // a woven basket with purple-skinned tubers
      g.fillStyle = "#b07a3c"; g.beginPath(); g.moveTo(120, 470); g.lineTo(680, 470); g.lineTo(630, 700); g.lineTo(170, 700); g.closePath(); g.fill()
      const potato = (x, y, rx, ry, a) => {
        g.save(); g.translate(x, y); g.rotate(a)
        g.fillStyle = lin(-rx, -ry, rx, ry, [[0, "#a4508b"], [1, "#5e2750"]]); g.beginPath(); g.ellipse(0, 0, rx, ry, 0, 0, Math.PI * 2); g.fill()
        g.fillStyle = "rgba(255,255,255,0.18)"; g.beginPath(); g.ellipse(-rx * 0.3, -ry * 0.4, rx * 0.45, ry * 0.22, 0, 0, Math.PI * 2); g.fill()
        g.restore()
      }
      potato(260, 440, 120, 60, -0.2); potato(470, 420, 135, 62, 0.25); potato(360, 380, 115, 55, 0.05); potato(560, 470, 100, 52, -0.4)
      // cut one showing golden flesh
      g.fillStyle = "#f4b63f"; g.beginPath(); g.ellipse(640, 700, 70, 46, 0.2, 0, Math.PI * 2); g.fill()
      g.strokeStyle = "#6d3b6e"; g.lineWidth = 8; g.stroke()
      g.strokeStyle = "rgba(90,55,20,0.45)"; g.lineWidth = 4
      for (let y = 490; y < 700; y += 26) { g.beginPath(); g.moveTo(125 + (y - 470) * 0.2, y); g.lineTo(675 - (y - 470) * 0.2, y); g.stroke() }
      sticker(400, 590, 330, 210, "#fffaf0", art.accent, title, variant, coop)
      break
    }
    case "pomelo": {
      shadow(400, 690, 260, 40)
      g.fillStyle = g.createRadialGradient(330, 300, 30, 400, 420, 290)
      g.fillStyle.addColorStop(0, "#e6ee9c"); g.fillStyle.addColorStop(0.6, "#aed581"); g.fillStyle.addColorStop(1, "#689f38")
      g.beginPath(); g.ellipse(400, 430, 250, 260, 0, 0, Math.PI * 2); g.fill()
      g.fillStyle = "rgba(80,110,30,0.25)"
      for (let i = 0; i < 90; i++) { g.beginPath(); g.arc(220 + ((i * 97) % 360), 230 + ((i * 61) % 400), 2.5, 0, Math.PI * 2); g.fill() }
      g.fillStyle = "#6d4c41"; g.fillRect(392, 160, 16, 30)
      leaf(405, 178, 150, 44, -0.35, "#33691e"); leaf(395, 178, 120, 36, -2.6, "#558b2f")
      // a peeled segment in front
      g.fillStyle = "#f8bbd0"; g.beginPath(); g.ellipse(640, 660, 90, 40, -0.2, Math.PI, 0); g.fill()
      g.strokeStyle = "#f48fb1"; g.lineWidth = 3; g.stroke()
      sticker(400, 460, 310, 210, "#fffde7", "#33691e", title, variant, coop)
      break
    }
  }
  return c.toDataURL("image/webp", quality)
}

const initials = (name) => {
  // "HTX Chè Thanh Nam" → "TN": the cooperative's own words, skipping the legal form and trade words.
  const skip = new Set(["HTX", "Dịch", "vụ", "Nông", "nghiệp", "Tổng", "hợp", "Sản", "xuất", "và", "Chế", "biến", "Chè", "Mật", "ong"])
  const words = name.split(" ").filter((w) => !skip.has(w))
  return words.slice(0, 2).map((w) => w[0].toUpperCase()).join("")
}

async function main() {
  const { DEMO_COOPERATIVES, demoProductImageFile, demoLogoFile } = await loadCatalog()
  mkdirSync(outDir, { recursive: true })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] })
  const page = await browser.newPage()
  await page.setContent(`<html><body style="font-family:'DejaVu Sans'">x</body></html>`)
  const render = async (args, file) => {
    // Highest quality that keeps the file small enough to commit.
    for (let quality = 0.85; ; quality -= 0.1) {
      const url = await page.evaluate(drawInPage, { ...args, quality })
      const bytes = Buffer.from(url.split(",")[1], "base64")
      if (!url.startsWith("data:image/webp")) throw new Error("this Chromium cannot encode WebP")
      if (bytes.length <= MAX_BYTES || quality < 0.3) {
        writeFileSync(path.join(outDir, file), bytes)
        console.log(`${file}  ${(bytes.length / 1024).toFixed(1)} KB  q=${quality.toFixed(2)}`)
        return
      }
    }
  }
  for (const [i, coop] of DEMO_COOPERATIVES.entries()) {
    const name = coop.profile.name.replace(/^HTX /, "HTX ")
    await render({ size: LOGO_SIZE, logo: { color: LOGO_COLORS[i % LOGO_COLORS.length], initials: initials(name), name: name.replace(/^HTX /, "") } }, demoLogoFile(coop))
    for (const product of coop.products) {
      const art = artFor(product.variants[0].sku)
      if (!art) throw new Error(`no drawing for ${product.variants[0].sku}: add its SKU prefix to ART`)
      const variant = product.variants.map((v) => v.title).join(" · ")
      await render({ size: SIZE, art, text: { title: product.title, variant, coop: coop.profile.name } }, demoProductImageFile(product))
    }
  }
  await browser.close()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
