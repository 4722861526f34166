import { EAN13_MODULES, ean13Bars, isValidEan13 } from "@pos/validators";

// Quiet zones (in modules) a scanner needs either side, and the heights of data and guard bars.
const LEFT = 11;
const RIGHT = 7;
const BAR = 40;
const GUARD = 45;
const WIDTH = LEFT + EAN13_MODULES + RIGHT;

/**
 * An EAN-13 drawn as SVG, its digits under the bars in the usual groups (1 · 6 · 6). Anything that is not a
 * valid EAN-13 (a supplier's 8- or 14-digit code) is shown as text only: never bars a scanner would misread.
 */
export function Ean13Svg({ code, className }: { code: string; className?: string }) {
  if (!isValidEan13(code)) {
    return <p className="font-mono text-[8pt]">{code}</p>;
  }
  const bars = ean13Bars(code);
  const digit = (text: string, x: number) => (
    <text x={x} y={GUARD + 9} textAnchor="middle" fontSize="10" fontFamily="monospace">
      {text}
    </text>
  );
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${GUARD + 11}`}
      className={className}
      role="img"
      aria-label={code}
      data-testid="ean13"
      data-code={code}
      shapeRendering="crispEdges"
    >
      <rect width={WIDTH} height={GUARD + 11} fill="#fff" />
      {bars.map((bar) => (
        <rect key={bar.x} x={LEFT + bar.x} y={0} width={bar.width} height={bar.guard ? GUARD : BAR} fill="#000" />
      ))}
      {digit(code.slice(0, 1), LEFT - 5)}
      {digit(code.slice(1, 7), LEFT + 3 + 21)}
      {digit(code.slice(7), LEFT + 50 + 21)}
    </svg>
  );
}
