import i18n from "i18next"
import { initReactI18next } from "react-i18next"
import en from "../locales/en"
import vi from "../locales/vi"

const KEY = "coopstall.panel.lng"

/** Vietnamese unless the person chose English, or their browser prefers English over Vietnamese. */
function initialLanguage(): "vi" | "en" {
  const saved = window.localStorage.getItem(KEY)
  if (saved === "vi" || saved === "en") return saved
  for (const lang of navigator.languages ?? [navigator.language]) {
    if (/^vi\b/i.test(lang)) return "vi"
    if (/^en\b/i.test(lang)) return "en"
  }
  return "vi"
}

i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: "vi",
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
})
document.documentElement.lang = i18n.language

export function setLanguage(lng: "vi" | "en") {
  window.localStorage.setItem(KEY, lng)
  document.documentElement.lang = lng
  void i18n.changeLanguage(lng)
}

export default i18n
