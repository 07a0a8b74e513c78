import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { ROOT } from "@/test/support/app";

/** What the figures were measured on: date, CPUs, Node, commit (marked when the tree is dirty). */
export function machine() {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? os.cpus()[0]?.model ?? "?";
  let commit = "?";
  try {
    commit = execSync("git rev-parse --short HEAD", { cwd: ROOT, encoding: "utf8" }).trim();
    if (execSync("git status --porcelain --untracked-files=no", { cwd: ROOT, encoding: "utf8" }).trim()) commit += " (+ uncommitted changes)";
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cpus: os.availableParallelism(),
    cpu,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    commit,
  };
}
