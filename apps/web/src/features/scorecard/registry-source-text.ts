import type { RegistrySource } from "@ntm/contracts";
import type { Translate } from "../../lib/i18n/i18n-context.tsx";

/**
 * "Lấy từ sổ thôn (…)" / "Lấy từ sổ sản phẩm OCOP của tỉnh (…)": why a value a registry makes (the
 * villages the commune recognised, the province's OCOP products) is not typed.
 */
export function registrySourceText(source: RegistrySource, t: Translate): string {
  return source.kind === "villageRegistry"
    ? t("indicator.villageRegistry", { set: source.setName })
    : t("indicator.ocopRegistry", { stars: source.minStars });
}
