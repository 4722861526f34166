// Rendered per request like every storefront page, so the server's part is measured the same way.
export const dynamic = "force-dynamic";

export default function Page() {
  return (
    <main style={{ padding: 16 }}>
      <h1>Floor</h1>
      <img
        src="/picture.svg"
        alt="A picture"
        width={600}
        height={600}
        fetchPriority="high"
        style={{ width: "100%", height: "auto" }}
      />
      <p>Nothing else to load.</p>
    </main>
  );
}
