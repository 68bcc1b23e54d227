import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  EditOutlined,
  FileTextOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { MessageKey } from "../lib/i18n/dictionary.ts";

export interface NavItem {
  /** Path the item opens; it is highlighted for this path and the paths below it. */
  path: string;
  label: MessageKey;
  icon: ReactNode;
}

/** The sections of the app, in the order shown in the navigation bar. */
export const navItems: NavItem[] = [
  { path: "/", label: "nav.units", icon: <ApartmentOutlined /> },
  { path: "/entry", label: "entry.nav", icon: <EditOutlined /> },
  { path: "/dossiers", label: "dossiers.nav", icon: <AuditOutlined /> },
  { path: "/targets", label: "targets.nav", icon: <AimOutlined /> },
  { path: "/reports", label: "reports.nav", icon: <FileTextOutlined /> },
];
