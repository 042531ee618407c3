import { useQueryClient } from "@tanstack/react-query"
import { Toaster } from "@medusajs/ui"
import { lazy, Suspense, useEffect, type ComponentType } from "react"
import { useSession } from "./api/session"
import { Layout, Loading } from "./components/layout"
import { StatusBanner } from "./components/status-banner"
import { UnionBanner } from "./components/union-banner"
import { match, navigate, usePath } from "./lib/router"
import { setUnauthorizedHandler } from "./lib/sdk"

// One folder per page, each its own chunk: the first load carries only the shell and the page opened.
const SignIn = lazy(() => import("./pages/sign-in"))
const SignUp = lazy(() => import("./pages/sign-up"))
const Home = lazy(() => import("./pages/home"))
const Products = lazy(() => import("./pages/products"))
const ProductPage = lazy(() => import("./pages/product"))
const Orders = lazy(() => import("./pages/orders"))
const OrderPage = lazy(() => import("./pages/order"))
const Ledger = lazy(() => import("./pages/ledger"))
const Rejected = lazy(() => import("./pages/rejected"))
const Lots = lazy(() => import("./pages/lots"))
const LotPage = lazy(() => import("./pages/lot"))
const LotLabels = lazy(() => import("./pages/labels"))
const Certificates = lazy(() => import("./pages/certificates"))
const CertificatePage = lazy(() => import("./pages/certificate"))
const Ratings = lazy(() => import("./pages/ratings"))
const RatingPage = lazy(() => import("./pages/rating"))
const Reviews = lazy(() => import("./pages/reviews"))
const Payouts = lazy(() => import("./pages/payouts"))
const PayoutPage = lazy(() => import("./pages/payout"))
const Team = lazy(() => import("./pages/team"))
const Settings = lazy(() => import("./pages/settings"))
const PackingSlip = lazy(() => import("./pages/packing-slip"))
const More = lazy(() => import("./pages/more"))
const AcceptInvite = lazy(() => import("./pages/accept-invite"))
const Activity = lazy(() => import("./pages/activity"))

const MEMBER_ROUTES: Array<[string, ComponentType<{ params: Record<string, string> }>]> = [
  ["/", Home],
  ["/products", Products],
  ["/products/new", ProductPage],
  ["/products/:id", ProductPage],
  ["/orders", Orders],
  ["/orders/:id", OrderPage],
  ["/ledger", Ledger],
  ["/lots", Lots],
  ["/lots/:id", LotPage],
  ["/lots/:id/labels", LotLabels],
  ["/certificates", Certificates],
  ["/certificates/:id", CertificatePage],
  ["/ratings", Ratings],
  ["/ratings/:id", RatingPage],
  ["/orders/:id/packing-slip", PackingSlip],
  ["/reviews", Reviews],
  ["/payouts", Payouts],
  ["/payouts/:id", PayoutPage],
  ["/team", Team],
  ["/settings", Settings],
  ["/more", More],
  ["/activity", Activity],
]

export function App() {
  const path = usePath()
  const session = useSession()
  const client = useQueryClient()

  useEffect(() => {
    setUnauthorizedHandler(() => client.invalidateQueries({ queryKey: ["session"] }))
  }, [client])

  const state = session.data?.state
  useEffect(() => {
    // The invitation email's link (/accept-invite?token=…) stays where it is until the invite is accepted.
    const accepting = path === "/accept-invite"
    if (state === "signed_out" && path !== "/sign-in" && path !== "/sign-up" && !accepting) navigate("/sign-in", { replace: true })
    if (state === "no_cooperative" && path !== "/sign-up" && !accepting) navigate("/sign-up", { replace: true })
    if (state === "member" && (path === "/sign-in" || path === "/sign-up" || path === "/accept-invite")) navigate("/", { replace: true })
  }, [state, path])

  let page = <Loading />
  if (session.data?.state === "member") {
    const me = session.data.me
    if (me.cooperative.status === "rejected") {
      page = (
        <Layout>
          <Rejected />
        </Layout>
      )
    } else {
      const found = MEMBER_ROUTES.map(([pattern, C]) => [match(pattern, path), C] as const).find(([params]) => params)
      const [params, Page] = found ?? [{}, Home]
      page = (
        <Layout>
          <UnionBanner />
          <StatusBanner />
          <Page params={params as Record<string, string>} />
        </Layout>
      )
    }
  } else if (state === "signed_out" || state === "no_cooperative") {
    page = path === "/accept-invite" ? <AcceptInvite /> : path === "/sign-up" ? <SignUp /> : <SignIn />
  } else if (session.isError) {
    page = <SignIn />
  }

  return (
    <>
      <Suspense fallback={<Loading />}>{page}</Suspense>
      <Toaster />
    </>
  )
}
