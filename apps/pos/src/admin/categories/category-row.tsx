"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { Button } from "@pos/ui";

type Node = RouterOutputs["categories"]["tree"][number];

export interface CategoryActions {
  busy: boolean;
  options: readonly { id: number; label: string }[];
  /** Moves the child at `from` among its siblings to `to`. */
  move(siblings: readonly Node[], from: number, to: number): void;
  rename(id: number, name: string): void;
  reparent(id: number, parentId: number | null): void;
  setActive(id: number, active: boolean): void;
  remove(id: number): void;
}

/** Every id under a node (itself included): where it may not move to. */
function ownSubtree(node: Node): Set<number> {
  return new Set([node.id, ...node.children.flatMap((child) => [...ownSubtree(child)])]);
}

const SMALL_SELECT = "h-8 rounded-lg border border-line bg-white px-2 text-sm text-ink";

/** One category: its name and counts, and what a manager can do to it. */
export function CategoryRow(props: { node: Node; siblings: readonly Node[]; index: number; actions: CategoryActions }) {
  const t = useTranslations("admin.categories");
  const { node, actions } = props;
  const [mode, setMode] = useState<"view" | "rename" | "move">("view");
  const [name, setName] = useState(node.name);
  const [parent, setParent] = useState<number | null>(node.parentId);
  const blocked = ownSubtree(node);

  return (
    <div className="flex cursor-grab flex-wrap items-center justify-between gap-2 rounded-lg px-2 py-1.5 hover:bg-surface">
      {mode === "rename" ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim()) actions.rename(node.id, name.trim());
            setMode("view");
          }}
        >
          <label className="sr-only" htmlFor={`rename-${node.id}`}>
            {t("newName", { name: node.name })}
          </label>
          <input
            id={`rename-${node.id}`}
            value={name}
            onChange={(event) => setName(event.target.value)}
            className="h-8 rounded-lg border border-line px-2 text-sm"
            autoFocus
          />
          <Button type="submit" size="sm">
            {t("save")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode("view")}>
            {t("cancel")}
          </Button>
        </form>
      ) : (
        <p className="min-w-0 text-sm">
          <span className={`font-medium ${node.active ? "" : "text-muted line-through"}`}>{node.name}</span>
          <span className="ml-2 text-xs text-muted">{t("productCount", { count: node.productCount })}</span>
          {!node.active && (
            <span className="ml-2 rounded-full bg-surface px-2 py-0.5 text-xs text-muted">{t("inactive")}</span>
          )}
        </p>
      )}
      {mode === "move" && (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            actions.reparent(node.id, parent);
            setMode("view");
          }}
        >
          <label className="text-sm" htmlFor={`move-${node.id}`}>
            {t("moveUnder", { name: node.name })}
          </label>
          <select
            id={`move-${node.id}`}
            value={parent ?? ""}
            onChange={(event) => setParent(event.target.value ? Number(event.target.value) : null)}
            className={SMALL_SELECT}
          >
            <option value="">{t("noParent")}</option>
            {actions.options
              .filter((option) => !blocked.has(option.id))
              .map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
          </select>
          <Button type="submit" size="sm">
            {t("move")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode("view")}>
            {t("cancel")}
          </Button>
        </form>
      )}
      {mode === "view" && (
        <div className="flex flex-wrap items-center gap-1">
          <Button
            size="sm"
            variant="ghost"
            disabled={actions.busy || props.index === 0}
            aria-label={t("up", { name: node.name })}
            onClick={() => actions.move(props.siblings, props.index, props.index - 1)}
          >
            ↑
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={actions.busy || props.index === props.siblings.length - 1}
            aria-label={t("down", { name: node.name })}
            onClick={() => actions.move(props.siblings, props.index, props.index + 1)}
          >
            ↓
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setMode("rename")}
            aria-label={t("renameOf", { name: node.name })}
          >
            {t("rename")}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setMode("move")}
            aria-label={t("moveOf", { name: node.name })}
          >
            {t("move")}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            disabled={actions.busy}
            onClick={() => actions.setActive(node.id, !node.active)}
            aria-label={node.active ? t("deactivateOf", { name: node.name }) : t("activateOf", { name: node.name })}
          >
            {node.active ? t("deactivate") : t("activate")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="text-danger"
            disabled={actions.busy}
            onClick={() => actions.remove(node.id)}
            aria-label={t("deleteOf", { name: node.name })}
          >
            {t("delete")}
          </Button>
        </div>
      )}
    </div>
  );
}
