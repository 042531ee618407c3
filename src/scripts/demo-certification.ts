import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { addDaysToDay, addMonthsToDay, vnDay } from "../lib/dates"
import { cooperativeProductIds } from "../workflows/cooperative/read/ownership"
import { CERTIFICATION_MODULE, CertificationModuleService } from "../modules/certification"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"
import { reviewCertificationWorkflow } from "../workflows/certification/review-certification"
import { evidencePrefix } from "../workflows/certification/steps/validate-submission"
import { submitCertificationWorkflow } from "../workflows/certification/submit-certification"

// A one-page PDF standing in for a scanned decision, so the demo's evidence links open.
const DEMO_EVIDENCE_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

async function demoEvidence(container: MedusaContainer, cooperativeId: string, name: string) {
  const { result } = await uploadFilesWorkflow(container).run({
    input: {
      files: [{ filename: `${evidencePrefix(cooperativeId)}demo-${name}.pdf`, mimeType: "application/pdf", content: DEMO_EVIDENCE_PDF.toString("base64"), access: "public" }],
    },
  })
  return result[0].id
}

async function cooperativeAndProducts(container: MedusaContainer, handle: string) {
  const [cooperative] = await (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperatives({ handle })
  if (!cooperative) return null
  const ids = await cooperativeProductIds(container, cooperative.id)
  const products = await container.resolve(Modules.PRODUCT).listProducts({ id: ids }, { select: ["id", "title"] })
  const byTitle = (title: string) => products.find((p) => p.title === title)!.id
  return { cooperative, byTitle }
}

/**
 * DOMAIN.md's quality marks, submitted and reviewed through the same workflows as the API:
 * Thanh Nam's two teas OCOP 3★ (verified), Thủy Bằng's tea VietGAP (verified), and Đá Hen's
 * 4★ claim waiting in the union's queue. Dates are relative to today so the demo never expires.
 */
export async function seedDemoCertification(container: MedusaContainer, adminId: string) {
  const certification: CertificationModuleService = container.resolve(CERTIFICATION_MODULE)
  if ((await certification.listOcopRatings({}, { take: 1 })).length) return
  const today = vnDay(new Date())
  const verify = (subject_type: "ocop_rating" | "certificate", id: string) =>
    reviewCertificationWorkflow(container).run({
      input: { subject_type, id, action: "verify", note: "Đã đối chiếu với bản gốc (dữ liệu mẫu)", actor_type: "user", actor_id: adminId },
    })

  const thanhNam = await cooperativeAndProducts(container, "htx-che-thanh-nam")
  if (thanhNam) {
    const evidence = await demoEvidence(container, thanhNam.cooperative.id, "quyet-dinh-ocop")
    for (const title of ["Trà xanh Thanh Nam", "Chè Shan tuyết Thanh Nam"]) {
      const { result } = await submitCertificationWorkflow(container).run({
        input: {
          subject_type: "ocop_rating",
          cooperative_id: thanhNam.cooperative.id,
          actor_type: "system",
          actor_id: "demo-seed",
          fields: {
            product_id: thanhNam.byTitle(title),
            stars: 3,
            product_group: "drinks",
            decision_number: "2145/QĐ-UBND",
            issuing_authority: "UBND tỉnh Phú Thọ",
            decision_date: addMonthsToDay(today, -10),
            evidence_file_id: evidence,
          },
        },
      })
      await verify("ocop_rating", result.id)
    }
  }

  const thuyBang = await cooperativeAndProducts(container, "htx-thuy-bang")
  if (thuyBang) {
    const issued = addMonthsToDay(today, -5)
    const { result } = await submitCertificationWorkflow(container).run({
      input: {
        subject_type: "certificate",
        cooperative_id: thuyBang.cooperative.id,
        actor_type: "system",
        actor_id: "demo-seed",
        fields: {
          type: "vietgap",
          code: "VietGAP-TT-13-09-46-0123",
          issuing_body: "Trung tâm Kiểm định và Chứng nhận VietGAP",
          holder_name: thuyBang.cooperative.legal_name,
          production_site: "Vùng chè Thủy Bằng, 17 hộ thành viên",
          area_hectares: 6.5,
          yearly_output_kg: 12000,
          issued_on: issued,
          valid_until: addDaysToDay(addMonthsToDay(issued, 24), -1),
          product_ids: [thuyBang.byTitle("Chè xanh Thủy Bằng"), thuyBang.byTitle("Chè tươi Thủy Bằng")],
          evidence_file_id: await demoEvidence(container, thuyBang.cooperative.id, "chung-nhan-vietgap"),
        },
      },
    })
    await verify("certificate", result.id)
  }

  const daHen = await cooperativeAndProducts(container, "htx-che-da-hen")
  if (daHen) {
    await submitCertificationWorkflow(container).run({
      input: {
        subject_type: "ocop_rating",
        cooperative_id: daHen.cooperative.id,
        actor_type: "system",
        actor_id: "demo-seed",
        fields: {
          product_id: daHen.byTitle("Chè búp Đá Hen"),
          stars: 4,
          product_group: "drinks",
          decision_number: "3310/QĐ-UBND",
          issuing_authority: "UBND tỉnh Phú Thọ",
          decision_date: addMonthsToDay(today, -1),
          evidence_file_id: await demoEvidence(container, daHen.cooperative.id, "quyet-dinh-ocop-4-sao"),
        },
      },
    })
  }
}
