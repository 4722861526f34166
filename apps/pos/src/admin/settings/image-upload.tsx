"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@pos/ui";
import { ZImageContentType } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { uploadWithTicket } from "../upload";

/**
 * "Upload a picture" for the logo and banners: the file goes to the same storage as product pictures (Cloudinary or
 * this server's disk), and its address lands in the form's field, to be saved with the rest of the form.
 */
export function ImageUpload(props: { label: string; onUploaded: (url: string) => void }) {
  const t = useTranslations("admin.settings.upload");
  const picker = useRef<HTMLInputElement>(null);
  const prepare = trpc.settings.images.prepareUpload.useMutation();
  const attach = trpc.settings.images.attach.useMutation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function upload(file: File | undefined) {
    if (!file) return;
    setProblem(null);
    const contentType = ZImageContentType.safeParse(file.type);
    if (!contentType.success) return setProblem(t("badType", { name: file.name }));
    setBusy(true);
    try {
      const ticket = await prepare.mutateAsync({ fileName: file.name, contentType: contentType.data, size: file.size });
      const publicId = await uploadWithTicket(ticket, file, t("failed"));
      props.onUploaded((await attach.mutateAsync({ publicId })).url);
    } catch (cause) {
      setProblem(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
      if (picker.current) picker.current.value = "";
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <Button variant="secondary" disabled={busy} onClick={() => picker.current?.click()}>
        {busy ? t("uploading") : props.label}
      </Button>
      <input
        ref={picker}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif"
        hidden
        aria-label={props.label}
        onChange={(event) => void upload(event.target.files?.[0])}
      />
      {problem && (
        <p role="alert" className="max-w-60 text-sm text-danger">
          {problem}
        </p>
      )}
    </div>
  );
}
