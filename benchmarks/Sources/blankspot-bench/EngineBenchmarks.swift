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
        // A 50 ms run: 7 repetitions even in quick mode, so that one slow run (the kernel finding
        // fresh huge pages) does not make the median.
        let runs = Timing.measure(repetitions: max(7, mode.repetitions), prepare: { grids = nil }) {
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
        let share = try PointToPointCheck.shareWithin(0.5, count: 300, seed: 42, terrain: terrain, site: site, radiusM: settings.radiusM,
                                                      rxHeightM: 1.5, grids: grids!) { profile in
            let link = P1812Link(frequencyGHz: 1.8, timePercent: 50, txLatDeg: 0, txLonDeg: 0, rxLatDeg: 0, rxLonDeg: 0,
                                 txHeightM: 30, rxHeightM: 1.5, deltaN: TropicalDefaults.deltaN, n0: TropicalDefaults.n0)
            return try P1812.predict(link: link, profile: P1812Profile(distancesKm: profile.distancesM.map { $0 / 1000 },
                                                                       heightsM: profile.heightsM)).basicTransmissionLossDB
        }
        var result = PointToPointCheck.engineResult(name: "p1812-engine-1-tower-50km-30m", runs: runs, radiusM: settings.radiusM,
                                                    threads: threads, share: share, count: 300, peer: "P.1812",
                                                    note: "generated 3400×3400 terrain at 30 m; engine only")
        WalkFloor.add(to: &result, repetitions: mode.repetitions, reference: grids!) {
            P1812WalkFloor.run(terrain: terrain, sites: [site], settings: settings, p1812: p1812, thresholds: ServiceThresholds(), threads: threads)
        }
        return result
    }

    /// Many towers over a generated province at 30 m with P.1812 (1800 MHz LTE, RSRP threshold
    /// −110 dBm): towers on a jittered grid, each `radiusKm`. Checked: the combined result equals
    /// single-tower runs combined by hand on 2,000 random cells for 5 of the towers' cells… see
    /// the note; engine time only.
    static func manyTowers(count: Int, radiusKm: Double, sideKm: Double, cellM: Double = 30, mode: BenchMode) -> BenchResult {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let size = Int(sideKm * 1000 / cellM)
        let terrain = BenchTerrain.hills(size: size, cellM: cellM, threads: threads)
        var rng = SplitMix64(seed: 99)
        let sites = BenchTerrain.scatteredSites(terrain, count: count, rng: &rng)
        let settings = SweepSettings(radiusM: radiusKm * 1000, rxHeightM: 1.5)
        let p1812 = P1812AreaSettings(frequencyGHz: 1.8, rxHeightM: 1.5, deltaN: TropicalDefaults.deltaN, n0: TropicalDefaults.n0)
        let model = CoverageModel.signal(.p1812(p1812), ServiceThresholds())
        var grids: CoverageGrids?
        // One timed run for a thousand towers (tens of minutes on 2 cores), three otherwise.
        let runs = Timing.measure(repetitions: mode == .quick || count >= 1000 ? 1 : 3) {
            grids = CoverageEngine.run(terrain: terrain, sites: sites, settings: settings, model: model, threads: threads)
        }
        // Self-check on a sample of cells: recompute 3 random towers alone and verify the
        // combined best is at least their value and the count at least their serving.
        var violations = 0
        for k in 0..<3 {
            let site = sites[Int(rng.nextUnit() * Double(count))]
            let alone = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: model, threads: threads)
            for _ in 0..<2000 {
                let i = Int(rng.nextUnit() * Double(terrain.grid.cellCount))
                guard alone.bestTower[i] > 0 else { continue }
                if grids!.bestValue![i] < alone.bestValue![i] { violations += 1 }
                if alone.bestValue![i] >= 0 && grids!.serverCount[i] == 0 { violations += 1 }
            }
            _ = k
        }
        let pairs = Double(count) * Double.pi * pow(radiusKm * 1000 / cellM, 2)
        let median = Timing.median(runs)
        let served = (0..<terrain.grid.cellCount).reduce(0) { grids!.serverCount[$1] > 0 ? $0 + 1 : $0 }
        let servingPairs = (0..<terrain.grid.cellCount).reduce(0) { $0 + Int(grids!.serverCount[$1]) }
        var result = BenchResult(
            name: "p1812-engine-\(count)-towers-\(Int(radiusKm))km-\(Int(sideKm))km-side-\(Int(cellM))m", medianS: median, runsS: runs,
            cellsPerS: pairs / median,
            figures: ["threads": Double(threads), "grid_cells": Double(terrain.grid.cellCount), "tower_cell_pairs": pairs.rounded(),
                      "served_share": Double(served) / Double(terrain.grid.cellCount),
                      "serving_pair_share": Double(servingPairs) / pairs],
            notes: ["generated \(size)×\(size) terrain at \(Int(cellM)) m; engine only; cells/s counts tower–cell pairs within reach"],
            checkPassed: violations == 0, checkDescription: "combined result dominates single-tower runs on sampled cells (\(violations) violations)")
        // The floor is timed for the 1,000-tower runs, the issue's target (it adds about a
        // quarter to their time); the 100-tower runs leave it out to keep the full suite shorter.
        if count >= 1000 {
            WalkFloor.add(to: &result, repetitions: 1, reference: grids!) {
                P1812WalkFloor.run(terrain: terrain, sites: sites, settings: settings, p1812: p1812, thresholds: ServiceThresholds(), threads: threads)
            }
        }
        return result
    }
}

/// The cost floor of a P.1812 run (``P1812WalkFloor``: the same sweep without the per-cell
/// model), added to a benchmark's figures as `walk_floor_s` and its share of the run.
enum WalkFloor {
    /// Times `floor` and checks that it reached exactly the cells `reference` (the P.1812 run)
    /// did: the same sweep, so a bound on it.
    static func add(to result: inout BenchResult, repetitions: Int, reference: CoverageGrids, floor: () -> CoverageGrids) {
        var grids: CoverageGrids?
        let runs = Timing.measure(repetitions: repetitions, prepare: { grids = nil }) { grids = floor() }
        let median = Timing.median(runs)
        var mismatches = 0
        for i in 0..<reference.grid.cellCount where (reference.bestTower[i] > 0) != (grids!.bestTower[i] > 0) { mismatches += 1 }
        result.figures["walk_floor_s"] = median
        result.figures["walk_floor_share"] = median / result.medianS
        result.checkPassed = result.checkPassed && mismatches == 0
        result.checkDescription += "; the walk floor reaches the same cells (\(mismatches) differ)"
    }
}
