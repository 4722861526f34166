import type { RouterOutputs } from "@pos/api";

type Node = RouterOutputs["categories"]["tree"][number];

/** The category tree as one list for a select: "Calzado › Running", parents before their children. */
export function flattenCategories(nodes: readonly Node[], prefix = ""): { id: number; label: string }[] {
  return nodes.flatMap((node) => [
    { id: node.id, label: `${prefix}${node.name}` },
    ...flattenCategories(node.children, `${prefix}${node.name} › `),
  ]);
}
