// mulberry32: a small seeded generator of numbers in [0, 1), so that the fixture generators write the same
// bytes on every run (scripts/fixtures/gen-follower-list.mjs, scripts/fixtures/page-fixtures.mjs), and a property
// test reproducible (tests/node/count-property.test.mjs).
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
