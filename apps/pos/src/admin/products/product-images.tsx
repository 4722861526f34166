"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ZImageContentType } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { DropZone, ErrorNote } from "../ui";
import { ImageOrder } from "./image-order";
import { uploadWithTicket } from "../upload";

/**
 * The product's pictures: drop files (or pick them) and each goes straight to the storage the server chose
 * (Cloudinary when configured, else this server's disk) with a signed ticket, then is attached in order.
 */
export function ProductImages({ productId, productName }: { productId: number; productName: string }) {
  const t = useTranslations("admin.products");
  const utils = trpc.useUtils();
  const images = trpc.images.list.useQuery({ productId });
  const prepare = trpc.images.prepareUpload.useMutation();
  const attach = trpc.images.attach.useMutation();
  const remove = trpc.images.remove.useMutation({ onSuccess: () => void utils.images.list.invalidate({ productId }) });
  const [uploading, setUploading] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  async function upload(files: readonly File[]) {
    setProblem(null);
    for (const file of files) {
      const contentType = ZImageContentType.safeParse(file.type);
      if (!contentType.success) {
        setProblem(t("badType", { name: file.name }));
        continue;
      }
      setUploading((n) => n + 1);
      try {
        const ticket = await prepare.mutateAsync({
          productId,
          fileName: file.name,
          contentType: contentType.data,
          size: file.size,
        });
        const publicId = await uploadWithTicket(ticket, file, t("uploadFailed"));
        await attach.mutateAsync({ productId, publicId, alt: productName });
      } catch (cause) {
        setProblem(cause instanceof Error ? cause.message : String(cause));
      } finally {
        setUploading((n) => n - 1);
        void utils.images.list.invalidate({ productId });
      }
    }
  }

  return (
    <section aria-labelledby="images" className="rounded-card border border-line bg-white">
      <h2 id="images" className="border-b border-line px-5 py-3 text-sm font-semibold">
        {t("images")}
      </h2>
      <div className="grid gap-4 p-5">
        <DropZone onFiles={(files) => void upload(files)} className="justify-center gap-2 rounded-lg py-6 text-sm">
          <p>{uploading > 0 ? t("uploading", { count: uploading }) : t("dropHere")}</p>
          <button
            type="button"
            onClick={() => picker.current?.click()}
            className="rounded-lg border border-line bg-white px-3 py-1.5 font-medium hover:border-brand-500"
          >
            {t("pickFiles")}
          </button>
          <input
            ref={picker}
            type="file"
            accept="image/jpeg,image/png,image/webp,image/avif"
            multiple
            hidden
            aria-label={t("pickFiles")}
            onChange={(event) => void upload([...(event.target.files ?? [])])}
          />
        </DropZone>
        {problem && <ErrorNote>{problem}</ErrorNote>}
        {(images.data?.length ?? 0) === 0 ? (
          <p className="text-sm text-muted">{t("noImages")}</p>
        ) : (
          <ImageOrder
            productId={productId}
            images={images.data ?? []}
            onRemove={(imageId) => remove.mutate({ imageId })}
          />
        )}
      </div>
    </section>
  );
}
