// The reference shop's assortment: an Argentine sportswear chain. Brands and models are invented.
// Prices are in whole pesos (ARS, tax included); the generator turns them into cents.

export type SizeKind = "CLOTHING" | "SHOES" | "NONE";

export interface CategoryDef {
  slug: string;
  name: string;
  /** Slug of the parent; roots have none. */
  parent?: string;
  /** SKU prefix, three letters. */
  code: string;
  kind: SizeKind;
  /** Price range in whole pesos. */
  price: readonly [number, number];
  /** Share of the catalog (children only). */
  share: number;
  /** Product types sold in this category (" | "-separated): the first words of each product name. */
  types: string;
  /** Background of the placeholder images. */
  color: string;
  blurb: string;
  minStock: readonly [number, number];
}

export const ROOT_CATEGORIES: readonly Pick<CategoryDef, "slug" | "name" | "color">[] = [
  { slug: "ropa", name: "Ropa", color: "#dbeafe" },
  { slug: "calzado", name: "Calzado", color: "#fde2e4" },
  { slug: "accesorios", name: "Accesorios", color: "#e2f0cb" },
];

export const CATEGORIES: readonly CategoryDef[] = [
  {
    slug: "remeras",
    name: "Remeras",
    parent: "ropa",
    code: "REM",
    kind: "CLOTHING",
    price: [19_999, 45_999],
    share: 12,
    color: "#cfe3ff",
    minStock: [2, 4],
    types:
      "Remera Dry-Fit | Remera Training | Remera Algodón | Musculosa Running | Remera Térmica Manga Larga | Camiseta Fútbol",
    blurb: "Tela liviana que evacúa la transpiración y costuras planas que no rozan.",
  },
  {
    slug: "buzos",
    name: "Buzos",
    parent: "ropa",
    code: "BUZ",
    kind: "CLOTHING",
    price: [49_999, 99_999],
    share: 7,
    color: "#d7d3f7",
    minStock: [2, 3],
    types: "Buzo Canguro Frisa | Buzo Media Cierre | Buzo Training | Hoodie Urbano",
    blurb: "Frisa suave por dentro, puños y cintura elastizados.",
  },
  {
    slug: "camperas",
    name: "Camperas",
    parent: "ropa",
    code: "CAM",
    kind: "CLOTHING",
    price: [79_999, 219_999],
    share: 6,
    color: "#c9e4de",
    minStock: [1, 2],
    types:
      "Campera Rompeviento | Campera Puffer | Campera Softshell | Campera Deportiva con Capucha | Chaleco Inflable",
    blurb: "Repele el agua y corta el viento; bolsillos con cierre.",
  },
  {
    slug: "pantalones",
    name: "Pantalones",
    parent: "ropa",
    code: "PAN",
    kind: "CLOTHING",
    price: [39_999, 89_999],
    share: 7,
    color: "#e8e1d4",
    minStock: [2, 3],
    types: "Pantalón Jogger Frisa | Pantalón Cargo Deportivo | Pantalón Training Chupín | Pantalón Térmico Trekking",
    blurb: "Cintura con cordón regulable y tela con elasticidad en cuatro direcciones.",
  },
  {
    slug: "shorts",
    name: "Shorts",
    parent: "ropa",
    code: "SHO",
    kind: "CLOTHING",
    price: [19_999, 42_999],
    share: 6,
    color: "#fff1c1",
    minStock: [2, 4],
    types: "Short Running 2 en 1 | Short Fútbol | Bermuda Deportiva | Short de Baño",
    blurb: "Secado rápido y calza interna para correr sin roces.",
  },
  {
    slug: "calzas",
    name: "Calzas",
    parent: "ropa",
    code: "CAL",
    kind: "CLOTHING",
    price: [24_999, 54_999],
    share: 5,
    color: "#f8d7e8",
    minStock: [2, 4],
    types: "Calza Larga Tiro Alto | Calza Capri | Calza Ciclista | Calza Térmica",
    blurb: "Tiro alto que sostiene, tela opaca y bolsillo lateral para el celular.",
  },
  {
    slug: "zapatillas-running",
    name: "Zapatillas running",
    parent: "calzado",
    code: "ZRU",
    kind: "SHOES",
    price: [89_999, 249_999],
    share: 10,
    color: "#ffd6c9",
    minStock: [1, 2],
    types: "Zapatillas Running | Zapatillas Trail | Zapatillas Running Amortiguación | Zapatillas Training",
    blurb: "Mediasuela con amortiguación reactiva y capellada de malla respirable.",
  },
  {
    slug: "zapatillas-urbanas",
    name: "Zapatillas urbanas",
    parent: "calzado",
    code: "ZUR",
    kind: "SHOES",
    price: [69_999, 179_999],
    share: 9,
    color: "#f6e3c7",
    minStock: [1, 2],
    types: "Zapatillas Urbanas | Zapatillas Lona | Zapatillas Retro | Zapatillas Skate",
    blurb: "Para todos los días: suela de goma vulcanizada y plantilla acolchada.",
  },
  {
    slug: "botines",
    name: "Botines",
    parent: "calzado",
    code: "BOT",
    kind: "SHOES",
    price: [59_999, 229_999],
    share: 7,
    color: "#d4f1d4",
    minStock: [1, 2],
    types: "Botines Fútbol 11 Césped | Botines Fútbol 5 Sintético | Botines Futsal | Botines Hockey",
    blurb: "Capellada sintética para un buen toque y tapones según la superficie.",
  },
  {
    slug: "ojotas",
    name: "Ojotas y sandalias",
    parent: "calzado",
    code: "OJO",
    kind: "SHOES",
    price: [15_999, 34_999],
    share: 3,
    color: "#cdeffb",
    minStock: [1, 3],
    types: "Ojotas | Sandalias Deportivas | Chinelas Slide",
    blurb: "Livianas, de secado rápido, para el vestuario o la pileta.",
  },
  {
    slug: "medias",
    name: "Medias",
    parent: "accesorios",
    code: "MED",
    kind: "NONE",
    price: [6_999, 15_999],
    share: 5,
    color: "#eadcf8",
    minStock: [4, 8],
    types: "Medias Running Pack x3 | Medias Deportivas Caña Alta x3 | Soquetes Invisibles Pack x5 | Medias Térmicas",
    blurb: "Talle único (39 a 44), refuerzo en talón y puntera.",
  },
  {
    slug: "gorras",
    name: "Gorras",
    parent: "accesorios",
    code: "GOR",
    kind: "NONE",
    price: [15_999, 34_999],
    share: 5,
    color: "#fde4cf",
    minStock: [2, 4],
    types: "Gorra Trucker | Gorra Running Liviana | Visera Deportiva | Gorro de Lana",
    blurb: "Talle único con ajuste trasero.",
  },
  {
    slug: "mochilas",
    name: "Mochilas",
    parent: "accesorios",
    code: "MOC",
    kind: "NONE",
    price: [29_999, 99_999],
    share: 5,
    color: "#d8e2dc",
    minStock: [1, 3],
    types: "Mochila Urbana 25 L | Mochila Running Hidratación | Mochila Deportiva | Mochila Trekking 40 L",
    blurb: "Espalda acolchada, compartimento para notebook y tela resistente al agua.",
  },
  {
    slug: "bolsos",
    name: "Bolsos",
    parent: "accesorios",
    code: "BOL",
    kind: "NONE",
    price: [34_999, 89_999],
    share: 4,
    color: "#ece4db",
    minStock: [1, 3],
    types: "Bolso Deportivo 45 L | Bolso Fútbol con Botinero | Riñonera Deportiva | Bolso Matero",
    blurb: "Bolsillo separado para el calzado y correa regulable.",
  },
  {
    slug: "botellas",
    name: "Botellas",
    parent: "accesorios",
    code: "BTL",
    kind: "NONE",
    price: [9_999, 29_999],
    share: 4,
    color: "#d0f4f7",
    minStock: [3, 6],
    types: "Botella Térmica 750 ml | Botella Deportiva 1 L | Vaso Térmico | Shaker Proteína",
    blurb: "Libre de BPA; la térmica mantiene el frío 24 h.",
  },
];

