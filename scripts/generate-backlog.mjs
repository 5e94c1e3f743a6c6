#!/usr/bin/env node
// Writes a large, deterministic "gapscore/1" backlog for benchmarks and widget tests:
//
//   node scripts/generate-backlog.mjs 100000 > /tmp/backlog-100k.json
//   node scripts/generate-backlog.mjs 2000 --seed 7 > demo/large-backlog.json
//
// Every item carries every model's inputs (RICE, WSJF, ICE, value/effort) and a score for
// each of the five criteria of demo/health-app.json, so `gapscore rank --model M` works for
// every built-in model. About 10 % of the items depend on an earlier item (never a later one,
// so there are no cycles) and about 1 % give their effort as a range {low, likely, high}.
//
// Same N and seed, same bytes, on every machine: the numbers come from splitmix64 (not
// Math.random) and are picked from fixed lists, so no floating-point formatting differs.
// bench/core_bench.cpp builds the same documents in C++ with the same generator and the same
// draws in the same order; keep the two in step when changing either.
//
// Output: one item per line (compact, so 100,000 items stay near 40 MB, well under the
// 64 MiB document limit; the item limit is 200,000).

const MASK64 = (1n << 64n) - 1n;

/** splitmix64 (Steele, Lea & Flood 2014), the generator bench/core_bench.cpp uses too. */
class SplitMix64 {
  constructor(seed) {
    this.state = BigInt(seed) & MASK64;
  }
  next() {
    this.state = (this.state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = this.state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  }
  /** An integer in [0, n): next() mod n (the bias is below 2^-40 for these small n). */
  below(n) {
    return Number(this.next() % BigInt(n));
  }
  pick(list) {
    return list[this.below(list.length)];
  }
}

// The lists the numbers are drawn from (and their order) are part of the format of the
// generated file: bench/core_bench.cpp has the same lists.
const IMPACT = [3, 2, 1, 0.5, 0.25];
const CONFIDENCE = [1, 0.8, 0.5];
const EFFORT = [0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12];
const FIBONACCI = [1, 2, 3, 5, 8, 13, 20];
const MOSCOW = ["must", "should", "could", "wont"];
const VERBS = ["Improve", "Add", "Redesign", "Automate", "Speed up", "Simplify", "Localize", "Secure"];
const NOUNS = ["medication reminders", "lab results", "appointment booking", "symptom checker",
  "sign-in", "onboarding", "notifications", "video visits", "records export", "wearable sync",
  "care plans", "insurance card", "pharmacy refills", "mood check-ins", "family access", "search"];
const AUDIENCES = ["for caregivers", "for new users", "for clinicians", "on Android", "on iOS",
  "on the web", "for Spanish speakers", "for older adults"];
const TAGS = ["records", "clinical", "engagement", "platform", "compliance", "mobile", "growth", "ui"];

const CRITERIA = [
  { id: "user_value", name: "User value", weight: 5, direction: "benefit", scale: { min: 0, max: 10 } },
  { id: "strategic_fit", name: "Strategic fit", weight: 3, direction: "benefit", scale: { min: 0, max: 10 } },
  { id: "compliance", name: "Compliance and safety", weight: 2, direction: "benefit", scale: { min: 0, max: 10 } },
  { id: "risk", name: "Delivery and clinical risk", weight: 1, direction: "cost", scale: { min: 0, max: 10 } },
  { id: "effort", name: "Effort (person-months)", weight: 3, direction: "cost", scale: { min: 0, max: 12 } },
];

/** Item i (0-based). The order of the draws below is the contract with core_bench.cpp. */
function makeItem(rng, i, width) {
  const id = "item-" + String(i + 1).padStart(width, "0");
  const title = `${rng.pick(VERBS)} ${rng.pick(NOUNS)} ${rng.pick(AUDIENCES)}`;
  const tags = [TAGS[rng.below(TAGS.length)]];
  if (rng.below(2) === 0) tags.push(TAGS[rng.below(TAGS.length)]);
  const item = { id, title, tags: tags[0] === tags[1] ? [tags[0]] : tags, moscow: rng.pick(MOSCOW) };
  // ~10 % depend on one of the 50 items before them.
  if (i > 0 && rng.below(10) === 0) {
    const back = 1 + rng.below(Math.min(i, 50));
    item.depends_on = ["item-" + String(i + 1 - back).padStart(width, "0")];
  }
  const effortIndex = rng.below(EFFORT.length);
  const effort = EFFORT[effortIndex];
  // Any whole number of people from 50 to 1,000,000: estimates of reach vary continuously
  // enough that exact score ties stay the exception, as in a real backlog.
  item.reach = 50 + rng.below(999951);
  item.impact = rng.pick(IMPACT);
  item.confidence = rng.pick(CONFIDENCE);
  // ~1 % uncertain: the next list entries below and above as the range.
  if (rng.below(100) === 0) {
    item.effort = {
      low: EFFORT[Math.max(effortIndex - 1, 0)],
      likely: effort,
      high: EFFORT[Math.min(effortIndex + 1, EFFORT.length - 1)],
    };
  } else {
    item.effort = effort;
  }
  item.business_value = rng.pick(FIBONACCI);
  item.time_criticality = rng.pick(FIBONACCI);
  item.risk_reduction = rng.pick(FIBONACCI);
  item.job_size = rng.pick(FIBONACCI);
  item.ice_impact = 1 + rng.below(10);
  item.ice_confidence = 1 + rng.below(10);
  item.ease = 1 + rng.below(10);
  item.value = 1 + rng.below(10);
  item.scores = {
    user_value: rng.below(11),
    strategic_fit: rng.below(11),
    compliance: rng.below(11),
    risk: rng.below(11),
    effort,
  };
  return item;
}

function main(argv) {
  const args = argv.slice(2);
  let count = NaN;
  let seed = 20240611;
  for (let k = 0; k < args.length; ++k) {
    if (args[k] === "--seed" && k > 0) seed = Number(args[++k]);
    else if (args[k] === "-h" || args[k] === "--help") count = NaN;
    else if (k === 0) count = Number(args[k]);
    else count = NaN; // anything else is a usage error
  }
  if (!Number.isInteger(count) || count < 1 || !Number.isSafeInteger(seed) || seed < 0) {
    process.stderr.write("usage: node scripts/generate-backlog.mjs N [--seed S] > backlog.json\n" +
      "  N: number of items (1..200000, the format's limit); S: a whole number >= 0 (default 20240611)\n");
    return 1;
  }
  if (count > 200000)
    process.stderr.write(`warning: ${count} items is over the format's limit of 200000; gapscore will refuse the file\n`);

  const rng = new SplitMix64(seed);
  const width = Math.max(6, String(count).length);
  const head = {
    format: "gapscore/1",
    title: `Generated backlog: ${count} items (scripts/generate-backlog.mjs, seed ${seed})`,
    model: "rice",
    normalization: "minmax",
    criteria: CRITERIA,
  };
  const out = [JSON.stringify(head).slice(0, -1) + ',"items":[\n'];
  for (let i = 0; i < count; ++i) {
    out.push(JSON.stringify(makeItem(rng, i, width)) + (i + 1 < count ? ",\n" : "\n"));
    if (out.length >= 4096) {
      process.stdout.write(out.join(""));
      out.length = 0;
    }
  }
  out.push("]}\n");
  process.stdout.write(out.join(""));
  return 0;
}

process.exitCode = main(process.argv);
