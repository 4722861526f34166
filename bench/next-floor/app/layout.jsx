// The framework's floor for `pnpm bench store`: the least a Next App Router page can be (a heading, a paragraph
// and one preloaded picture, no CSS, no data), built and audited next to the storefront in the same run. Plain JSX,
// so Next needs no TypeScript setup of its own here.
export const metadata = { title: "Floor", description: "The least a Next.js page can be: Lighthouse's floor for it." };

export default function Layout({ children }) {
  return (
    <html lang="es">
      <body style={{ margin: 0, fontFamily: "system-ui, sans-serif" }}>{children}</body>
    </html>
  );
}
