import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ShopImage } from "./shop-image";

const markup = (element: React.ReactElement) => renderToString(element).replaceAll("&amp;", "&");

describe("ShopImage", () => {
  it("asks Cloudinary for each width in its srcset, never Next's optimizer", () => {
    const html = markup(
      <ShopImage src="https://res.cloudinary.com/sur/image/upload/v1/remera.jpg" alt="Remera" fill sizes="50vw" />,
    );
    expect(html).toContain(
      "https://res.cloudinary.com/sur/image/upload/f_auto,q_auto,c_limit,w_640/v1/remera.jpg 640w",
    );
    expect(html).not.toContain("/_next/image");
    expect(html).toContain('alt="Remera"');
    expect(html).toContain('loading="lazy"');
  });

  it("resizes our own uploads through Next and shows other hosts' pictures as they are", () => {
    expect(markup(<ShopImage src="/uploads/p/remera.jpg" alt="" width={96} height={96} />)).toContain(
      'src="/_next/image?url=%2Fuploads%2Fp%2Fremera.jpg&w=',
    );
    expect(markup(<ShopImage src="https://img.example/banner.jpg" alt="" width={96} height={96} />)).toContain(
      'src="https://img.example/banner.jpg"',
    );
  });

  it("preloads the page's main picture at high priority and does not lazy-load it", () => {
    const html = markup(<ShopImage src="/uploads/banner.jpg" alt="Temporada" fill sizes="100vw" preload />);
    expect(html).toMatch(/<link rel="preload" as="image"[^>]*fetchPriority="high"/);
    expect(html).toMatch(/<img [^>]*fetchPriority="high"/);
    expect(html).not.toContain('loading="lazy"');
  });
});
