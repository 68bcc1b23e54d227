import type { UnitAdminRow } from "@ntm/contracts";
import { Drawer } from "antd";
import type { ReactNode } from "react";
import { usePhone } from "../../app/use-phone.ts";

/**
 * The drawer a unit opens in from the units list: full width on a phone, its content only while
 * a unit is chosen, and rebuilt for each unit.
 */
export function UnitDrawer({
  unit,
  onClose,
  title,
  width,
  className,
  children,
}: {
  unit: UnitAdminRow | null;
  onClose: () => void;
  title: (unit: UnitAdminRow) => string;
  width: number;
  className: string;
  children: (unit: UnitAdminRow) => ReactNode;
}) {
  const phone = usePhone();
  return (
    <Drawer
      open={unit !== null}
      onClose={onClose}
      size={phone ? "100%" : width}
      destroyOnHidden
      title={unit ? title(unit) : ""}
      rootClassName={className}
    >
      {unit && children(unit)}
    </Drawer>
  );
}
