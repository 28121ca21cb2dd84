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

    /// One tower, 50 km, 30 m cells, ITU-R P.1812 per cell (1800 MHz, p = 50 %). Checked against
    /// the point-to-point P.1812 on the exact profile to 300 random cells: at least 97 % within
    /// 0.5 dB (the test suite checks 99 % on real SRTM terrain; here the terrain is generated).
    static func p1812OneTower(mode: BenchMode) throws -> BenchResult {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let size = 3400
        let terrain = BenchTerrain.hills(size: size, cellM: 30, threads: threads)
        let site = BenchTerrain.site(terrain, col: size / 2, row: size / 2, heightM: 30, index: 0)
        let settings = SweepSettings(radiusM: 50_000, rxHeightM: 1.5)
        let p1812 = P1812AreaSettings(frequencyGHz: 1.8, rxHeightM: 1.5, deltaN: TropicalDefaults.deltaN, n0: TropicalDefaults.n0)
        let model = CoverageModel.signal(.p1812(p1812), ServiceThresholds())
        var grids: CoverageGrids?
        let runs = Timing.measure(repetitions: mode.repetitions) {
            grids = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: model, threads: threads)
        }
        var rng = SplitMix64(seed: 42)
        var good = 0, checked = 0
        let rCells = settings.radiusM / 30
        let budget = LinkBudget(site: site, thresholds: ServiceThresholds())
        while checked < 300 {
            let dc = Int(rng.nextUnit() * 2 * rCells) - Int(rCells), dr = Int(rng.nextUnit() * 2 * rCells) - Int(rCells)
            guard max(abs(dc), abs(dr)) >= 2, Double(dc * dc + dr * dr) <= rCells * rCells else { continue }
            let c = site.col + dc, r = site.row + dr
            let profile = GridProfile(terrain: terrain, fromCol: site.col, fromRow: site.row, toCol: c, toRow: r)!
            let link = P1812Link(frequencyGHz: 1.8, timePercent: 50, txLatDeg: 0, txLonDeg: 0, rxLatDeg: 0, rxLonDeg: 0,
                                 txHeightM: 30, rxHeightM: 1.5, deltaN: TropicalDefaults.deltaN, n0: TropicalDefaults.n0)
            let ptp = try P1812.predict(link: link, profile: P1812Profile(distancesKm: profile.distancesM.map { $0 / 1000 }, heightsM: profile.heightsM))
            let expected = budget.marginDB(lossDB: ptp.basicTransmissionLossDB, dCol: dc, dRow: dr, distanceM: profile.distancesM.last!,
                                           rxAltitudeM: profile.heightsM.last! + 1.5)
            if abs(grids!.bestValue[r * size + c] - expected) <= 0.5 { good += 1 }
            checked += 1
        }
        let share = Double(good) / Double(checked)
        let discCells = Double.pi * rCells * rCells
        let median = Timing.median(runs)
        return BenchResult(
            name: "p1812-engine-1-tower-50km-30m", medianS: median, runsS: runs, cellsPerS: discCells / median,
            figures: ["threads": Double(threads), "disc_cells": discCells.rounded(), "within_0.5dB_of_point_to_point": share],
            notes: ["generated 3400×3400 terrain at 30 m; engine only"],
            checkPassed: share >= 0.97, checkDescription: "share of 300 cells within 0.5 dB of point-to-point P.1812 ≥ 0.97 (got \(String(format: "%.3f", share)))")
    }
}
