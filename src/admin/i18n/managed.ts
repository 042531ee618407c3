// Labels of the union-managed stall block on the Cooperatives page, merged into `coopstall` by ./index.ts.
export const managedEn = {
  managed: {
    title: "Run by the union",
    explain: "For a cooperative with no one to run its stall: union admins work in its panel as its staff would, and every action names who did it. The owner is told by email.",
    isManaged: "The union runs this stall (since {{date}}).",
    notManaged: "The cooperative runs its own stall.",
    manage: "Run this stall for the cooperative",
    unmanage: "Hand the stall back",
    open: "Open its panel",
    activity: "Recent activity",
    noActivity: "No activity yet.",
    byUnion: "Union: {{email}}",
    byStaff: "Staff: {{email}}",
  },
}

export const managedVi = {
  managed: {
    title: "Liên minh quản lý",
    explain: "Dành cho hợp tác xã không có người vận hành gian hàng: cán bộ Liên minh làm việc trong bảng điều khiển của hợp tác xã như nhân viên, mọi thao tác đều ghi rõ ai làm. Chủ hợp tác xã được báo qua email.",
    isManaged: "Liên minh đang quản lý gian hàng này (từ {{date}}).",
    notManaged: "Hợp tác xã tự vận hành gian hàng.",
    manage: "Nhận quản lý gian hàng",
    unmanage: "Trả lại gian hàng",
    open: "Mở bảng điều khiển",
    activity: "Hoạt động gần đây",
    noActivity: "Chưa có hoạt động.",
    byUnion: "Liên minh: {{email}}",
    byStaff: "Nhân viên: {{email}}",
  },
}
