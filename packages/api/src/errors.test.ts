// Errors as a browser sees them: through the fetch adapter, so HTTP statuses and the formatter are real.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { useTestDb } from "@pos/db/testing";
import { createContextInner } from "./context.ts";
import { DomainError, domainErrorCodes } from "./errors.ts";
import type { Logger, LogFields } from "./logger.ts";
import { publicProcedure } from "./procedures.ts";
import { GENERIC_ERROR_MESSAGE, router } from "./trpc.ts";

const probe = router({
  fail: publicProcedure.input(z.object({ code: z.enum(domainErrorCodes) })).query(({ input }) => {
    throw new DomainError(input.code, "Only 2 left of Runner 42 at Centro", { variantId: 7, available: 2 });
  }),
  crash: publicProcedure.query(() => {
    throw new Error('relation "secret_table" does not exist');
  }),
  validate: publicProcedure
    .input(z.object({ quantity: z.number().int().positive(), lines: z.array(z.object({ sku: z.string().min(1) })) }))
    .query(() => "valid"),
});

const t = useTestDb();

interface ErrorBody {
  error: {
    json: {
      message: string;
      code: number;
      data: {
        code: string;
        httpStatus: number;
        requestId: string | null;
        domain: { code: string; details: Record<string, unknown> } | null;
        issues: { path: string; message: string }[] | null;
      };
    };
  };
}

async function call(path: string, input: unknown, log: Logger = { info() {}, warn() {}, error() {} }) {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}${query}`),
    router: probe,
    createContext: () => createContextInner({ db: t.db, session: null, log, requestId: "req-123" }),
  });
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

describe("error formatting", () => {
  it.each([
    ["NOT_FOUND", 404],
    ["FORBIDDEN", 403],
    ["CONFLICT", 409],
    ["OUT_OF_STOCK", 409],
    ["BAD_REQUEST", 400],
    ["UNAUTHORIZED", 401],
  ] as const)("maps DomainError %s to HTTP %i with its message and details", async (code, status) => {
    const { status: actual, body } = await call("fail", { code });
    expect(actual).toBe(status);
    expect(body.error.json.message).toBe("Only 2 left of Runner 42 at Centro");
    expect(body.error.json.data.domain).toEqual({ code, details: { variantId: 7, available: 2 } });
  });

  it("returns zod issues with field paths for invalid input", async () => {
    const { status, body } = await call("validate", { quantity: 0, lines: [{ sku: "" }] });
    expect(status).toBe(400);
    expect(body.error.json.data.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "quantity" }),
        expect.objectContaining({ path: "lines.0.sku" }),
      ]),
    );
  });

  it("hides unexpected errors behind a generic message and logs them with the request id", async () => {
    const logged: { message: string; fields?: LogFields }[] = [];
    const log: Logger = { info() {}, warn() {}, error: (message, fields) => logged.push({ message, fields }) };
    const { status, body } = await call("crash", undefined, log);
    expect(status).toBe(500);
    expect(body.error.json.message).toContain(GENERIC_ERROR_MESSAGE);
    expect(body.error.json.message).toContain("req-123");
    expect(JSON.stringify(body)).not.toContain("secret_table");
    expect(logged).toHaveLength(1);
    expect(logged[0]?.fields).toMatchObject({ requestId: "req-123", path: "crash" });
    expect(String(logged[0]?.fields?.error)).toContain("secret_table");
  });
});
