// Placeholder images drawn as small SVG files: the demo runs offline, so no stock photos. Soft category colours,
// a rounded card, the product's colour as a swatch with its initials, brand and name as text.
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Dark text on light colours, white on dark ones (perceived brightness, ITU-R BT.601 weights). */
function textOn(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const brightness = ((value >> 16) & 255) * 0.299 + ((value >> 8) & 255) * 0.587 + (value & 255) * 0.114;
  return brightness > 150 ? "#1f2933" : "#ffffff";
}

function initials(words: string): string {
  return words
    .split(/\s+/)
    .filter((word) => /^[A-Za-zÁÉÍÓÚÑáéíóúñ]/.test(word))
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
}

/** Splits a name into at most two lines of about `width` characters. */
function lines(text: string, width: number): string[] {
  const result: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    if (current && current.length + word.length + 1 > width) {
      result.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) result.push(current);
  if (result.length <= 2) return result;
  return [
    result[0] ?? "",
    `${result
      .slice(1)
      .join(" ")
      .slice(0, width - 1)}…`,
  ];
}

export interface ProductArt {
  name: string;
  brand: string;
  type: string;
  model: string;
  colorName: string;
  colorHex: string;
  background: string;
}

export function productSvg(art: ProductArt): string {
  const swatchText = textOn(art.colorHex);
  const title = lines(art.type, 24);
  const titleSvg = title
    .map((line, i) => `<text x="300" y="${462 + i * 36}" font-size="30" font-weight="600">${escapeXml(line)}</text>`)
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 600" width="600" height="600" role="img" aria-label="${escapeXml(art.name)}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="${art.background}"/></linearGradient>
<clipPath id="card"><rect width="600" height="600" rx="48"/></clipPath></defs>
<g clip-path="url(#card)">
<rect width="600" height="600" fill="url(#bg)"/>
<circle cx="520" cy="80" r="140" fill="${art.background}" opacity="0.55"/>
<circle cx="70" cy="560" r="110" fill="${art.colorHex}" opacity="0.12"/>
</g>
<g font-family="${FONT}" text-anchor="middle" fill="#1f2933">
<text x="300" y="84" font-size="22" font-weight="700" letter-spacing="6">${escapeXml(art.brand.toUpperCase())}</text>
<circle cx="300" cy="262" r="138" fill="none" stroke="#1f2933" stroke-opacity="0.08" stroke-width="4"/>
<circle cx="300" cy="262" r="132" fill="${art.colorHex}" stroke="#ffffff" stroke-width="10"/>
<text x="300" y="296" font-size="96" font-weight="800" fill="${swatchText}">${escapeXml(initials(`${art.model} ${art.brand}`))}</text>
${titleSvg}
<text x="300" y="${462 + title.length * 36 + 6}" font-size="22" fill="#52606d">${escapeXml(`${art.model} · ${art.colorName}`)}</text>
</g>
</svg>
`;
}

/** One shared image per category, for the large benchmark catalog. */
export function categorySvg(name: string, background: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 600" width="600" height="600" role="img" aria-label="${escapeXml(name)}">
<rect width="600" height="600" rx="48" fill="${background}"/>
<circle cx="300" cy="260" r="140" fill="#ffffff" opacity="0.7"/>
<g font-family="${FONT}" text-anchor="middle" fill="#1f2933">
<text x="300" y="292" font-size="92" font-weight="800">${escapeXml(initials(name))}</text>
<text x="300" y="480" font-size="36" font-weight="600">${escapeXml(name)}</text>
</g>
</svg>
`;
}

export interface BannerArt {
  title: string;
  subtitle: string;
  from: string;
  to: string;
  accent: string;
}

export function bannerSvg(art: BannerArt): string {
  const ink = textOn(art.from);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 600" width="1600" height="600" role="img" aria-label="${escapeXml(art.title)}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${art.from}"/><stop offset="1" stop-color="${art.to}"/></linearGradient>
<clipPath id="card"><rect width="1600" height="600" rx="36"/></clipPath></defs>
<g clip-path="url(#card)">
<rect width="1600" height="600" fill="url(#bg)"/>
<circle cx="1320" cy="300" r="240" fill="${art.accent}" opacity="0.35"/>
<circle cx="1460" cy="120" r="120" fill="#ffffff" opacity="0.18"/>
<path d="M1080 470 C1180 380 1300 520 1420 420 S1560 360 1600 400 L1600 600 L1040 600 Z" fill="#ffffff" opacity="0.15"/>
</g>
<g font-family="${FONT}" fill="${ink}">
<text x="120" y="280" font-size="84" font-weight="800">${escapeXml(art.title)}</text>
<text x="120" y="360" font-size="38" opacity="0.9">${escapeXml(art.subtitle)}</text>
<rect x="120" y="410" width="260" height="72" rx="36" fill="${ink}" opacity="0.92"/>
<text x="250" y="457" font-size="30" font-weight="700" text-anchor="middle" fill="${art.from}">Ver más</text>
</g>
</svg>
`;
}
