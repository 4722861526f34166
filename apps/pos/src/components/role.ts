import type { SessionUser } from "@pos/api";

export const roleLabel: Record<SessionUser["role"], string> = {
  ADMIN: "Administrador",
  MANAGER: "Encargado",
  CASHIER: "Cajero",
};
