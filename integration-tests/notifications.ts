import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"

// What the email and ZNS specs share: a real SMTP server inside the test, and every log line.

export type Mail = { to: string[]; from: { name: string; address: string }; subject: string; text: string; html: string; envelopeTo: string[] }

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A 2×2 PNG: a return needs a photo. */
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAE0lEQVR4AWPUqzX6zwAETAxQAAAb9AHgiLErZwAAAABJRU5ErkJggg==", "base64")

/**
 * A real SMTP server (the smtp-server package) listening on `port` for the whole spec file; what
 * arrives is read with mailparser, as a mail client would. Call at the top level of the spec.
 */
export function smtpInbox(port: number) {
  const inbox: Mail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed: any) => {
          inbox.push({
            to: (parsed.to?.value ?? []).map((a: any) => a.address),
            from: parsed.from?.value?.[0] ?? { name: "", address: "" },
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          })
          callback()
        })
        .catch(callback)
    },
  })
  beforeAll(() => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)))
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  /** The first mail (after `since`) matching; subscribers run after the HTTP answer, so it may take a moment. */
  async function mailTo(address: string, subject: RegExp | string, since = 0): Promise<Mail> {
    for (let i = 0; i < 100; i++) {
      const found = inbox.slice(since).find((m) => m.envelopeTo.includes(address) && (typeof subject === "string" ? m.subject === subject : subject.test(m.subject)))
      if (found) return found
      await sleep(100)
    }
    throw new Error(`no mail to ${address} matching ${subject}; inbox: ${inbox.map((m) => `${m.envelopeTo} ${m.subject}`).join(" / ")}`)
  }
  return { inbox, mailTo }
}

export const linkIn = (mail: Mail, prefix: string) => {
  const found = mail.text.split(/\s+/).find((w) => w.startsWith(prefix))
  if (!found) throw new Error(`no link starting ${prefix} in:\n${mail.text}`)
  return new URL(found)
}

/** Every line the application logs from now on, through its logger, the console or stdout, into `logged`. */
export function captureLogs(container: MedusaContainer, logged: string[]) {
  const logger: any = container.resolve("logger")
  for (const level of ["info", "warn", "error", "debug", "log", "activity", "progress", "success", "failure"]) {
    const original = logger[level]
    if (typeof original !== "function") continue
    logger[level] = (...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "))
      return original.apply(logger, args)
    }
  }
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[level]
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "))
      original(...args)
    })
  }
  const write = process.stdout.write.bind(process.stdout)
  jest.spyOn(process.stdout, "write").mockImplementation(((chunk: any, ...rest: any[]) => {
    logged.push(String(chunk))
    return write(chunk, ...rest)
  }) as any)
}

/** Records what the app emits whose name starts with `prefix`, to deliver it again later. */
export function recordEvents(container: MedusaContainer, prefix: string, emitted: { name: string; data: any }[]) {
  const bus: any = container.resolve(Modules.EVENT_BUS)
  const emit = bus.emit.bind(bus)
  bus.emit = async (messages: any, options?: any) => {
    for (const m of Array.isArray(messages) ? messages : [messages]) if (String(m.name).startsWith(prefix)) emitted.push({ name: m.name, data: m.data })
    return emit(messages, options)
  }
}
