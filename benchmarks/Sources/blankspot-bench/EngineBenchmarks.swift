import BlankSpotCore
import Foundation

/// Benchmarks of the engine alone, on generated terrain.
enum EngineBenchmarks {
    /// One tower, 50 km, 30 m cells, line of sight. Checked against the brute-force oracle on
    /// 4,000 random cells of the disc (agreement ≥ 98 %: the sweep evaluates a cell on a ray up
    /// to half a cell off its centre).
    static func lineOfSightOneTower(mode: BenchMode) -> BenchResult {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let size = 3400
        let terrain = BenchTerrain.hills(size: size, cellM: 30, threads: threads)
        let site = BenchTerrain.site(terrain, col: size / 2, row: size / 2, heightM: 30, index: 0)
        let settings = SweepSettings(radiusM: 50_000, rxHeightM: 1.5)
        var grids: CoverageGrids?
        let runs = Timing.measure(repetitions: mode.repetitions) {
            grids = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: .lineOfSight, threads: threads)
        }
        let oneThread = Timing.median(Timing.measure(repetitions: mode == .quick ? 1 : 3) {
            _ = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: .lineOfSight, threads: 1)
        })
        // Self-check against the oracle.
        var rng = SplitMix64(seed: 42)
        var agree = 0, checked = 0
        let rCells = settings.radiusM / 30
        while checked < 4000 {
            let dc = Int(rng.nextUnit() * 2 * rCells) - Int(rCells), dr = Int(rng.nextUnit() * 2 * rCells) - Int(rCells)
            guard dc != 0 || dr != 0, Double(dc * dc + dr * dr) <= rCells * rCells else { continue }
            let c = site.col + dc, r = site.row + dr
            let profile = GridProfile(terrain: terrain, fromCol: site.col, fromRow: site.row, toCol: c, toRow: r)!
            let exact = profile.isLineOfSight(txHeightM: 30, rxHeightM: 1.5, curvaturePerM: settings.curvaturePerM)
            if exact == (grids!.serverCount[r * size + c] > 0) { agree += 1 }
            checked += 1
        }
        let share = Double(agree) / Double(checked)
        let discCells = Double.pi * rCells * rCells
        let median = Timing.median(runs)
        return BenchResult(
            name: "los-engine-1-tower-50km-30m", medianS: median, runsS: runs, cellsPerS: discCells / median,
            figures: ["threads": Double(threads), "median_1_thread_s": oneThread, "disc_cells": discCells.rounded(),
                      "oracle_agreement": share],
            notes: ["generated 3400×3400 terrain at 30 m; engine only (grid allocation + sweep + merge)"],
            checkPassed: share >= 0.98, checkDescription: "agreement with brute-force oracle on 4000 cells ≥ 0.98 (got \(String(format: "%.4f", share)))")
    }
}
