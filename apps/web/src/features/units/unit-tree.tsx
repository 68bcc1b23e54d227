import type { UnitDto } from "@ntm/contracts";
import { useQueries } from "@tanstack/react-query";
import { Spin, Tree, type TreeDataNode } from "antd";
import { useMemo, useState } from "react";
import { ErrorState } from "../../components/error-state.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { fetchUnitList, unitListQueryKey } from "./units-api.ts";

interface UnitTreeProps {
  asOf: string;
  selectedCode: string | undefined;
  /** Codes from the top of the hierarchy down to the selected unit. */
  selectedPath: string[];
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

export function UnitTree({ asOf, selectedCode, selectedPath, onSelect }: UnitTreeProps) {
  const { t } = useI18n();
  // The chosen unit is opened too, so a district shows its communes.
  const branch = selectedPath;
  const [expanded, setExpanded] = useState<string[]>(branch);
  const pathKey = branch.join("/");
  const [seenPathKey, setSeenPathKey] = useState(pathKey);
  if (pathKey !== seenPathKey) {
    // Navigating elsewhere opens the branch of the new unit without closing what the user opened.
    setSeenPathKey(pathKey);
    setExpanded((previous) => [...new Set([...previous, ...branch])]);
  }

  const parents = useMemo(() => [rootKey, ...expanded], [expanded]);
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
      expandedKeys={expanded}
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
