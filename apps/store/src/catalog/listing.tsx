import { getTranslations } from "next-intl/server";
import type { CatalogPage } from "@pos/api/store";
import { CATALOG_SORTS, catalogParams, type TCatalogListParsed } from "@pos/validators";
import { ShopLink } from "~/shop/shop-link";
import { ProductGrid } from "./product-card";
import type { Money } from "./price";
import { SortSelect } from "./sort-select";
import { Breadcrumb } from "~/shop/breadcrumb";

/** A listing's URL for another page or sort, keeping every other filter. */
function hrefFor(path: string, query: TCatalogListParsed, change: Partial<TCatalogListParsed>): string {
  const params = catalogParams({ ...query, ...change }).toString();
  return params ? `${path}?${params}` : path;
}

export async function CatalogListing({
  path,
  title,
  query,
  page,
  money,
}: {
  path: string;
  title: string;
  query: TCatalogListParsed;
  page: CatalogPage;
  money: Money;
}) {
  const t = await getTranslations("listing");
  const filtered = query.sizes.length > 0 || query.minPrice || query.maxPrice || query.inStock;
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pt-6 sm:px-6">
      <Breadcrumb trail={page.trail} />
      <div className="mt-3 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
          <p className="mt-1 text-sm text-muted" data-testid="result-count">
            {t("results", { count: page.total })}
          </p>
        </div>
        <form action={path} className="flex items-center gap-2">
          {Array.from(catalogParams({ ...query, sort: "featured", page: 1 })).map(([name, value], index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
          ))}
          <label htmlFor="sort" className="text-sm text-muted">
            {t("sort")}
          </label>
          <SortSelect
            id="sort"
            defaultValue={query.sort}
            options={CATALOG_SORTS.map((sort) => ({ value: sort, label: t(`sorts.${sort}`) }))}
          />
          <noscript>
            <button type="submit" className="h-10 rounded-lg border border-line px-3 text-sm">
              {t("apply")}
            </button>
          </noscript>
        </form>
      </div>

      <div className="mt-6 grid gap-8 md:grid-cols-[15rem_1fr]">
        {/* Filters fold away on a phone behind a toggle that needs no script; beside the grid from a tablet up. */}
        <div className="rounded-xl border border-line md:border-0">
          <input
            id="show-filters"
            type="checkbox"
            defaultChecked={Boolean(filtered)}
            className="peer sr-only md:hidden"
          />
          <label
            htmlFor="show-filters"
            className="flex cursor-pointer items-center justify-between px-4 py-3 text-sm font-semibold peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500 md:hidden"
          >
            {t("filters")}
            <span aria-hidden>▾</span>
          </label>
          <form
            action={path}
            className="hidden space-y-6 px-4 pb-4 peer-checked:block md:block md:p-0"
            aria-label={t("filters")}
          >
            {query.q && <input type="hidden" name="q" value={query.q} />}
            {query.sort !== "featured" && <input type="hidden" name="orden" value={query.sort} />}
            {page.sizes.length > 0 && (
              <fieldset>
                <legend className="text-sm font-semibold">{t("size")}</legend>
                <div className="mt-2 flex flex-wrap gap-2">
                  {page.sizes.map((size) => (
                    <label key={size} className="cursor-pointer">
                      <input
                        type="checkbox"
                        name="talle"
                        value={size}
                        defaultChecked={query.sizes.includes(size)}
                        className="peer sr-only"
                      />
                      <span className="inline-flex h-9 min-w-10 items-center justify-center rounded-lg border border-line px-2 text-sm peer-checked:border-brand-600 peer-checked:bg-brand-600 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500">
                        {size}
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
            <fieldset>
              <legend className="text-sm font-semibold">{t("price")}</legend>
              <div className="mt-2 grid grid-cols-2 gap-2">
                {(
                  [
                    ["min", query.minPrice],
                    ["max", query.maxPrice],
                  ] as const
                ).map(([name, value]) => (
                  <label key={name} className="text-xs text-muted">
                    {t(name)}
                    <input
                      name={name}
                      inputMode="decimal"
                      defaultValue={value ? String(Number(value)) : ""}
                      className="mt-1 h-10 w-full rounded-lg border border-line px-2 text-base text-ink"
                    />
                  </label>
                ))}
              </div>
            </fieldset>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="stock"
                value="1"
                defaultChecked={query.inStock}
                className="size-4 accent-brand-600"
              />
              {t("inStock")}
            </label>
            <div className="flex gap-2">
              <button
                type="submit"
                className="h-10 flex-1 rounded-lg bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                {t("apply")}
              </button>
              {filtered && (
                <ShopLink
                  href={hrefFor(path, query, {
                    sizes: [],
                    minPrice: undefined,
                    maxPrice: undefined,
                    inStock: false,
                    page: 1,
                  })}
                  className="inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  {t("clear")}
                </ShopLink>
              )}
            </div>
          </form>
        </div>

        <section aria-labelledby="products-title">
          <h2 id="products-title" className="sr-only">
            {t("products")}
          </h2>
          {page.items.length > 0 ? (
            <ProductGrid products={page.items} money={money} eager={4} />
          ) : (
            <div className="rounded-xl border border-dashed border-line px-6 py-16 text-center">
              <p className="font-medium">{t("empty")}</p>
              <p className="mt-1 text-sm text-muted">{t("emptyHint")}</p>
            </div>
          )}
          {page.pageCount > 1 && (
            <nav aria-label={t("pages")} className="mt-10 flex items-center justify-center gap-2 text-sm">
              {query.page > 1 && (
                <ShopLink
                  rel="prev"
                  href={hrefFor(path, query, { page: query.page - 1 })}
                  className="rounded-lg border border-line px-3 py-2 hover:bg-surface"
                >
                  {t("previous")}
                </ShopLink>
              )}
              <span className="px-2 text-muted">{t("pageOf", { page: query.page, pages: page.pageCount })}</span>
              {query.page < page.pageCount && (
                <ShopLink
                  rel="next"
                  href={hrefFor(path, query, { page: query.page + 1 })}
                  className="rounded-lg border border-line px-3 py-2 hover:bg-surface"
                >
                  {t("next")}
                </ShopLink>
              )}
            </nav>
          )}
        </section>
      </div>
    </main>
  );
}
