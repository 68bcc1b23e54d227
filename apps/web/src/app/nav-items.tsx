import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  EditOutlined,
  FileTextOutlined,
  HomeOutlined,
  ShopOutlined,
} from "@ant-design/icons";
import type { PermissionAction } from "@ntm/contracts";
import type { ReactNode } from "react";
import type { MessageKey } from "../lib/i18n/dictionary.ts";

export interface NavItem {
  /** Path the item opens; it is highlighted for this path and the paths below it. */
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to users the access policy allows this action in their scope. */
  permission?: PermissionAction;
}

/** The sections of the app, in the order shown in the navigation bar. */
export const navItems: NavItem[] = [
  { path: "/", label: "home.nav", icon: <CheckSquareOutlined /> },
  { path: "/units", label: "nav.units", icon: <ApartmentOutlined /> },
  { path: "/entry", label: "entry.nav", icon: <EditOutlined />, permission: "assessment.write" },
  { path: "/dossiers", label: "dossiers.nav", icon: <AuditOutlined /> },
  { path: "/targets", label: "targets.nav", icon: <AimOutlined /> },
  { path: "/villages", label: "villages.nav", icon: <HomeOutlined /> },
  { path: "/reports", label: "reports.nav", icon: <FileTextOutlined /> },
  { path: "/ocop", label: "ocop.nav", icon: <ShopOutlined /> },
  {
    path: "/feedback",
    label: "feedback.nav",
    icon: <CommentOutlined />,
    permission: "feedback.read",
  },
];
