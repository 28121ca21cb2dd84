import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// ITM in the sweep: its cost, and its maps beside P.1812's on real terrain.
enum ITMBenchmarks {
    /// One tower (Gorham, a valley town; 35 m, 1800 MHz LTE), 30 km, on the real SRTM tile at its
    /// native 3″ (about 78 m in UTM 19N): ITM and P.1812 maps, engine time for each, and their
    /// difference in basic loss over the cells both reach (ITM − P.1812; the link budget is the
    /// same, so it is the difference of the margins). Checked: ITM's swept value within 0.5 dB of
    /// the point-to-point ITM on the exact profile for at least 97 % of 300 random cells.
    static func againstP1812(mode: BenchMode) throws -> BenchResult {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let crs = try AnalysisCRS(userInput: "EPSG:32619")
        let (lon, lat) = (-71.1731, 44.3878)
        let p = crs.project(lonLat: [(lon, lat)])[0]!
        let radiusM = 30_000.0
        let (terrain, _) = try TerrainLoader.load(demPaths: [Paths.whiteMountainsTile], crs: crs,
                                                  area: ProjectedExtent(points: [p], marginM: radiusM + 500)!, resolutionM: nil)
        let cell = terrain.grid.cell(containingXM: p.xM, yM: p.yM)!
        let tower = Tower(id: "GORHAM", lonDeg: lon, latDeg: lat, heightM: 35, eirpDBm: 29.2, frequencyMHz: 1800, azimuthDeg: nil,
                          beamwidthDeg: 65, tiltDeg: 0, technology: .lte, origin: "bench")
        let site = GridSite(index: 0, col: cell.col, row: cell.row, groundM: Double(terrain.heightM(col: cell.col, row: cell.row)),
                            tower: tower, xM: p.xM, yM: p.yM)
        let settings = SweepSettings(radiusM: radiusM, rxHeightM: 1.5)
        let thresholds = ServiceThresholds()
        let p1812Model = CoverageModel.signal(.p1812(P1812AreaSettings(frequencyGHz: 1.8, rxHeightM: 1.5, deltaN: TropicalDefaults.deltaN,
                                                                       n0: TropicalDefaults.n0)), thresholds)
        let itmModel = CoverageModel.signal(.itm(ITMCoverageSettings()), thresholds)
        var itm: CoverageGrids?, p1812: CoverageGrids?
        let reps = mode == .quick ? 1 : 3
        let itmRuns = Timing.measure(repetitions: reps) {
            itm = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: itmModel, threads: threads)
        }
        let p1812Runs = Timing.measure(repetitions: reps) {
            p1812 = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: p1812Model, threads: threads)
        }
        // ITM − P.1812 loss = P.1812 margin − ITM margin, over cells both evaluated.
        var diffs: [Double] = []
        var evaluated = 0
        for i in 0..<terrain.grid.cellCount {
            let a = itm!.bestValue![i], b = p1812!.bestValue![i]
            guard a.isFinite, b.isFinite else { continue }
            diffs.append(Double(b - a))
            evaluated += 1
        }
        let sorted = diffs.sorted(), sortedAbs = diffs.map(abs).sorted()
        func q(_ a: [Double], _ f: Double) -> Double { a.isEmpty ? .nan : a[min(a.count - 1, Int(f * Double(a.count - 1)))] }
        let itmServed = (0..<terrain.grid.cellCount).filter { itm!.bestValue![$0] >= 0 }.count
        let p1812Served = (0..<terrain.grid.cellCount).filter { p1812!.bestValue![$0] >= 0 }.count

        // Self-check: swept ITM against point-to-point ITM on exact profiles.
        let share = try PointToPointCheck.shareWithin(0.5, count: 300, seed: 11, terrain: terrain, site: site, radiusM: radiusM,
                                                      rxHeightM: 1.5, grids: itm!) { try itmLossDB($0, txHeightM: 35) }
        let itmS = Timing.median(itmRuns), p1812S = Timing.median(p1812Runs)
        return BenchResult(
            name: "itm-vs-p1812-1-tower-30km-srtm3", medianS: itmS, runsS: itmRuns, cellsPerS: Double(evaluated) / itmS,
            figures: ["p1812_s": p1812S, "itm_over_p1812_time": itmS / p1812S, "cells_compared": Double(evaluated),
                      "cell_size_m": terrain.grid.cellSizeM, "loss_difference_median_db": q(sorted, 0.5),
                      "loss_difference_p10_db": q(sorted, 0.1), "loss_difference_p90_db": q(sorted, 0.9),
                      "loss_difference_median_abs_db": q(sortedAbs, 0.5), "loss_difference_p90_abs_db": q(sortedAbs, 0.9),
                      "itm_served_cells": Double(itmServed), "p1812_served_cells": Double(p1812Served),
                      "itm_within_0.5dB_of_point_to_point": share],
            notes: ["real SRTM3 tile N44W072, tower at Gorham NH (35 m, 1800 MHz, EIRP 29.2 dBm, RSRP −110 dBm), 30 km; difference = ITM − P.1812 basic loss; ITM climate 1, N0 375, average ground"],
            checkPassed: share >= 0.97 && evaluated > 100_000,
            checkDescription: "ITM sweep within 0.5 dB of point-to-point ITM on ≥ 97 % of 300 cells (got \(String(format: "%.3f", share))) over > 100,000 compared cells (got \(evaluated))")
    }

    /// One tower, 50 km, 30 m cells, ITM per cell (full mode only: its cost grows with the cube
    /// of the radius). Checked like ``againstP1812(mode:)`` on 200 cells.
    static func oneTower50km(mode: BenchMode) throws -> BenchResult {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let size = 3400
        let terrain = BenchTerrain.hills(size: size, cellM: 30, threads: threads)
        let site = BenchTerrain.site(terrain, col: size / 2, row: size / 2, heightM: 30, index: 0)
        let settings = SweepSettings(radiusM: 50_000, rxHeightM: 1.5)
        let model = CoverageModel.signal(.itm(ITMCoverageSettings()), ServiceThresholds())
        var grids: CoverageGrids?
        let runs = Timing.measure(repetitions: 1) {
            grids = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: model, threads: threads)
        }
        let share = try PointToPointCheck.shareWithin(0.5, count: 200, seed: 42, terrain: terrain, site: site, radiusM: settings.radiusM,
                                                      rxHeightM: 1.5, grids: grids!) { try itmLossDB($0, txHeightM: 30) }
        return PointToPointCheck.engineResult(name: "itm-engine-1-tower-50km-30m", runs: runs, radiusM: settings.radiusM, threads: threads,
                                              share: share, count: 200, peer: "ITM",
                                              note: "generated 3400×3400 terrain at 30 m; engine only; one run")
    }

    /// Point-to-point ITM (1800 MHz, blankspot's defaults) on an exact grid profile.
    static func itmLossDB(_ profile: GridProfile, txHeightM: Double) throws -> Double {
        try ITM.pointToPoint(elevationsM: profile.heightsM, spacingM: profile.distancesM[1],
                             parameters: ITMParameters(frequencyMHz: 1800, txHeightM: txHeightM, rxHeightM: 1.5),
                             variability: .timeLocationSituation(timePercent: 50, locationPercent: 50, situationPercent: 50)).basicTransmissionLossDB
    }
}
