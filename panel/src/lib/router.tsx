import { type AnchorHTMLAttributes, type MouseEvent, useEffect, useState } from "react"

// A small router over the History API: the panel has a handful of pages, all under /cooperative.

export const BASE = "/cooperative"

const listeners = new Set<() => void>()
const current = () => window.location.pathname.replace(/^\/cooperative/, "") || "/"

export function navigate(to: string, { replace = false } = {}) {
  const url = `${BASE}${to === "/" ? "/" : to}`
  if (replace) window.history.replaceState(null, "", url)
  else window.history.pushState(null, "", url)
  window.scrollTo(0, 0)
  listeners.forEach((l) => l())
}

/** The path under /cooperative; the component renders again on every navigation (a changed ?query too). */
export function usePath() {
  const [, setVersion] = useState(0)
  useEffect(() => {
    const update = () => setVersion((v) => v + 1)
    listeners.add(update)
    window.addEventListener("popstate", update)
    return () => {
      listeners.delete(update)
      window.removeEventListener("popstate", update)
    }
  }, [])
  return current()
}

/** Matches "/orders/:id" against a path; the params, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/").filter(Boolean)
  const s = path.split("/").filter(Boolean)
  if (p.length !== s.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(":")) {
      try {
        params[p[i].slice(1)] = decodeURIComponent(s[i])
      } catch {
        return null
      }
    } else if (p[i] !== s[i]) return null
  }
  return params
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e)
    if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
    e.preventDefault()
    navigate(to)
  }
  return <a href={`${BASE}${to}`} onClick={handle} {...rest} />
}
