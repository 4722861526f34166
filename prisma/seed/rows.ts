// Row shapes for every table the seed writes, derived from the generated Prisma input types so a schema change
// breaks the build here rather than at load time. Every column is required (even those with defaults): COPY
// needs a value for every column it lists. Money is a decimal string, never a number.
import type { Prisma } from "@pos/db";

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

// Json first: Prisma's InputJsonValue admits anything with toJSON, Decimal included.
type Field<V> = Prisma.JsonNullValueInput extends V
  ? JsonObject
  : Prisma.Decimal extends V
    ? null extends V
      ? string | null
      : string
    : Date extends V
      ? null extends V
        ? Date | null
        : Date
      : string[] extends V
        ? string[]
        : V;

type Row<T> = { [K in keyof T]-?: Field<Exclude<T[K], undefined>> };

export interface Rows {
  Branch: Row<Prisma.BranchCreateManyInput>;
  User: Row<Prisma.UserCreateManyInput>;
  Category: Row<Prisma.CategoryCreateManyInput>;
  /** Without the search columns: the Product trigger derives them from name and brand on insert. */
  Product: Row<Omit<Prisma.ProductCreateManyInput, "searchName" | "searchWords">>;
  Variant: Row<Prisma.VariantCreateManyInput>;
  ProductImage: Row<Prisma.ProductImageCreateManyInput>;
  Customer: Row<Prisma.CustomerCreateManyInput>;
  PaymentMethodConfig: Row<Prisma.PaymentMethodConfigCreateManyInput>;
  InstallmentPlan: Row<Prisma.InstallmentPlanCreateManyInput>;
  StoreConfig: Row<Prisma.StoreConfigCreateManyInput>;
  StoreBanner: Row<Prisma.StoreBannerCreateManyInput>;
  SocialLink: Row<Prisma.SocialLinkCreateManyInput>;
  WhatsAppConfig: Row<Prisma.WhatsAppConfigCreateManyInput>;
  CashSession: Row<Prisma.CashSessionCreateManyInput>;
  StockTransfer: Row<Prisma.StockTransferCreateManyInput>;
  StockTransferItem: Row<Prisma.StockTransferItemCreateManyInput>;
  Sale: Row<Prisma.SaleCreateManyInput>;
  SaleItem: Row<Prisma.SaleItemCreateManyInput>;
  Payment: Row<Prisma.PaymentCreateManyInput>;
  Return: Row<Prisma.ReturnCreateManyInput>;
  ReturnItem: Row<Prisma.ReturnItemCreateManyInput>;
  InventoryMovement: Row<Prisma.InventoryMovementCreateManyInput>;
  CashMovement: Row<Prisma.CashMovementCreateManyInput>;
  StockLevel: Row<Prisma.StockLevelCreateManyInput>;
  AuditEvent: Row<Prisma.AuditEventCreateManyInput>;
}

export type TableName = keyof Rows;

/** Parents before children: the order in which a batch must reach the database for its foreign keys to hold. */
export const TABLE_ORDER: readonly TableName[] = [
  "Branch",
  "User",
  "Category",
  "Product",
  "Variant",
  "ProductImage",
  "Customer",
  "PaymentMethodConfig",
  "InstallmentPlan",
  "StoreConfig",
  "StoreBanner",
  "SocialLink",
  "WhatsAppConfig",
  "CashSession",
  "StockTransfer",
  "StockTransferItem",
  "Sale",
  "SaleItem",
  "Payment",
  "Return",
  "ReturnItem",
  "InventoryMovement",
  "CashMovement",
  "StockLevel",
  "AuditEvent",
];

/** Where generated rows go: the COPY sink, or anything else a test or benchmark wants to count them with. */
export interface RowSink {
  push<T extends TableName>(table: T, row: Rows[T]): void;
  /** Writes everything pushed so far, parents before children. */
  flush(): Promise<void>;
  /** Runs one SQL statement on the same connection (or transaction) the rows go through. */
  sql(statement: string): Promise<void>;
}

/** Hands out explicit ids, so children can point at parents before anything reaches the database. */
export class IdCounter {
  private last = 0;
  next(): number {
    this.last += 1;
    return this.last;
  }
  get current(): number {
    return this.last;
  }
}
