// Shoppers and register customers: Argentine names, mobile numbers in E.164, addresses for shipping.
import type { Random } from "./random.ts";
import { slugify } from "./catalog.ts";
import type { RowSink } from "./rows.ts";

const FIRST = [
  "Sofía",
  "Valentina",
  "Martina",
  "Lucía",
  "Catalina",
  "Julieta",
  "Camila",
  "Florencia",
  "Agustina",
  "Milagros",
  "Paula",
  "Carolina",
  "Mariana",
  "Josefina",
  "Abril",
  "Mateo",
  "Santiago",
  "Benjamín",
  "Joaquín",
  "Tomás",
  "Juan Cruz",
  "Lautaro",
  "Facundo",
  "Nicolás",
  "Federico",
  "Matías",
  "Gonzalo",
  "Ignacio",
  "Franco",
  "Bruno",
] as const;
const LAST = [
  "González",
  "Rodríguez",
  "Gómez",
  "Fernández",
  "López",
  "Díaz",
  "Martínez",
  "Pérez",
  "García",
  "Sánchez",
  "Romero",
  "Sosa",
  "Torres",
  "Álvarez",
  "Ruiz",
  "Ramírez",
  "Flores",
  "Benítez",
  "Acosta",
  "Medina",
  "Herrera",
  "Suárez",
  "Aguirre",
  "Giménez",
  "Gutiérrez",
  "Pereyra",
  "Rojas",
  "Molina",
  "Castro",
  "Ortiz",
] as const;
const STREETS = [
  "Av. Cabildo",
  "Av. Rivadavia",
  "Av. Corrientes",
  "Av. Santa Fe",
  "Gorriti",
  "Thames",
  "Billinghurst",
  "Av. Díaz Vélez",
  "Av. San Martín",
  "Av. Libertador",
  "Av. Belgrano",
  "Güemes",
  "Paraguay",
  "Yatay",
  "Av. Maipú",
  "Av. Mitre",
] as const;
const LOCALITIES = [
  "C1426 CABA",
  "C1414 CABA",
  "C1405 CABA",
  "C1181 CABA",
  "B1636 Olivos",
  "B1642 San Isidro",
  "B1602 Florida",
  "B1708 Morón",
  "B1824 Lanús",
  "X5000 Córdoba",
  "S2000 Rosario",
  "M5500 Mendoza",
] as const;

export interface CustomerRef {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
}

export function randomAddress(rng: Random): string {
  return `${rng.pick(STREETS)} ${rng.int(100, 5999)}${rng.chance(0.4) ? `, piso ${rng.int(1, 12)} ${rng.pick(["A", "B", "C", "D"])}` : ""}, ${rng.pick(LOCALITIES)}`;
}

/** An Argentine mobile in E.164 (+54 9 area number), the form wa.me links need. */
function mobile(rng: Random): string {
  const area = rng.weighted([
    ["11", 70],
    ["351", 10],
    ["341", 10],
    ["261", 10],
  ]);
  const digits = 10 - area.length;
  return `+549${area}${String(rng.int(10 ** (digits - 1) * 2, 10 ** digits - 1))}`;
}

/** A CUIT-shaped tax id (prefix-8 digits-check); invented numbers, the check digit is not computed. */
function taxId(rng: Random): string {
  return `${rng.pick(["20", "27", "23"])}-${rng.int(20_000_000, 45_999_999)}-${rng.int(0, 9)}`;
}

export function pushCustomers(rng: Random, sink: RowSink, count: number, createdBefore: Date): CustomerRef[] {
  const customers: CustomerRef[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = index + 1;
    const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    const email = rng.chance(0.85) ? `${slugify(name).replace(/-/g, ".")}${id}@correo.example` : null;
    const phone = rng.chance(0.9) || email === null ? mobile(rng) : null;
    const createdAt = new Date(createdBefore.getTime() - rng.int(0, 400 * 86_400) * 1000);
    sink.push("Customer", {
      id,
      name,
      phone,
      email,
      taxId: rng.chance(0.15) ? taxId(rng) : null,
      notes: rng.chance(0.03) ? "Cliente frecuente: avisar cuando entren talles grandes." : null,
      createdAt,
      updatedAt: createdAt,
    });
    customers.push({ id, name, email, phone });
  }
  return customers;
}
