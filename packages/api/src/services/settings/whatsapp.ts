// The "order by WhatsApp" settings: the shop's number, the message a shopper sends (with placeholders) and
// whether the storefront offers it. The preview renders a template with the very function real orders use
// (orders/messages.ts), for a sample order, so what the admin sees is what a shopper will send.
import type { Db } from "@pos/db";
import { formatSaleReference, ZWhatsAppConfigUpdate, type TWhatsAppConfigUpdate } from "@pos/validators";
import type { SessionUser } from "../../context.ts";
import { recordAudit } from "../audit.ts";
import { whatsAppLink, whatsAppMessage, type WhatsAppFacts } from "../orders/messages.ts";
import { readStoreFacts } from "../orders/terms.ts";

type Actor = Pick<SessionUser, "id">;

export interface WhatsAppSettings {
  phoneNumber: string;
  messageTemplate: string;
  active: boolean;
  /** False until an admin first saves: the storefront does not offer WhatsApp orders yet. */
  configured: boolean;
}

const DEFAULT_TEMPLATE = "Hola {store}, soy {name}. Quiero hacer el pedido {order}:\n{items}\nTotal: {total}";

export async function readWhatsAppSettings(db: Db): Promise<WhatsAppSettings> {
  const row = await db.whatsAppConfig.findUnique({
    where: { id: 1 },
    select: { phoneNumber: true, messageTemplate: true, active: true },
  });
  return row
    ? { ...row, configured: true }
    : { phoneNumber: "", messageTemplate: DEFAULT_TEMPLATE, active: false, configured: false };
}

export async function updateWhatsAppSettings(
  db: Db,
  input: TWhatsAppConfigUpdate,
  actor: Actor,
): Promise<WhatsAppSettings> {
  const fields = ZWhatsAppConfigUpdate.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.whatsAppConfig.findUnique({ where: { id: 1 } });
    const row = await tx.whatsAppConfig.upsert({
      where: { id: 1 },
      create: { id: 1, ...fields },
      update: fields,
      select: { phoneNumber: true, messageTemplate: true, active: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.whatsapp_updated",
      entity: "WhatsAppConfig",
      entityId: 1,
      data: {
        changed: (["phoneNumber", "messageTemplate", "active"] as const).filter(
          (key) => !before || before[key] !== fields[key],
        ),
      },
    });
    return { ...row, configured: true };
  });
}

/** A believable order in the store's language: two lines, one with a size, and shipping. */
function sampleOrder(locale: string): WhatsAppFacts {
  const es = locale.toLowerCase().startsWith("es");
  return {
    reference: formatSaleReference("WEB", 1234),
    contactName: "Ana Gómez",
    total: "104500.00",
    shipping: "4500.00",
    items: [
      { productName: es ? "Zapatilla Runner" : "Runner shoe", sizeLabel: "42", quantity: 1, lineTotal: "80000.00" },
      { productName: es ? "Medias Running" : "Running socks", sizeLabel: null, quantity: 4, lineTotal: "20000.00" },
    ],
  };
}

export interface WhatsAppPreview {
  message: string;
  /** The wa.me link a shopper would open, with the saved number (empty number: the link has none). */
  link: string;
}

export async function previewWhatsAppMessage(db: Db, template: string): Promise<WhatsAppPreview> {
  const [store, settings] = await Promise.all([readStoreFacts(db), readWhatsAppSettings(db)]);
  const message = whatsAppMessage(template, store, sampleOrder(store.locale));
  return { message, link: whatsAppLink(settings.phoneNumber, message) };
}
