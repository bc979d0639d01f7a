export interface RegionLike {
  id: string;
  name: string;
  parentId?: string | null;
  code?: string;
}

export interface RegionTreeNode<R extends RegionLike> {
  key: string;
  title: string;
  region: R;
  children: RegionTreeNode<R>[];
}

/**
 * Builds the tree from the flat list the API returns. A region whose parent is not in the list
 * (the top of the caller's jurisdiction) is a root. Siblings keep the API's order, then code.
 */
export function buildRegionTree<R extends RegionLike>(regions: readonly R[]): RegionTreeNode<R>[] {
  const nodes = new Map<string, RegionTreeNode<R>>();
  for (const region of regions) nodes.set(region.id, { key: region.id, title: region.name, region, children: [] });
  const roots: RegionTreeNode<R>[] = [];
  for (const region of regions) {
    const node = nodes.get(region.id);
    if (!node) continue;
    const parent = region.parentId ? nodes.get(region.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function countNodes<R extends RegionLike>(nodes: readonly RegionTreeNode<R>[]): number {
  return nodes.reduce((total, node) => total + 1 + countNodes(node.children), 0);
}

/** Keeps the nodes whose name contains the text, with their ancestors, so matches stay in context. */
export function filterRegionTree<R extends RegionLike>(
  nodes: readonly RegionTreeNode<R>[],
  text: string,
): RegionTreeNode<R>[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...nodes];
  const result: RegionTreeNode<R>[] = [];
  for (const node of nodes) {
    const children = filterRegionTree(node.children, needle);
    if (node.title.toLowerCase().includes(needle) || children.length > 0) result.push({ ...node, children });
  }
  return result;
}
