import Foundation

/// The benchmark list and the parent process that runs each one in a child.
enum Orchestrator {
    /// The quick suite (CI, every submission): a few minutes in all.
    static let quick: [String] = [
        "los-engine", "p1812-engine", "p1812-scaling", "villages", "los-cli-1-tower", "los-cli-20-towers", "splat", "itm-vs-p1812",
        "demo-bungo-convergence", "suggest-bungo-10", "tiles-bungo",
    ]
    /// The full suite adds the many-tower runs and ITM at 50 km.
    static let full: [String] = quick + ["p1812-100-towers", "p1812-100-towers-30km-90m", "p1812-1000-towers", "p1812-1000-towers-90m",
                                         "itm-engine", "demo-kalsel-convergence", "p1812-1000-towers-landcover-auto-90m",
                                         "suggest-bungo-20", "tiles-kalsel"]
    static let all: [String] = full + ["p1812-100-towers-landcover-auto-90m"]

    static func main(arguments: [String]) -> Int32 {
        let mode: BenchMode = arguments.contains("--full") ? .full : .quick
        var names = mode == .full ? full : quick
        if let i = arguments.firstIndex(of: "--only"), i + 1 < arguments.count {
            names = arguments[i + 1].split(separator: ",").map(String.init)
        }
        let markdownPath = arguments.firstIndex(of: "--markdown").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        print("blankspot-bench (\(mode.rawValue) mode, \(ProcessInfo.processInfo.activeProcessorCount) cores, \(machineName()))")
        var results: [BenchResult] = []
        var failed = false
        for name in names {
            FileHandle.standardError.write(Data("running \(name)…\n".utf8))
            let (result, peakMiB, error) = runChild(name: name, mode: mode)
            if var result {
                result.peakMiB = peakMiB
                results.append(result)
                if !result.checkPassed { failed = true }
            } else {
                print("\(name): FAILED to run: \(error)")
                failed = true
            }
        }
        let table = Report.table(results)
        print(table)
        if let markdownPath {
            try? Report.markdown(results, mode: mode, machine: machineName()).write(toFile: markdownPath, atomically: true, encoding: .utf8)
        }
        try? FileManager.default.removeItem(at: Paths.work)
        return failed ? 1 : 0
    }

    /// Runs one benchmark in a child process; returns its result and peak RSS.
    static func runChild(name: String, mode: BenchMode) -> (BenchResult?, Double, String) {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        guard let outcome = try? Shell.run(me, ["--child", name] + (mode == .full ? ["--full"] : [])) else {
            return (nil, 0, "cannot start the benchmark child")
        }
        guard let line = outcome.output.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
              let result = try? JSONDecoder().decode(BenchResult.self, from: Data(line.utf8)) else {
            return (nil, outcome.peakMiB, outcome.output)
        }
        return (result, outcome.peakMiB, "")
    }

    static func machineName() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let memKB = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("MemTotal") }?
            .split(separator: " ").compactMap { Double($0) }.first ?? 0
        return "\(cpu), \(String(format: "%.0f", memKB / 1024 / 1024)) GiB"
    }
}

/// Runs one benchmark in this (child) process and prints its result as JSON.
enum ChildRunner {
    static func run(name: String, mode: BenchMode) -> Int32 {
        do {
            let result: BenchResult
            switch name {
            case "los-engine": result = EngineBenchmarks.lineOfSightOneTower(mode: mode)
            case "p1812-engine": result = try EngineBenchmarks.p1812OneTower(mode: mode)
            case "p1812-100-towers": result = EngineBenchmarks.manyTowers(count: 100, radiusKm: 10, sideKm: 60, mode: mode)
            case "p1812-scaling": result = ScalingBenchmarks.p1812Scaling(mode: mode)
            case "villages": result = try VillageBenchmarks.kalsel(mode: mode)
            case "splat": result = try SplatBenchmarks.against(mode: mode)
            case "demo-bungo-convergence": result = try ConvergenceBenchmarks.demo(sample: "bungo", mode: mode)
            case "demo-kalsel-convergence": result = try ConvergenceBenchmarks.demo(sample: "kalsel", mode: mode)
            // A small lattice (quick) and the defaults (full).
            case "suggest-bungo-10": result = try SuggestBenchmarks.bungo(sites: 10, gridM: 1500, maxSweeps: 100, mode: mode)
            case "suggest-bungo-20": result = try SuggestBenchmarks.bungo(sites: 20, gridM: 250, maxSweeps: 1500, mode: mode)
            // Tiled runs on two worker processes against one process (the sample's defaults).
            case "tiles-bungo": result = try TilingBenchmarks.run(sample: "bungo", tileKm: 30, singleThreadRun: true, mode: mode)
            case "tiles-kalsel": result = try TilingBenchmarks.run(sample: "kalsel", tileKm: 60, singleThreadRun: false, mode: mode)
            case "itm-vs-p1812": result = try ITMBenchmarks.againstP1812(mode: mode)
            case "itm-engine": result = try ITMBenchmarks.oneTower50km(mode: mode)
            case "p1812-1000-towers": result = EngineBenchmarks.manyTowers(count: 1000, radiusKm: 30, sideKm: 200, mode: mode)
            // The province with land cover, automatic reach against a fixed 30 km; and a tenth of it.
            case "p1812-1000-towers-landcover-auto-90m":
                result = try LandCoverReachBenchmarks.run(count: 1000, sideKm: 200, cellM: 90, mode: mode)
            case "p1812-100-towers-landcover-auto-90m":
                result = try LandCoverReachBenchmarks.run(count: 100, sideKm: 63, cellM: 90, mode: mode)
            // The same province at SRTM3's native resolution (3″ ≈ 90 m), the DEM a planner in
            // Indonesia most often has.
            case "p1812-1000-towers-90m":
                result = EngineBenchmarks.manyTowers(count: 1000, radiusKm: 30, sideKm: 200, cellM: 90, mode: mode)
            // A tenth of the 90 m province (same tower density, 30 km reach): where most pairs are
            // ruled out by the loss bound, in seconds rather than minutes.
            case "p1812-100-towers-30km-90m":
                result = EngineBenchmarks.manyTowers(count: 100, radiusKm: 30, sideKm: 63, cellM: 90, mode: mode)
            case "los-cli-1-tower": result = try PeerBenchmarks.againstGdalViewshed(towers: 1, radiusKm: 50, mode: mode)
            case "los-cli-20-towers": result = try PeerBenchmarks.againstGdalViewshed(towers: 20, radiusKm: 30, mode: mode)
            default:
                FileHandle.standardError.write(Data("unknown benchmark \(name); known: \(Orchestrator.all.joined(separator: ", "))\n".utf8))
                return 2
            }
            let encoder = JSONEncoder()
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            try? FileManager.default.removeItem(at: Paths.work)
            return 0
        } catch {
            FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
            try? FileManager.default.removeItem(at: Paths.work)
            return 1
        }
    }
}
