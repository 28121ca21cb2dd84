import BlankSpotCore
import Foundation
import Synchronization

/// Many towers with land cover: the automatic reach (the default) against a fixed 30 km
/// radius, on the generated hills with a generated land cover of tree cover, rice fields and
/// villages (ESA WorldCover classes and their default clutter). Reports both times, how far the
/// towers were evaluated and what the fixed radius missed.
enum LandCoverReachBenchmarks {
    static func run(count: Int, sideKm: Double, cellM: Double, mode: BenchMode) throws -> BenchResult {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let size = Int(sideKm * 1000 / cellM)
        let bare = BenchTerrain.hills(size: size, cellM: cellM, threads: threads)
        // Tree cover on 60 % of the land, rice fields on 35 %, villages on 5 %, in patches of a
        // few kilometres (seeded noise quantiles, fixed here).
        let noise = FractalNoise(seed: 31, octaves: 5, persistence: 0.55, baseWavelength: 8)
        var codes = [Int32](repeating: 0, count: bare.grid.cellCount)
        for row in 0..<size {
            for col in 0..<size {
                let n = noise.value(x: Double(col) * cellM / 1000, y: Double(row) * cellM / 1000)
                codes[row * size + col] = n > -0.12 ? 10 : n > -0.62 ? 40 : 50
            }
        }
        let landCover = try CellLandCover(codes: codes, noData: -1, table: WorldCoverTable.table, file: "generated")
        let terrain = bare.withLandCover(landCover)
        var rng = SplitMix64(seed: 99)
        let sites = BenchTerrain.scatteredSites(terrain, count: count, rng: &rng)
        let p1812 = P1812AreaSettings(frequencyGHz: 1.8, rxHeightM: 1.5, deltaN: TropicalDefaults.deltaN, n0: TropicalDefaults.n0)
        let model = CoverageModel.signal(.p1812(p1812), ServiceThresholds())
        let fixed = SweepSettings(radiusM: 30_000, rxHeightM: 1.5)
        let auto = try RadiusOption.parse("auto", maxReachKm: AutomaticReach.defaultCapM / 1000, reachScale: 1)
        let automatic = SweepSettings(radiusM: auto.radiusM, rxHeightM: 1.5, automaticReach: auto.automatic)
        var fixedGrids: CoverageGrids?, autoGrids: CoverageGrids?
        let fixedS = Timing.measure(repetitions: 1) {
            fixedGrids = CoverageEngine.run(terrain: terrain, sites: sites, settings: fixed, model: model, threads: threads,
                                            progress: ProgressLine.every(0.1, label: "fixed 30 km"))
        }[0]
        let autoS = Timing.measure(repetitions: 1) {
            autoGrids = CoverageEngine.run(terrain: terrain, sites: sites, settings: automatic, model: model, threads: threads,
                                           progress: ProgressLine.every(0.05, label: "automatic reach"))
        }[0]
        let n = terrain.grid.cellCount
        let fixedServed = (0..<n).reduce(0) { fixedGrids!.serverCount[$1] > 0 ? $0 + 1 : $0 }
        let autoServed = (0..<n).reduce(0) { autoGrids!.serverCount[$1] > 0 ? $0 + 1 : $0 }
        // The automatic reach evaluates each tower at least as far as 30 km, so it serves the
        // cells the fixed radius serves, up to the sweep's ray geometry: the ray fan follows the
        // radius swept, so cells within a fraction of a dB of the threshold can flip (24 of
        // 260,763 on the 100-tower run); at most 0.1 % may.
        let lost = (0..<n).reduce(0) { fixedGrids!.serverCount[$1] > 0 && autoGrids!.serverCount[$1] == 0 ? $0 + 1 : $0 }
        let cutFixed = zip(fixedGrids!.servedExtentM, fixedGrids!.reach).filter { $0.0 >= $0.1.evaluatedM - cellM }.count
        let reaches = autoGrids!.reach.map(\.evaluatedM).sorted()
        let bases = Dictionary(grouping: autoGrids!.reach, by: \.basis.rawValue).mapValues(\.count)
        let served = autoGrids!.servedExtentM.sorted()
        return BenchResult(
            name: "p1812-\(count)-towers-landcover-auto-vs-30km-\(Int(cellM))m", medianS: autoS, runsS: [autoS, fixedS], cellsPerS: nil,
            figures: ["auto_s": autoS, "fixed_30km_s": fixedS, "auto_over_fixed_time": autoS / fixedS,
                      "served_cells_auto": Double(autoServed), "served_cells_fixed_30km": Double(fixedServed),
                      "served_cells_gained_share": Double(autoServed - fixedServed) / Double(max(1, fixedServed)),
                      "towers_cut_fixed_30km": Double(cutFixed), "evaluated_km_median": reaches[reaches.count / 2] / 1000,
                      "served_km_median": served[served.count / 2] / 1000, "served_km_p90": served[Int(Double(served.count - 1) * 0.9)] / 1000,
                      "towers_proof": Double(bases["proof"] ?? 0), "towers_margin": Double(bases["margin"] ?? 0),
                      "towers_cap": Double(bases["cap"] ?? 0), "grid_cells": Double(n), "cells_lost_auto": Double(lost)],
            notes: ["generated \(size)×\(size) hills at \(Int(cellM)) m with generated land cover (tree cover 15 m, rice 1 m, villages 9 m); engine only; \(count) towers, 30 m masts, 4G 1800 MHz"],
            checkPassed: Double(lost) <= 0.001 * Double(fixedServed),
            checkDescription: "cells served with a fixed 30 km are served with the automatic reach: \(lost) of \(fixedServed) not (0.1 % allowed)")
    }
}

/// Progress of a long benchmark on stderr, with the seconds since it began: a run stopped
/// before its end still tells how far it got.
enum ProgressLine {
    /// A progress callback that prints each time the fraction done passes another `step`.
    static func every(_ step: Double, label: String) -> @Sendable (Double) -> Void {
        let start = Date()
        let printed = Mutex(0.0)
        return { fraction in
            let due = printed.withLock { last -> Bool in
                guard fraction >= last + step || (fraction >= 1 && last < 1) else { return false }
                last = fraction
                return true
            }
            if due {
                FileHandle.standardError.write(Data(String(format: "  %@: %.0f %% after %.0f s\n", label, fraction * 100,
                                                           Date().timeIntervalSince(start)).utf8))
            }
        }
    }
}
