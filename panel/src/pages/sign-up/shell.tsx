import type { ReactNode } from "react"
import { LanguageSwitch } from "../../components/layout"

/** The frame of the pages before a cooperative is signed in. */
export function AuthShell({ children }: { children: ReactNode }) {
  return (
    <div className="bg-ui-bg-subtle min-h-screen">
      <div className="flex justify-end p-2">
        <LanguageSwitch />
      </div>
      <main className="bg-ui-bg-base mx-auto flex max-w-md flex-col gap-y-4 rounded-none p-5 md:mt-8 md:rounded-xl md:shadow-elevation-card-rest">{children}</main>
    </div>
  )
}