export const BRANDS = [
  "Andino",
  "Pampa Athletic",
  "Vértice",
  "Austral Sport",
  "Rayo",
  "Kóndor",
  "Nórdika",
  "Cumbre",
  "Delta Run",
  "Fénix",
  "Tridente",
  "Quilmes Pro",
] as const;

export const MODELS = [
  "Zonda",
  "Pampero",
  "Lanín",
  "Fitz Roy",
  "Iguazú",
  "Tandil",
  "Atlas",
  "Vórtice",
  "Pulso",
  "Ráfaga",
  "Cóndor",
  "Delta",
  "Horizonte",
  "Brisa",
  "Sierra",
  "Nómade",
  "Quebrada",
  "Cardón",
  "Talampaya",
  "Uritorco",
] as const;

export const COLORS: readonly (readonly [name: string, hex: string])[] = [
  ["Negro", "#2b2d42"],
  ["Blanco", "#f1f1f1"],
  ["Gris Melange", "#9aa0a6"],
  ["Azul Marino", "#1d3557"],
  ["Rojo", "#d62828"],
  ["Verde Oliva", "#6b705c"],
  ["Celeste", "#8ecae6"],
  ["Bordó", "#7f1d1d"],
  ["Naranja Flúor", "#fb8500"],
  ["Rosa", "#f4acb7"],
  ["Violeta", "#7b2cbf"],
  ["Amarillo", "#ffd60a"],
];

export const CLOTHING_SIZES = ["S", "M", "L", "XL", "XXL"] as const;
/** How often each clothing size sells, in the order above. */
export const CLOTHING_SIZE_WEIGHTS = [15, 30, 30, 17, 8] as const;

export type Gender = "Hombre" | "Mujer" | "Unisex";
/** Shoe size runs: women's lasts start smaller, men's run larger; all within 35–46. */
export const SHOE_SIZES: Record<Gender, readonly number[]> = {
  Mujer: [35, 36, 37, 38, 39, 40, 41],
  Hombre: [39, 40, 41, 42, 43, 44, 45, 46],
  Unisex: [36, 37, 38, 39, 40, 41, 42, 43, 44, 45],
};
