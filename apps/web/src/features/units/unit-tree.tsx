import type { UnitDto } from "@ntm/contracts";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { Spin, Tree, type TreeDataNode } from "antd";
import { useMemo, useState } from "react";
import { ErrorState } from "../../components/error-state.tsx";
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
  const queryClient = useQueryClient();
  const ancestors = selectedPath.slice(0, -1);
  const [expanded, setExpanded] = useState<string[]>(ancestors);
  const pathKey = ancestors.join("/");
  const [seenPathKey, setSeenPathKey] = useState(pathKey);
  if (pathKey !== seenPathKey) {
    // Navigating elsewhere opens the branch of the new unit without closing what the user opened.
    setSeenPathKey(pathKey);
    setExpanded((previous) => [...new Set([...previous, ...ancestors])]);
  }

  const parents = useMemo(() => [rootKey, ...expanded], [expanded]);
  const results = useQueries({ queries: parents.map((parent) => childrenQuery(parent, asOf)) });
  const childrenByParent = new Map<string, UnitDto[]>();
  parents.forEach((parent, index) => {
    const data = results[index]?.data;
    if (data) childrenByParent.set(parent, data.units);
  });
  const root = results[0];

  const treeData = buildNodes(rootKey, childrenByParent) ?? [];

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
      loadData={(node) =>
        queryClient.fetchQuery(childrenQuery(String(node.key), asOf)).then(() => undefined)
      }
      onSelect={(keys, info) => {
        const key = String(info.node.key);
        if (keys.length === 0 && key !== selectedCode) return;
        onSelect(key);
      }}
      data-testid="unit-tree"
    />
  );
}

function buildNodes(
  parent: string,
  childrenByParent: Map<string, UnitDto[]>,
): TreeDataNode[] | undefined {
  const units = childrenByParent.get(parent);
  if (!units) return undefined;
  return units.map((unit) => ({
    key: unit.code,
    title: unit.name,
    isLeaf: isLeafUnit(unit),
    children: isLeafUnit(unit) ? undefined : buildNodes(unit.code, childrenByParent),
  }));
}
