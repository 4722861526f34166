"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { Button, Input } from "@pos/ui";
import { ZCategoryCreate } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { flattenCategories } from "../products/categories";
import { moved } from "../reorder";
import { ErrorNote, FORM_LABEL, FORM_SELECT, Heading } from "../ui";
import { CategoryRow, type CategoryActions } from "./category-row";

type Node = RouterOutputs["categories"]["tree"][number];

/**
 * The category tree as managers shape it: add (under a parent), rename, move, reorder among siblings with
 * up/down buttons, retire or delete. Deleting is refused by the API while products or subcategories hang from it.
 */
export function CategoryTree() {
  const t = useTranslations("admin.categories");
  const utils = trpc.useUtils();
  const tree = trpc.categories.tree.useQuery();
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string | null) => {
    setProblem(null);
    setNotice(message);
    // A first load still in flight would otherwise answer the refetch with the tree from before this change.
    void utils.categories.tree.cancel().then(() => utils.categories.tree.invalidate());
  };
  const failed = (error: { message: string; data?: { domain?: { details?: unknown } | null } | null }) => {
    const details = error.data?.domain?.details as { children?: number; products?: number } | undefined;
    setNotice(null);
    setProblem(
      details?.children !== undefined && details.products !== undefined
        ? t("deleteRefused", { children: details.children, products: details.products })
        : error.message,
    );
  };
  const create = trpc.categories.create.useMutation({ onError: failed });
  const update = trpc.categories.update.useMutation({ onError: failed, onSuccess: () => done(t("saved")) });
  const reorder = trpc.categories.reorder.useMutation({ onError: failed, onSuccess: () => done(null) });
  const remove = trpc.categories.delete.useMutation({ onError: failed, onSuccess: () => done(t("deleted")) });
  const [name, setName] = useState("");
  const [parentId, setParentId] = useState<number | null>(null);
  const [nameInvalid, setNameInvalid] = useState(false);
  const roots = tree.data ?? [];
  const options = flattenCategories(roots);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const parsed = ZCategoryCreate.safeParse({ name, parentId });
    setNameInvalid(!parsed.success);
    if (!parsed.success) return;
    create.mutate(parsed.data, {
      onSuccess: (category) => {
        setName("");
        done(t("created", { name: category.name }));
      },
    });
  }

  const actions: CategoryActions = {
    busy: create.isPending || update.isPending || reorder.isPending || remove.isPending,
    options,
    move(siblings: readonly Node[], from: number, to: number) {
      if (from === to || to < 0 || to >= siblings.length) return;
      const ids = moved(siblings, from, to).map((sibling) => sibling.id);
      reorder.mutate({ parentId: siblings[0]?.parentId ?? null, ids });
    },
    rename: (id, newName) => update.mutate({ id, name: newName }),
    reparent: (id, newParent) => update.mutate({ id, parentId: newParent }),
    setActive: (id, active) => update.mutate({ id, active }),
    remove: (id) => remove.mutate({ id }),
  };

  return (
    <div className="flex flex-col gap-5">
      <Heading title={t("title")} subtitle={t("subtitle")} />
      <form
        onSubmit={submit}
        noValidate
        aria-label={t("newTitle")}
        className="grid gap-3 rounded-card border border-line bg-white p-5 sm:grid-cols-[2fr_2fr_auto] sm:items-end"
      >
        <Input
          label={t("name")}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={nameInvalid ? t("nameInvalid") : undefined}
        />
        <label className={FORM_LABEL}>
          {t("parent")}
          <select
            value={parentId ?? ""}
            onChange={(event) => setParentId(event.target.value ? Number(event.target.value) : null)}
            className={FORM_SELECT}
          >
            <option value="">{t("noParent")}</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" size="lg" disabled={create.isPending}>
          {t("create")}
        </Button>
      </form>
      {problem && <ErrorNote>{problem}</ErrorNote>}
      {notice && (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-2 text-sm text-brand-900">
          {notice}
        </p>
      )}
      <section aria-label={t("tree")} className="rounded-card border border-line bg-white p-3 sm:p-5">
        {tree.isLoading ? (
          <p className="text-sm text-muted">{t("loading")}</p>
        ) : roots.length === 0 ? (
          <div className="py-8 text-center">
            <p className="font-medium">{t("emptyTitle")}</p>
            <p className="mt-1 text-sm text-muted">{t("emptyBody")}</p>
          </div>
        ) : (
          <CategoryList nodes={roots} actions={actions} depth={0} />
        )}
      </section>
    </div>
  );
}

/**
 * One parent's children, in order. A child can be dragged onto a sibling to take its place (the up/down buttons
 * do the same from the keyboard); drags never cross parents, moving is its own action.
 */
export function CategoryList(props: { nodes: readonly Node[]; actions: CategoryActions; depth: number }) {
  const [dragging, setDragging] = useState<number | null>(null);
  return (
    <ul
      className={
        props.depth === 0 ? "flex flex-col gap-1" : "ml-4 flex flex-col gap-1 border-l border-line pl-3 sm:ml-6"
      }
    >
      {props.nodes.map((node, index) => (
        <li
          key={node.id}
          data-testid="category"
          data-category={node.name}
          draggable={!props.actions.busy}
          onDragStart={(event) => {
            event.stopPropagation();
            setDragging(index);
            event.dataTransfer.effectAllowed = "move";
            event.dataTransfer.setData("text/plain", String(node.id));
          }}
          onDragOver={(event) => {
            if (dragging === null) return;
            event.preventDefault();
            event.stopPropagation();
          }}
          onDrop={(event) => {
            if (dragging === null) return;
            event.preventDefault();
            event.stopPropagation();
            props.actions.move(props.nodes, dragging, index);
            setDragging(null);
          }}
          onDragEnd={() => setDragging(null)}
          className={dragging === index ? "opacity-60" : undefined}
        >
          <CategoryRow node={node} siblings={props.nodes} index={index} actions={props.actions} />
          {node.children.length > 0 && (
            <CategoryList nodes={node.children} actions={props.actions} depth={props.depth + 1} />
          )}
        </li>
      ))}
    </ul>
  );
}
