export const roles = [
  "national_admin",
  "province_admin",
  "coordination_office",
  "department",
  "district",
  "commune_officer",
  "fatherland_front",
  "viewer",
] as const;

export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  national_admin: "Quản trị cấp quốc gia",
  province_admin: "Quản trị tỉnh",
  coordination_office: "Văn phòng điều phối NTM",
  department: "Sở, ngành phụ trách tiêu chí",
  district: "Cấp huyện",
  commune_officer: "Cán bộ xã",
  fatherland_front: "Mặt trận Tổ quốc",
  viewer: "Người xem",
};
