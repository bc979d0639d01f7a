import { describe, expect, it } from 'vitest';
import { buildRegionTree, countNodes, filterRegionTree } from './build-region-tree';

const regions = [
  { id: 'town', name: '府山街道', parentId: 'district' },
  { id: 'v1', name: '西小路社区', parentId: 'town' },
  { id: 'v2', name: '北海社区', parentId: 'town' },
  { id: 'town2', name: '塔山街道', parentId: 'district' },
];

describe('buildRegionTree', () => {
  it('treats a region whose parent is outside the list as a root', () => {
    const tree = buildRegionTree(regions);
    expect(tree.map((node) => node.title)).toEqual(['府山街道', '塔山街道']);
    expect(tree[0]?.children.map((node) => node.title)).toEqual(['西小路社区', '北海社区']);
    expect(countNodes(tree)).toBe(4);
  });

  it('nests from a null parent down', () => {
    const tree = buildRegionTree([{ id: 'district', name: '越城区', parentId: null }, ...regions]);
    expect(tree).toHaveLength(1);
    expect(tree[0]?.children.map((node) => node.key)).toEqual(['town', 'town2']);
  });

  it('filters by name and keeps the ancestors of matches', () => {
    const filtered = filterRegionTree(buildRegionTree(regions), '北海');
    expect(filtered.map((node) => node.title)).toEqual(['府山街道']);
    expect(filtered[0]?.children.map((node) => node.title)).toEqual(['北海社区']);
  });
});
