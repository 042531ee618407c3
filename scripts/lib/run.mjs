import { spawn } from "node:child_process"

/** Runs a command with inherited output; resolves on exit code 0, rejects otherwise. */
export function run(cmd, args, { env = process.env, cwd = process.cwd() } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env, cwd })
    child.on("error", reject)
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code ?? signal}`))
    )
  })
}

export const medusaBin = "node_modules/.bin/medusa"
