import type { UnitDto } from "@ntm/contracts";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { Spin, Tree, type TreeDataNode } from "antd";
import { useState } from "react";
import { ErrorState } from "../../components/error-state.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { fetchUnitList, unitListQueryKey } from "./units-api.ts";

interface UnitTreeProps {
  asOf: string;
  selectedCode: string | undefined;
  /** Codes of the branch to open: the chosen unit and the units above it. */
  openPath: string[];
  onSelect: (code: string) => void;
}

const rootKey = "";

function childrenQuery(parent: string, asOf: string) {
  const params = parent === rootKey ? { asOf } : { parent, asOf };
  return {
    queryKey: unitListQueryKey(params),
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchUnitList(params, signal),
    staleTime: 10 * 60_000,
  };
}

function isLeafUnit(unit: UnitDto): boolean {
  return unit.level === "commune" || unit.level === "village" || unit.childCount === 0;
}

export function UnitTree({ asOf, selectedCode, openPath, onSelect }: UnitTreeProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [expanded, setExpanded] = useState<string[]>(openPath);
  const pathKey = openPath.join("/");
  const [seenPathKey, setSeenPathKey] = useState(pathKey);
  if (pathKey !== seenPathKey) {
    // Navigating elsewhere opens the branch of the new unit without closing what the user opened.
    setSeenPathKey(pathKey);
    setExpanded((previous) => [...new Set([...previous, ...openPath])]);
  }

  // Only branches the user can see are fetched: a commune officer's path starts above their scope.
  const cachedUnits = (parent: string) =>
    queryClient.getQueryData<{ units: UnitDto[] }>(childrenQuery(parent, asOf).queryKey)?.units ??
    [];
  const knownKeys = new Set([rootKey, ...expanded].flatMap(cachedUnits).map((unit) => unit.code));
  const parents = [rootKey, ...expanded.filter((key) => knownKeys.has(key))];
  const results = useQueries({ queries: parents.map((parent) => childrenQuery(parent, asOf)) });
  const childrenByParent = new Map<string, UnitDto[]>();
  parents.forEach((parent, index) => {
    const data = results[index]?.data;
    if (data) childrenByParent.set(parent, data.units);
  });
  const root = results[0];
  const treeData = buildNodes(rootKey, childrenByParent, t("common.loading")) ?? [];

  if (root?.isError) return <ErrorState error={root.error} onRetry={() => void root.refetch()} />;
  if (!root?.data) return <Spin size="small" />;

  return (
    <Tree
      blockNode
      showLine={false}
      treeData={treeData}
      // Only keys already in the tree: rc-tree drops unknown ones and would not look at them again.
      expandedKeys={expanded.filter((key) => knownKeys.has(key))}
      autoExpandParent={false}
      selectedKeys={selectedCode ? [selectedCode] : []}
      onExpand={(keys) => setExpanded(keys.map(String))}
      onSelect={(_keys, info) => {
        const key = String(info.node.key);
        if (!key.startsWith(loadingPrefix)) onSelect(key);
      }}
      data-testid="unit-tree"
    />
  );
}

const loadingPrefix = "loading:";

function buildNodes(
  parent: string,
  childrenByParent: Map<string, UnitDto[]>,
  loadingLabel: string,
): TreeDataNode[] | undefined {
  const units = childrenByParent.get(parent);
  if (!units) return undefined;
  return units.map((unit) => {
    const leaf = isLeafUnit(unit);
    const children = leaf ? undefined : buildNodes(unit.code, childrenByParent, loadingLabel);
    return {
      key: unit.code,
      title: unit.name,
      isLeaf: leaf,
      // Children arrive through the queries above; until then an opened branch says it is loading.
      children: children ?? (leaf ? undefined : [loadingNode(unit.code, loadingLabel)]),
    };
  });
}

function loadingNode(parent: string, label: string): TreeDataNode {
  return { key: `${loadingPrefix}${parent}`, title: label, isLeaf: true, selectable: false };
}
