import BlankSpotCore
import Foundation

enum BenchMode: String {
    case quick, full
    /// Timed repetitions per benchmark (the median is reported).
    var repetitions: Int { self == .quick ? 3 : 7 }
}

/// One benchmark's result, printed by the child as one JSON line on stdout.
struct BenchResult: Codable {
    var name: String
    var medianS: Double
    var runsS: [Double]
    /// Cells evaluated per second (engine benchmarks), or nil.
    var cellsPerS: Double?
    /// Free-form figures: ratios, agreement, sizes.
    var figures: [String: Double]
    var notes: [String]
    /// The benchmark's own check of its result.
    var checkPassed: Bool
    var checkDescription: String
    /// Peak resident memory of the child process, MiB (filled in by the parent).
    var peakMiB: Double?
}

enum Timing {
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// Runs `body` `repetitions` times; returns each run's wall time in seconds. `prepare`
    /// runs before each, untimed (e.g. to release the previous run's result, so that a run
    /// does not pay for finding fresh memory while the last one's is still held).
    static func measure(repetitions: Int, prepare: () -> Void = {}, _ body: () throws -> Void) rethrows -> [Double] {
        var runs: [Double] = []
        for _ in 0..<repetitions {
            prepare()
            let t0 = ContinuousClock.now
            try body()
            runs.append(seconds(ContinuousClock.now - t0))
        }
        return runs
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

/// Runs external programs for the peer comparisons and the CLI benchmarks, with posix_spawn
/// and wait4 so that each run's own peak memory is known.
enum Shell {
    struct Outcome {
        var status: Int32
        var seconds: Double
        var output: String
        /// Peak resident set size of the program, MiB.
        var peakMiB: Double
    }

    @discardableResult
    static func run(_ program: String, _ args: [String]) throws -> Outcome {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let path = program.contains("/") ? program : "/usr/bin/env"
        let argv = (program.contains("/") ? [program] : ["env", program]) + args
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let t0 = ContinuousClock.now
        let rc = posix_spawn(&pid, path, &actions, nil, &cArgs, environ)
        guard rc == 0 else { throw BenchError("cannot start \(program): error \(rc)") }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let dt = Timing.seconds(ContinuousClock.now - t0)
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(status: exit, seconds: dt, output: text, peakMiB: Double(usage.ru_maxrss) / 1024)
    }

    /// Whether a program is on the PATH.
    static func which(_ program: String) -> Bool {
        (try? run("sh", ["-c", "command -v \(program) > /dev/null"]))?.status == 0
    }
}

/// Where the project and its built tools are.
enum Paths {
    static let executableDir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    static var blankspot: String { executableDir.appendingPathComponent("blankspot").path }
    /// The package root (benchmarks/Sources/blankspot-bench/ → root).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static var whiteMountainsTile: String { root.appendingPathComponent("data/srtm3-N44W072-white-mountains/N44W072.hgt.zip").path }
    static let work: URL = {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("blankspot-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }()
}

/// The engine benchmarks' self-check: random cells of one tower's disc (at least two cells
/// from it, with a nodata-free exact profile), the swept margin against a point-to-point model's
/// margin on the exact grid profile (``GridProfile``).
enum PointToPointCheck {
    /// The result of a one-tower engine benchmark at 30 m checked against point to point:
    /// timing, cells of the disc per second, and the share of `count` cells within 0.5 dB
    /// (passes at ≥ 0.97).
    static func engineResult(name: String, runs: [Double], radiusM: Double, threads: Int, share: Double, count: Int,
                             peer: String, note: String) -> BenchResult {
        let rCells = radiusM / 30
        let discCells = Double.pi * rCells * rCells
        let median = Timing.median(runs)
        return BenchResult(
            name: name, medianS: median, runsS: runs, cellsPerS: discCells / median,
            figures: ["threads": Double(threads), "disc_cells": discCells.rounded(), "within_0.5dB_of_point_to_point": share],
            notes: [note],
            checkPassed: share >= 0.97,
            checkDescription: "share of \(count) cells within 0.5 dB of point-to-point \(peer) ≥ 0.97 (got \(String(format: "%.3f", share)))")
    }

    /// Share of `count` cells whose swept value is within `toleranceDB` of `lossDB`'s margin.
    static func shareWithin(_ toleranceDB: Float, count: Int, seed: UInt64, terrain: TerrainRaster, site: GridSite,
                            radiusM: Double, rxHeightM: Double, grids: CoverageGrids,
                            lossDB: (GridProfile) throws -> Double) rethrows -> Double {
        var rng = SplitMix64(seed: seed)
        var good = 0, checked = 0
        let rCells = radiusM / terrain.grid.cellSizeM
        let budget = LinkBudget(site: site, thresholds: ServiceThresholds())
        let w = terrain.grid.width
        while checked < count {
            let dc = Int((rng.nextUnit() * 2 - 1) * rCells), dr = Int((rng.nextUnit() * 2 - 1) * rCells)
            guard max(abs(dc), abs(dr)) >= 2, Double(dc * dc + dr * dr) <= rCells * rCells else { continue }
            let c = site.col + dc, r = site.row + dr
            guard c >= 0, r >= 0, c < w, r < terrain.grid.height,
                  let profile = GridProfile(terrain: terrain, fromCol: site.col, fromRow: site.row, toCol: c, toRow: r),
                  !profile.heightsM.contains(where: \.isNaN) else { continue }
            let expected = budget.marginDB(lossDB: try lossDB(profile), dCol: dc, dRow: dr, distanceM: profile.distancesM.last!,
                                           rxAltitudeM: profile.heightsM.last! + rxHeightM)
            if abs(grids.bestValue![r * w + c] - expected) <= toleranceDB { good += 1 }
            checked += 1
        }
        return Double(good) / Double(checked)
    }
}
