import Foundation

// blankspot-bench: the benchmark suite. Methods and figures: benchmarks/RESULTS.md.
//
//   blankspot-bench [--quick|--full] [--only NAME[,NAME…]] [--markdown FILE]
//
// Every benchmark runs in a child process of this one (`--child NAME`) so its peak memory is
// its own; the parent collects the figures, prints a table, and fails (exit 1) when a
// benchmark's self-check fails.

let arguments = Array(CommandLine.arguments.dropFirst())
if let i = arguments.firstIndex(of: "--child"), i + 1 < arguments.count {
    let mode: BenchMode = arguments.contains("--full") ? .full : .quick
    exit(ChildRunner.run(name: arguments[i + 1], mode: mode))
}
exit(Orchestrator.main(arguments: arguments))
