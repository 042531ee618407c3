// The app `npm run bench` measures: the production build (.medusa/server, exactly what `npm run
// build` ships) plus the bench's own plugin (bench/plugin: Medusa's vanilla cart completion, the
// checkout baseline). The build is left untouched: the bench serves from a directory of its own
// whose medusa-config.js loads the build's config and adds the plugin; everything else in it links
// back to the build.
import fs from "node:fs"
import path from "node:path"
import ts from "typescript"

/** Compiles bench/plugin/src to bench/plugin/.medusa/server/src, where Medusa looks for a plugin's code. */
function buildPlugin(pluginDir) {
  const srcDir = path.join(pluginDir, "src")
  const outDir = path.join(pluginDir, ".medusa/server/src")
  fs.rmSync(path.join(pluginDir, ".medusa"), { recursive: true, force: true })
  const files = fs.readdirSync(srcDir, { recursive: true }).filter((f) => f.endsWith(".ts"))
  for (const file of files) {
    // Type-checked with the rest of the bench (`npx tsc --noEmit -p bench`); here only transpiled.
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(srcDir, file), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true },
      fileName: file,
    })
    const out = path.join(outDir, file.replace(/\.ts$/, ".js"))
    fs.mkdirSync(path.dirname(out), { recursive: true })
    fs.writeFileSync(out, outputText)
  }
  return files.length
}

/**
 * Returns the directory to run `medusa start` in: `appDir` (recreated) holding links to every
 * entry of the build in `serverDir` and a medusa-config.js that adds bench/plugin.
 */
export function prepareBenchApp({ root, serverDir, appDir }) {
  const pluginDir = path.join(root, "bench/plugin")
  if (!buildPlugin(pluginDir)) throw new Error("bench/plugin/src has no TypeScript files")
  fs.rmSync(appDir, { recursive: true, force: true })
  fs.mkdirSync(appDir, { recursive: true })
  for (const entry of fs.readdirSync(serverDir)) {
    if (entry === "medusa-config.js") continue
    fs.symlinkSync(path.join(serverDir, entry), path.join(appDir, entry))
  }
  fs.writeFileSync(
    path.join(appDir, "medusa-config.js"),
    `// Written by bench/app.mjs: the build's configuration plus the bench's plugin.\n` +
      `const config = require(${JSON.stringify(path.join(serverDir, "medusa-config.js"))})\n` +
      `config.plugins = [...(config.plugins ?? []), { resolve: ${JSON.stringify(pluginDir)}, options: {} }]\n` +
      `module.exports = config\n`
  )
  return appDir
}
