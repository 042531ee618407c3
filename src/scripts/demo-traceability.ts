import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { cooperativeProductIds } from "../workflows/cooperative/read/ownership"
import { traceability } from "../workflows/traceability/read/lots"
import { createLotWithCode } from "../workflows/traceability/utils/lots"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"
import type { TraceEventType } from "../modules/traceability"

// Demo traceability: one published lot with a full step timeline for each approved demo cooperative,
// on its first product's first variant. Thanh Nam's green tea (Hộp 200g) carries a Vietnamese GTIN-13,
// so its QR code is a GS1 Digital Link (/01/8938607120017/10/TN2611-01). Idempotent: a cooperative
// that already has a lot gets none added. A pending cooperative may not publish, so it gets none.

export const DEMO_GTIN = { sku: "THANHNAM-TX-200", gtin: "8938607120017" }

type Step = { type: TraceEventType; daysAgo: number; title: string; description: string }
type DemoLot = { sku: string; lot_number?: string; quantity: number; unit: string; area: string; ward: string; province: string; growing_area_code: string; steps: Step[] }

const LOTS: Record<string, DemoLot> = {
  "dafusa-phu-da": {
    sku: "DAFUSA-DP-500", quantity: 400, unit: "chai", area: "Cánh đồng lạc Viễn Trình", ward: "Xã Phú Vang", province: "Huế", growing_area_code: "HUE-PV-LAC-03",
    steps: [
      { type: "planting", daysAgo: 120, title: "Gieo lạc giống L14", description: "Gieo 1,2 ha lạc giống L14 trên đất cát pha đã cày ải." },
      { type: "fertilising", daysAgo: 95, title: "Bón thúc", description: "Bón phân chuồng hoai mục và vôi bột, không dùng phân hóa học." },
      { type: "spraying", daysAgo: 70, title: "Phòng sâu xanh", description: "Phun chế phẩm sinh học Bt; thời gian cách ly 7 ngày." },
      { type: "harvest", daysAgo: 40, title: "Thu hoạch", description: "Nhổ lạc, phơi khô 3 nắng, được 2,1 tấn lạc vỏ." },
      { type: "processing", daysAgo: 20, title: "Bóc vỏ, xay, hấp, ép", description: "Bóc vỏ, xay, hấp và ép lạnh trên dây chuyền của hợp tác xã; lắng lọc tự nhiên 7 ngày." },
      { type: "packing", daysAgo: 12, title: "Đóng chai 500ml", description: "Đóng 400 chai thủy tinh 500ml, dán nhãn và tem truy xuất." },
      { type: "lab_test", daysAgo: 10, title: "Kiểm nghiệm aflatoxin", description: "Mẫu lô đạt QCVN 8-1:2011/BYT (aflatoxin B1 dưới ngưỡng phát hiện)." },
    ],
  },
  "htx-thuy-bang": {
    sku: "THUYBANG-CX-200", quantity: 300, unit: "gói", area: "Đồi chè Dương Xuân Hạ", ward: "Phường Thủy Bằng", province: "Huế", growing_area_code: "VietGAP-TB-17",
    steps: [
      { type: "planting", daysAgo: 400, title: "Chăm sóc nương chè", description: "17 hộ VietGAP chăm sóc nương chè, tỉa cành sau vụ đông." },
      { type: "fertilising", daysAgo: 60, title: "Bón phân hữu cơ", description: "Bón phân hữu cơ vi sinh theo quy trình VietGAP." },
      { type: "spraying", daysAgo: 35, title: "Phòng rầy xanh", description: "Phun dầu khoáng sinh học; cách ly 10 ngày trước hái." },
      { type: "harvest", daysAgo: 18, title: "Hái búp", description: "Hái một tôm hai lá vào buổi sáng." },
      { type: "processing", daysAgo: 17, title: "Làm sạch, sao chè", description: "Làm héo, vò và sao khô bằng chảo quay." },
      { type: "packing", daysAgo: 15, title: "Hút chân không", description: "Đóng gói 200g hút chân không, dán nhãn." },
      { type: "lab_test", daysAgo: 12, title: "Kiểm dư lượng thuốc BVTV", description: "Không phát hiện dư lượng vượt ngưỡng (mẫu gửi trung tâm kiểm nghiệm tỉnh)." },
    ],
  },
  "htx-che-thanh-nam": {
    sku: DEMO_GTIN.sku, lot_number: "TN2611-01", quantity: 500, unit: "hộp", area: "Đồi chè Khu 5", ward: "Xã Thanh Sơn", province: "Phú Thọ", growing_area_code: "PT-TS-CHE-05",
    steps: [
      { type: "planting", daysAgo: 500, title: "Trồng chè giống LDP1", description: "Nương chè 15 hộ thành viên, giống LDP1." },
      { type: "fertilising", daysAgo: 50, title: "Bón phân", description: "Bón NPK hữu cơ theo quy trình VietGAP, 300 kg/ha." },
      { type: "spraying", daysAgo: 30, title: "Phòng bọ xít muỗi", description: "Phun chế phẩm sinh học; thời gian cách ly 14 ngày." },
      { type: "harvest", daysAgo: 14, title: "Hái chè", description: "Hái búp non vụ thu." },
      { type: "processing", daysAgo: 13, title: "Chế biến trà xanh", description: "Diệt men, vò, sấy khô, phân loại." },
      { type: "packing", daysAgo: 10, title: "Đóng hộp 200g", description: "Đóng hộp, in mã GTIN 8938607120017 và tem điện tử." },
      { type: "lab_test", daysAgo: 8, title: "Kiểm nghiệm chất lượng", description: "Đạt TCVN 9740:2013 về chè xanh." },
    ],
  },
  "htx-dat-to-seed": {
    sku: "DATTO-HL-500", quantity: 800, unit: "bó", area: "Cánh đồng hành Lâm Thao", ward: "Xã Lâm Thao", province: "Phú Thọ", growing_area_code: "PT-LT-HANH-01",
    steps: [
      { type: "planting", daysAgo: 50, title: "Trồng hành lá", description: "Trồng 3,6 ha hành lá trên luống cao." },
      { type: "fertilising", daysAgo: 35, title: "Bón phân", description: "Bón phân hữu cơ ủ hoai, tưới nước giếng khoan." },
      { type: "spraying", daysAgo: 20, title: "Phòng sâu xanh da láng", description: "Phun chế phẩm thảo mộc; cách ly 7 ngày." },
      { type: "harvest", daysAgo: 2, title: "Thu hoạch", description: "Nhổ hành sáng sớm." },
      { type: "processing", daysAgo: 2, title: "Sơ chế", description: "Rửa sạch, loại lá úa, để ráo." },
      { type: "packing", daysAgo: 1, title: "Bó 500g", description: "Bó 500g, dán nhãn truy xuất." },
      { type: "lab_test", daysAgo: 1, title: "Test nhanh", description: "Test nhanh dư lượng thuốc BVTV: âm tính." },
    ],
  },
  "htx-che-da-hen": {
    sku: "DAHEN-CB-200", quantity: 250, unit: "gói", area: "Đồi chè Đá Hen", ward: "Xã Cẩm Khê", province: "Phú Thọ", growing_area_code: "PT-CK-CHE-02",
    steps: [
      { type: "planting", daysAgo: 700, title: "Trồng chè trung du", description: "Nương chè trung du lâu năm." },
      { type: "fertilising", daysAgo: 45, title: "Bón phân chuồng", description: "Bón phân chuồng hoai mục." },
      { type: "spraying", daysAgo: 28, title: "Phòng nhện đỏ", description: "Phun chế phẩm sinh học; cách ly 10 ngày." },
      { type: "harvest", daysAgo: 12, title: "Hái búp", description: "Hái búp bằng tay." },
      { type: "processing", daysAgo: 11, title: "Sao chè", description: "Sao chè bằng tôn quay, củi." },
      { type: "packing", daysAgo: 9, title: "Đóng gói 200g", description: "Đóng gói, in mã QR để khách liên hệ cơ sở sản xuất." },
      { type: "lab_test", daysAgo: 7, title: "Kiểm nghiệm", description: "Đạt chỉ tiêu vi sinh và kim loại nặng." },
    ],
  },
}

