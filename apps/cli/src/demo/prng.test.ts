import { describe, expect, it } from "vitest";
import { hashText, mixSeed, mulberry32 } from "./prng.ts";

describe("mulberry32", () => {
  it("repeats the same numbers for the same seed, in [0, 1)", () => {
    const draw = (seed: number) => {
      const random = mulberry32(seed);
      return Array.from({ length: 1000 }, () => random());
    };
    const numbers = draw(42);
    expect(draw(42)).toEqual(numbers);
    expect(draw(43)).not.toEqual(numbers);
    expect(numbers.every((n) => n >= 0 && n < 1)).toBe(true);
    const mean = numbers.reduce((sum, n) => sum + n, 0) / numbers.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe("mixSeed and hashText", () => {
  it("give stable, distinct 32-bit seeds", () => {
    expect(mixSeed(1, 2, 3)).toBe(mixSeed(1, 2, 3));
    expect(mixSeed(1, 2, 3)).not.toBe(mixSeed(1, 3, 2));
    expect(hashText("23353")).toBe(hashText("23353"));
    expect(hashText("23353")).not.toBe(hashText("23356"));
    expect(Number.isInteger(mixSeed(7, hashText("Xã Đắk Pék")))).toBe(true);
    expect(mixSeed(7)).toBeGreaterThanOrEqual(0);
    expect(mixSeed(7)).toBeLessThan(2 ** 32);
  });
});
