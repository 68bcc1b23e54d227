import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultYear } from "../../lib/year-context.tsx";
import { targetFiguresOf } from "./first-targets.tsx";

const item = {
  target: {
    id: 7,
    name: "Số xã đạt chuẩn nông thôn mới",
    unitName: "Tỉnh Kon Tum",
    deadlineYear: 2025,
    source: "Nghị quyết 03/NQ-HĐND",
  },
  progress: {
    status: "offTrack",
    rule: "Đạt 31 xã, cần 40 xã",
    year: 2024,
    actual: 31,
    target: 40,
    gap: 9,
    unit: "xã",
    milestone: null,
  },
};
const share = { unitCode: "610", unitName: "Huyện Đắk Glei", communes: 12, behind: [{}, {}] };

describe("a dashboard's targets before the page's code", () => {
  it("are read from the dashboard answer, the targets of the units above with their share", () => {
    const figures = targetFiguresOf(
      {
        unit: { code: "610", name: "Huyện Đắk Glei", level: "district" },
        year: 2024,
        targets: [item],
        fromAbove: [{ ...item, target: { ...item.target, id: 8 }, share }],
      },
      "/targets/610",
    );
    expect(figures?.unit).toEqual({ code: "610", name: "Huyện Đắk Glei", level: "district" });
    expect(figures?.demo).toBe(false);
    expect(figures?.targets.map((target) => [target.id, target.status, target.share])).toEqual([
      [7, "offTrack", null],
      [8, "offTrack", { unitName: "Huyện Đắk Glei", communes: 12, behind: 2 }],
    ]);
    expect(figures?.targets[0]).toMatchObject({
      actual: 31,
      target: 40,
      gap: 9,
      unit: "xã",
      milestone: null,
      source: "Nghị quyết 03/NQ-HĐND",
    });
  });

  it("are marked as demo data when a target is", () => {
    const demo = { ...item, target: { ...item.target, demo: true } };
    const unit = { code: "62", name: "Tỉnh Kon Tum", level: "province" };
    const figures = targetFiguresOf({ unit, year: 2024, targets: [demo], fromAbove: [] }, "/");
    expect(figures?.demo).toBe(true);
  });

  it("are not drawn without targets, with a target not understood, or for another answer", () => {
    const unit = { code: "62", name: "Tỉnh Kon Tum", level: "province" };
    expect(targetFiguresOf({ unit, year: 2024, targets: [], fromAbove: [] }, "/")).toBeNull();
    const odd = { ...item, progress: { ...item.progress, status: "late" } };
    expect(targetFiguresOf({ unit, year: 2024, targets: [odd], fromAbove: [] }, "/")).toBeNull();
    expect(targetFiguresOf({ error: { code: "FORBIDDEN" } }, "/")).toBeNull();
    expect(targetFiguresOf(null, "/")).toBeNull();
  });
});

describe("a dashboard kept in the tab for a reload", () => {
  const answer = {
    unit: { code: "62", name: "Tỉnh Kon Tum", level: "province" },
    year: defaultYear,
    targets: [item],
    fromAbove: [],
  };
  const fresh = {
    ...answer,
    targets: [{ ...item, progress: { ...item.progress, actual: 33, gap: 7 } }],
  };
  let stored: Map<string, string>;

  beforeEach(() => {
    stored = new Map();
    const sessionStorage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
      removeItem: (key: string) => void stored.delete(key),
    };
    vi.stubGlobal("window", { sessionStorage, location: { pathname: "/targets/62", search: "" } });
  });
  afterEach(() => vi.unstubAllGlobals());

  /** The module as a new page load finds it, signed in as `account`. */
  async function reload(account: number) {
    vi.resetModules();
    vi.doMock("../auth/index.ts", () => ({ sessionSeen: Promise.resolve({ id: account }) }));
    const module = await import("./first-targets.tsx");
    const { I18nProvider } = await import("../../lib/i18n/i18n-context.tsx");
    const Probe = () => {
      const figures = module.useFirstTargets("/targets/62");
      return figures ? createElement(module.FirstTargets, { figures }) : null;
    };
    const drawn = () =>
      renderToStaticMarkup(createElement(I18nProvider, null, createElement(Probe)))
        .replace(/<[^>]+>/g, "|")
        .replace(/\|+/g, "|");
    return { ...module, drawn };
  }

  it("is drawn at once for the same account, said to be updating, then replaced by the fresh answer", async () => {
    const first = await reload(5);
    first.keepTargets(5, "/targets/62", defaultYear, answer);

    const next = await reload(5);
    let arrive: (body: unknown) => void = () => undefined;
    next.showTargetsFrom(new Promise((resolve) => (arrive = resolve)), "/targets/62");
    await vi.waitFor(() => expect(next.drawn()).toContain("đang cập nhật"));
    expect(next.drawn()).toContain("|Kết quả|31 xã|");
    arrive(fresh);
    await vi.waitFor(() => expect(next.drawn()).toContain("|Kết quả|33 xã|"));
    expect(next.drawn()).not.toContain("đang cập nhật");
  });

  it("is not drawn for another account, another year or another page", async () => {
    const first = await reload(5);
    first.keepTargets(5, "/targets/62", defaultYear - 1, answer);
    first.keepTargets(5, "/targets/610", defaultYear, answer);
    first.keepTargets(5, "/targets/62", defaultYear, answer);

    const other = await reload(6);
    other.showTargetsFrom(new Promise(() => undefined), "/targets/62");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(other.drawn()).toBe("");

    first.keepTargets(5, "/targets/62", defaultYear - 1, answer);
    const again = await reload(5);
    again.showTargetsFrom(new Promise(() => undefined), "/targets/62");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(again.drawn()).toBe("");
  });

  it("is taken off the screen and out of the tab when the fresh answer refuses the page", async () => {
    const first = await reload(5);
    first.keepTargets(5, "/targets/62", defaultYear, answer);
    const next = await reload(5);
    let arrive: (body: unknown) => void = () => undefined;
    next.showTargetsFrom(new Promise((resolve) => (arrive = resolve)), "/targets/62");
    await vi.waitFor(() => expect(next.drawn()).toContain("đang cập nhật"));
    arrive(null);
    await vi.waitFor(() => expect(next.drawn()).toBe(""));
    expect(stored.size).toBe(0);
  });
});