const dayAgo = (today: Date, days: number) => new Date(today.getTime() - days * 86400_000).toISOString().slice(0, 10)

export async function seedDemoTraceability(container: MedusaContainer) {
  const cooperatives: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const service = traceability(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const today = new Date()
  const published: string[] = []

  for (const [handle, demo] of Object.entries(LOTS)) {
    const [cooperative] = await cooperatives.listCooperatives({ handle, status: "approved" })
    if (!cooperative) continue
    if ((await service.listLots({ cooperative_id: cooperative.id }, { take: 1, select: ["id"] })).length) continue
    const productIds = await cooperativeProductIds(container, cooperative.id)
    const { data: [variant] } = productIds.length
      ? await query.graph({ entity: "product_variant", fields: ["id", "product_id", "barcode"], filters: { sku: demo.sku, product_id: productIds } as any })
      : { data: [] as any[] }
    if (!variant) continue

    if (demo.sku === DEMO_GTIN.sku && !variant.barcode) {
      await updateProductVariantsWorkflow(container).run({
        input: { selector: { id: variant.id }, update: { barcode: DEMO_GTIN.gtin } },
      })
    }
    const harvestStep = demo.steps.find((s) => s.type === "harvest")!
    const packStep = demo.steps.find((s) => s.type === "packing")!
    const lot = await createLotWithCode(container, {
      cooperative_id: cooperative.id,
      product_id: variant.product_id,
      variant_id: variant.id,
      lot_number: demo.lot_number,
      quantity: demo.quantity,
      unit: demo.unit,
      harvested_on: dayAgo(today, harvestStep.daysAgo),
      packed_on: dayAgo(today, packStep.daysAgo),
      best_before: dayAgo(today, packStep.daysAgo - 365),
      origin_area: demo.area,
      origin_ward: demo.ward,
      origin_province: demo.province,
      growing_area_code: demo.growing_area_code,
      status: "draft",
    })
    await service.createTraceEvents(
      demo.steps.map((s) => ({
        lot_id: lot.id,
        type: s.type,
        occurred_at: new Date(`${dayAgo(today, s.daysAgo)}T07:30:00+07:00`),
        title: s.title,
        description: s.description,
      })) as any
    )
    await service.updateLots({ id: lot.id, status: "published", published_at: new Date() } as any)
    published.push(lot.code)
  }
  return { lots: published }
}
