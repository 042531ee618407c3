// The demo marketplace: the cooperatives of DOMAIN.md with realistic stalls. Prices in whole đồng, weights in grams.

export type DemoVariant = { title: string; price: number; weight: number; stock: number; sku: string }
export type DemoProduct = { title: string; subtitle?: string; description: string; variants: DemoVariant[] }
export type DemoCooperative = {
  handle: string
  profile: {
    name: string
    legal_name: string
    tax_code: string
    province: string
    ward: string
    street_address: string
    phone: string
    founded_year: number
    member_count: number
    description: string
    bank_bin: string
    bank_account_number: string
    bank_account_holder: string
  }
  products: DemoProduct[]
}

export const DEMO_COOPERATIVES: DemoCooperative[] = [
  {
    handle: "dafusa-phu-da",
    profile: {
      name: "HTX Dafusa Phú Đa",
      legal_name: "Hợp tác xã Nông nghiệp Dafusa Phú Đa",
      tax_code: "3301789129",
      province: "Huế",
      ward: "Xã Phú Vang",
      street_address: "Thôn Viễn Trình",
      phone: "0234 3860 123",
      founded_year: 2024,
      member_count: 15,
      description: "Thực phẩm lành mạnh, không phụ gia: đậu phụ, tàu hũ non và dầu phộng ép từ dây chuyền của hợp tác xã.",
      bank_bin: "970405",
      bank_account_number: "4001205123456",
      bank_account_holder: "HTX NONG NGHIEP DAFUSA PHU DA",
    },
    products: [
      {
        title: "Dầu phộng nguyên chất Dafusa",
        subtitle: "Ép lạnh từ lạc Phú Đa",
        description: "Lạc được bóc vỏ, xay, hấp và ép trên dây chuyền của hợp tác xã, đóng chai không phụ gia.",
        variants: [
          { title: "Chai 500ml", price: 95000, weight: 520, stock: 120, sku: "DAFUSA-DP-500" },
          { title: "Chai 1 lít", price: 180000, weight: 1020, stock: 80, sku: "DAFUSA-DP-1000" },
        ],
      },
      {
        title: "Đậu phụ tươi Phú Đa",
        description: "Đậu phụ làm trong ngày từ đậu nành không biến đổi gen.",
        variants: [{ title: "Khay 500g", price: 25000, weight: 500, stock: 60, sku: "DAFUSA-DPT-500" }],
      },
      {
        title: "Tàu hũ non",
        description: "Tàu hũ non mềm mịn, dùng kèm nước đường gừng.",
        variants: [{ title: "Hộp 300g", price: 18000, weight: 300, stock: 40, sku: "DAFUSA-THN-300" }],
      },
    ],
  },
  {
    handle: "htx-thuy-bang",
    profile: {
      name: "HTX Dịch vụ Nông nghiệp Tổng hợp Thủy Bằng",
      legal_name: "Hợp tác xã Dịch vụ Nông nghiệp Tổng hợp Thủy Bằng",
      tax_code: "3301654322",
      province: "Huế",
      ward: "Phường Thủy Bằng",
      street_address: "Tổ dân phố Dương Xuân Hạ",
      phone: "0234 3865 456",
      founded_year: 1997,
      member_count: 17,
      description: "Thu mua chè từ 17 hộ đạt chứng nhận VietGAP; làm sạch, sao, hút chân không và dán nhãn chè xanh.",
      bank_bin: "970436",
      bank_account_number: "0161000123456",
      bank_account_holder: "HTX DV NN TONG HOP THUY BANG",
    },
    products: [
      {
        title: "Chè xanh Thủy Bằng",
        subtitle: "VietGAP, hút chân không",
        description: "Búp chè xanh từ 17 hộ VietGAP, sao khô và đóng gói hút chân không.",
        variants: [
          { title: "Gói 200g", price: 70000, weight: 210, stock: 150, sku: "THUYBANG-CX-200" },
          { title: "Gói 500g", price: 160000, weight: 515, stock: 70, sku: "THUYBANG-CX-500" },
        ],
      },
      {
        title: "Chè tươi Thủy Bằng",
        description: "Lá chè tươi hái buổi sáng, nấu nước chè xanh kiểu Huế.",
        variants: [{ title: "Bó 1kg", price: 30000, weight: 1000, stock: 30, sku: "THUYBANG-CT-1000" }],
      },
    ],
  },
  {
    handle: "htx-che-thanh-nam",
    profile: {
      name: "HTX Chè Thanh Nam",
      legal_name: "Hợp tác xã Chè Thanh Nam",
      tax_code: "2601234567",
      province: "Phú Thọ",
      ward: "Xã Thanh Sơn",
      street_address: "Khu 5",
      phone: "0210 3873 789",
      founded_year: 2020,
      member_count: 15,
      description: "16 sản phẩm chè, hai sản phẩm OCOP 3 sao; vùng chè VietGAP; xuất khẩu sang Ả Rập Xê Út và Nhật Bản; nhãn điện tử truy xuất nguồn gốc.",
      bank_bin: "970418",
      bank_account_number: "2601000456789",
      bank_account_holder: "HTX CHE THANH NAM",
    },
    products: [
      {
        title: "Trà xanh Thanh Nam",
        subtitle: "OCOP 3 sao",
        description: "Trà xanh búp non vùng Thanh Sơn, sao thủ công, nước xanh vàng, hậu ngọt.",
        variants: [
          { title: "Hộp 200g", price: 120000, weight: 250, stock: 200, sku: "THANHNAM-TX-200" },
          { title: "Hộp 500g", price: 280000, weight: 560, stock: 90, sku: "THANHNAM-TX-500" },
        ],
      },
      {
        title: "Chè Shan tuyết Thanh Nam",
        description: "Chè Shan tuyết cổ thụ, búp phủ lông tơ trắng.",
        variants: [{ title: "Hộp 250g", price: 350000, weight: 300, stock: 40, sku: "THANHNAM-ST-250" }],
      },
      {
        title: "Hồng trà Thanh Nam",
        description: "Trà đen lên men tự nhiên, vị mật ong.",
        variants: [{ title: "Túi lọc 25 gói", price: 85000, weight: 80, stock: 120, sku: "THANHNAM-HT-25" }],
      },
    ],
  },
  {
    handle: "htx-dat-to-seed",
    profile: {
      name: "HTX Nông nghiệp Đất Tổ Seed",
      legal_name: "Hợp tác xã Nông nghiệp Đất Tổ Seed",
      tax_code: "2601987659",
      province: "Phú Thọ",
      ward: "Xã Lâm Thao",
      street_address: "Thôn Phú Hà",
      phone: "0210 3825 246",
      founded_year: 2018,
      member_count: 22,
      description: "Rau củ quả theo mùa; 3,6 ha hành lá, trên 100 tấn mỗi năm.",
      bank_bin: "970405",
      bank_account_number: "2704205987654",
      bank_account_holder: "HTX NONG NGHIEP DAT TO SEED",
    },
    products: [
      {
        title: "Hành lá Lâm Thao",
        description: "Hành lá trồng trên bãi bồi sông Hồng, thu hoạch trong ngày.",
        variants: [
          { title: "Bó 500g", price: 15000, weight: 500, stock: 300, sku: "DATTO-HL-500" },
          { title: "Thùng 5kg", price: 130000, weight: 5000, stock: 50, sku: "DATTO-HL-5000" },
        ],
      },
      {
        title: "Khoai lang mật",
        description: "Khoai lang ruột vàng, nướng chảy mật.",
        variants: [{ title: "Túi 2kg", price: 60000, weight: 2000, stock: 80, sku: "DATTO-KL-2000" }],
      },
      {
        title: "Bưởi Đoan Hùng",
        description: "Bưởi đặc sản vùng đất Tổ, múi mọng, vị ngọt thanh.",
        variants: [{ title: "Quả 1,2kg", price: 55000, weight: 1200, stock: 100, sku: "DATTO-BDH-1" }],
      },
    ],
  },
  {
    handle: "htx-che-da-hen",
    profile: {
      name: "HTX Sản xuất và Chế biến Chè Đá Hen",
      legal_name: "Hợp tác xã Sản xuất và Chế biến Chè Đá Hen",
      tax_code: "2601456785",
      province: "Phú Thọ",
      ward: "Xã Cẩm Khê",
      street_address: "Khu Đá Hen",
      phone: "0210 3880 135",
      founded_year: 2016,
      member_count: 30,
      description: "Chè búp khô có mã QR để người mua liên hệ trực tiếp với vùng sản xuất.",
      bank_bin: "970422",
      bank_account_number: "0260101234567",
      bank_account_holder: "HTX SX VA CB CHE DA HEN",
    },
    products: [
      {
        title: "Chè búp Đá Hen",
        description: "Chè búp khô sao tay, có mã QR truy xuất vùng trồng.",
        variants: [
          { title: "Gói 200g", price: 65000, weight: 210, stock: 180, sku: "DAHEN-CB-200" },
          { title: "Gói 1kg", price: 300000, weight: 1020, stock: 25, sku: "DAHEN-CB-1000" },
        ],
      },
      {
        title: "Trà móc câu Đá Hen",
        description: "Búp chè cong như móc câu, nước xanh trong.",
        variants: [{ title: "Hộp 100g", price: 90000, weight: 150, stock: 60, sku: "DAHEN-MC-100" }],
      },
    ],
  },
  {
    handle: "htx-mat-ong-lang-ha",
    profile: {
      name: "HTX Mật ong Làng Hạ",
      legal_name: "Hợp tác xã Nuôi ong Làng Hạ",
      tax_code: "4401122330",
      province: "Tuyên Quang",
      ward: "Xã Hàm Yên",
      street_address: "Thôn Làng Hạ",
      phone: "0207 3890 246",
      founded_year: 2023,
      member_count: 9,
      description: "Mật ong hoa rừng, chờ liên minh HTX duyệt gian hàng.",
      bank_bin: "970405",
      bank_account_number: "8800205111222",
      bank_account_holder: "HTX NUOI ONG LANG HA",
    },
    products: [
      {
        title: "Mật ong hoa rừng Làng Hạ",
        description: "Mật ong nguyên chất từ đàn ong nuôi dưới tán rừng.",
        variants: [{ title: "Chai 500ml", price: 220000, weight: 700, stock: 50, sku: "LANGHA-MO-500" }],
      },
    ],
  },
]

// Pictures of the demo stalls, drawn by scripts/demo-images.mjs and committed under src/scripts/demo-images/.
/** The picture of a demo product, named after its first SKU (e.g. "dafusa-dp-500.webp"). */
export const demoProductImageFile = (product: DemoProduct) => `${product.variants[0].sku.toLowerCase()}.webp`
/** The logo of a demo cooperative. */
export const demoLogoFile = (cooperative: DemoCooperative) => `logo-${cooperative.handle}.webp`
