import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";

/** The API's "no such category/product" becomes the storefront's 404 page; anything else stays an error. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
