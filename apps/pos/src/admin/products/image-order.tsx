"use client";

import { useState, type DragEvent } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { ZImageAltUpdate } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { moved } from "../reorder";
import { ErrorNote } from "../ui";

type Image = RouterOutputs["images"]["list"][number];

const SMALL_BUTTON =
  "rounded-md border border-line bg-white px-2 py-0.5 text-xs font-medium hover:border-brand-500 disabled:opacity-40";

/**
 * The product's pictures in their storefront order: dragged, or moved with the buttons (keyboard and touch),
 * and each with the description a screen reader reads. The new order shows at once and is put back if the
 * server refuses it (someone else changed the pictures meanwhile).
 */
export function ImageOrder(props: { productId: number; images: readonly Image[]; onRemove: (id: number) => void }) {
  const t = useTranslations("admin.productEdit.images");
  const utils = trpc.useUtils();
  const key = { productId: props.productId };
  const [dragging, setDragging] = useState<number | null>(null);
  const [announce, setAnnounce] = useState("");
  const reorder = trpc.images.reorder.useMutation({
    onMutate: async (input) => {
      await utils.images.list.cancel(key);
      const before = utils.images.list.getData(key);
      if (before) {
        const byId = new Map(before.map((image) => [image.id, image]));
        utils.images.list.setData(
          key,
          input.imageIds.flatMap((id) => byId.get(id) ?? []),
        );
      }
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) utils.images.list.setData(key, context.before);
    },
    onSettled: () => void utils.images.list.invalidate(key),
  });

  function move(from: number, to: number) {
    if (to < 0 || to >= props.images.length || from === to) return;
    const next = moved(props.images, from, to);
    reorder.mutate({ productId: props.productId, imageIds: next.map((image) => image.id) });
    setAnnounce(t("movedTo", { position: to + 1, count: next.length }));
  }

  function onDrop(event: DragEvent, to: number) {
    event.preventDefault();
    event.stopPropagation();
    if (dragging !== null) move(dragging, to);
    setDragging(null);
  }

  return (
    <div className="grid gap-2">
      <ol className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="product-images">
        {props.images.map((image, index) => (
          <li
            key={image.id}
            draggable
            onDragStart={(event) => {
              setDragging(index);
              event.dataTransfer.effectAllowed = "move";
              event.dataTransfer.setData("text/plain", String(image.id));
            }}
            onDragOver={(event) => {
              if (dragging === null) return;
              event.preventDefault();
              event.stopPropagation();
            }}
            onDrop={(event) => onDrop(event, index)}
            onDragEnd={() => setDragging(null)}
            data-testid="product-image"
            data-image-id={image.id}
            className={`flex cursor-grab flex-col overflow-hidden rounded-lg border bg-white ${
              dragging === index ? "border-brand-500 opacity-60" : "border-line"
            }`}
          >
            <div className="relative">
              <img src={image.url} alt={image.alt} className="aspect-square w-full object-cover" draggable={false} />
              <span className="absolute left-1 top-1 rounded-md bg-white/90 px-1.5 text-xs font-medium shadow">
                {index + 1}
              </span>
              <button
                type="button"
                onClick={() => props.onRemove(image.id)}
                aria-label={t("remove", { position: index + 1 })}
                className="absolute right-1 top-1 rounded-md bg-white/90 px-2 py-0.5 text-xs text-danger shadow"
              >
                ✕
              </button>
            </div>
            <div className="flex justify-between gap-1 px-1.5 pt-1.5">
              <button
                type="button"
                className={SMALL_BUTTON}
                disabled={index === 0 || reorder.isPending}
                onClick={() => move(index, index - 1)}
                aria-label={t("earlier", { position: index + 1 })}
              >
                ←
              </button>
              <button
                type="button"
                className={SMALL_BUTTON}
                disabled={index === props.images.length - 1 || reorder.isPending}
                onClick={() => move(index, index + 1)}
                aria-label={t("later", { position: index + 1 })}
              >
                →
              </button>
            </div>
            <AltText key={image.id} image={image} position={index + 1} productId={props.productId} />
          </li>
        ))}
      </ol>
      <p className="text-xs text-muted">{t("hint")}</p>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      {reorder.error && <ErrorNote>{reorder.error.message}</ErrorNote>}
    </div>
  );
}

/** The description of one picture, saved when it changes (on leaving the field or pressing Enter). */
function AltText(props: { image: Image; position: number; productId: number }) {
  const t = useTranslations("admin.productEdit.images");
  const utils = trpc.useUtils();
  const [value, setValue] = useState(props.image.alt);
  const [invalid, setInvalid] = useState(false);
  const update = trpc.images.updateAlt.useMutation({
    onSuccess: () => void utils.images.list.invalidate({ productId: props.productId }),
  });

  function save() {
    if (value.trim() === props.image.alt) return;
    const parsed = ZImageAltUpdate.safeParse({ imageId: props.image.id, alt: value });
    setInvalid(!parsed.success);
    if (parsed.success) update.mutate(parsed.data);
  }

  const id = `alt-${props.image.id}`;
  return (
    <div className="flex flex-col gap-1 p-1.5">
      <label htmlFor={id} className="text-xs text-muted">
        {t("alt", { position: props.position })}
      </label>
      <input
        id={id}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            save();
          }
        }}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid || update.error ? `${id}-error` : undefined}
        className={`h-8 rounded-md border px-2 text-sm ${invalid ? "border-danger" : "border-line"}`}
      />
      {(invalid || update.error) && (
        <p id={`${id}-error`} className="text-xs text-danger">
          {invalid ? t("altInvalid") : update.error?.message}
        </p>
      )}
      {update.isSuccess && value.trim() === props.image.alt && (
        <p className="text-xs text-ok-ink" role="status">
          {t("altSaved")}
        </p>
      )}
    </div>
  );
}
