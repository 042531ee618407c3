export type CooperativeProfileInput = {
  handle: string
  name: string
  legal_name: string
  tax_code: string
  registration_number?: string | null
  province: string
  ward: string
  street_address: string
  phone: string
  email: string
  founded_year?: number | null
  member_count?: number | null
  description?: string | null
  logo_url?: string | null
  bank_bin?: string | null
  bank_account_number?: string | null
  bank_account_holder?: string | null
}

export type ActorRef = { actor_type: "user" | "vendor" | "system"; actor_id: string }
