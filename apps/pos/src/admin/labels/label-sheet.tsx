import type { ReactNode } from "react";
import { Ean13Svg } from "./ean13-svg";

export interface Label {
  key: string;
  productName: string;
  size: string | null;
  price: string;
  barcode: string;
}

/**
 * A4 sheets of 3 × 8 labels of 63.5 × 33.9 mm (the common "L7159" layout), exact sizes in print. The screen
 * shows the same sheets with a shadow, under a toolbar the printer never sees.
 */
export function LabelSheet(props: { storeName: string; labels: readonly Label[]; toolbar: ReactNode }) {
  return (
    <div className="label-page">
      <style>{`
        @page { size: A4; margin: 0; }
        @page labels { size: A4; margin: 0; }
        .label-sheet { width: 210mm; min-height: 297mm; padding: 12.9mm 7.2mm; box-sizing: border-box;
          display: grid; grid-template-columns: repeat(3, 63.5mm); grid-auto-rows: 33.9mm; column-gap: 2.5mm;
          align-content: start; background: #fff; break-after: page; page: labels; }
        .label-sheet:last-child { break-after: auto; }
        .label { width: 63.5mm; height: 33.9mm; box-sizing: border-box; padding: 1.5mm 3mm; overflow: hidden;
          display: flex; flex-direction: column; color: #000; font-size: 7.5pt; line-height: 1.15; }
        @media screen {
          .label-sheet { margin: 0 auto 8mm; box-shadow: 0 1px 6px rgb(0 0 0 / 0.15); }
          .label { outline: 1px dashed #d4d4d8; }
        }
        @media print {
          /* The register's receipt rules hide everything else in print; the sheets are this page's print. */
          .label-page, .label-page * { visibility: visible !important; }
          .label-toolbar { display: none !important; }
          body { background: #fff !important; }
        }
      `}</style>
      <div className="label-toolbar">{props.toolbar}</div>
      {chunk(props.labels, 24).map((sheet, index) => (
        <section key={index} className="label-sheet" data-testid="label-sheet">
          {sheet.map((label) => (
            <article key={label.key} className="label" data-testid="label">
              <p className="truncate text-[6.5pt] uppercase tracking-wide">{props.storeName}</p>
              <p className="truncate font-semibold">
                {label.productName}
                {label.size && <span> · {label.size}</span>}
              </p>
              <p className="text-[10pt] font-bold">{label.price}</p>
              <Ean13Svg code={label.barcode} className="mx-auto mt-auto block h-auto w-[36mm]" />
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
