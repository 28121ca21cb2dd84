import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

/// The automatic reach's proof (``P1812RayModel``'s `isSpent`) stops a ray only where nothing
/// farther on it can be served. The oracle is the same sweep without the proof: a fixed-radius
/// run at the radius the automatic run accepted uses the same ray fan and walks every ray to
/// the end, so every cell it finds served must be served by the automatic run with the same
/// value, and nothing else. On the real Bungo terrain with its real 2010 land cover as clutter,
/// for towers of 20 dBm EIRP (free-space reach 42 km) under a 40 km cap: the proof stops 35 %
/// of the hill tower's cells and 3 % of the plain tower's before the cap.
@Suite struct AutomaticReachProofTests {
    static let bungo = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data/bungo").path
    static let crs = try! AnalysisCRS(userInput: "EPSG:32748")

    struct Case: Sendable, CustomStringConvertible {
        var lon: Double, lat: Double, heightM: Double
        var description: String { "Bungo tower at \(lon), \(lat), \(heightM) m" }
    }

    @Test(arguments: [
        Case(lon: 102.13235, lat: -1.49127, heightM: 42),   // Muara Bungo: plain, rubber and oil palm
        Case(lon: 101.82592, lat: -1.72748, heightM: 30),   // the south-western hills, forest
    ])
    func proofNeverStopsBeforeAServedCell(_ c: Case) throws {
        let capM = 40_000.0
        let p = Self.crs.project(lonLat: [(c.lon, c.lat)])[0]!
        let area = ProjectedExtent(points: [p], marginM: capM + 500)!
        let (bare, _) = try TerrainLoader.load(demPaths: [Self.bungo + "/bungo_elev_srtm.tif"], crs: Self.crs, area: area, resolutionM: nil)
        let table = try LandCoverTable.parse(text: String(contentsOfFile: Self.bungo + "/bungo_landcover_table.csv", encoding: .utf8), file: "table")
        let codes = try LandCoverRaster.load(paths: [Self.bungo + "/bungo_landcover_2010r.tif"], onto: bare.grid)
        let terrain = bare.withClutter(codes.map { Float(table.lookup(Int($0)).clutterHeightM) })

        let cell = terrain.grid.cell(containingXM: p.xM, yM: p.yM)!
        let tower = Tower(id: "T", lonDeg: c.lon, latDeg: c.lat, heightM: c.heightM, eirpDBm: 20, frequencyMHz: 1800,
                          azimuthDeg: nil, beamwidthDeg: 65, tiltDeg: 0, technology: .lte, origin: "test")
        let site = GridSite(index: 0, col: cell.col, row: cell.row, groundM: Double(terrain.heightM(col: cell.col, row: cell.row)),
                            tower: tower, xM: p.xM, yM: p.yM)
        let area1812 = P1812AreaSettings(frequencyGHz: 1.8, timePercent: 50, rxHeightM: 1.5, deltaN: TropicalDefaults.deltaN, n0: TropicalDefaults.n0)
        let model = CoverageModel.signal(.p1812(area1812), ServiceThresholds())
        let rule = AutomaticReach()
        let auto = CoverageEngine.run(terrain: terrain, sites: [site], settings: SweepSettings(radiusM: capM, automaticReach: rule),
                                      model: model, threads: 2)
        let reach = try #require(auto.reach.first)
        // The rung accepted: the first at or beyond the evaluated reach.
        let rungM = try #require(rule.ladderM(capM: capM).first { $0 >= reach.evaluatedM - 1e-6 })
        let fixed = CoverageEngine.run(terrain: terrain, sites: [site], settings: SweepSettings(radiusM: rungM), model: model, threads: 2)

        var served = 0, mismatches = 0, farthestM = 0.0, autoEvaluated = 0, fixedEvaluated = 0
        let g = terrain.grid
        for i in 0..<g.cellCount {
            let a = auto.bestValue![i], f = fixed.bestValue![i]
            let aServed = auto.bestIndex(at: i) == 0 && a >= 0, fServed = fixed.bestIndex(at: i) == 0 && f >= 0
            if fServed {
                served += 1
                let dc = Double(i % g.width - site.col), dr = Double(i / g.width - site.row)
                farthestM = max(farthestM, (dc * dc + dr * dr).squareRoot() * g.cellSizeM)
            }
            if aServed != fServed || (fServed && a != f) { mismatches += 1 }
            if a.isFinite { autoEvaluated += 1 }
            if f.isFinite { fixedEvaluated += 1 }
        }
        print("\(c): \(reach.basis) at \(reach.evaluatedM / 1000) km (rung \(rungM / 1000) km); \(served) cells served, farthest \(Int(farthestM)) m; "
              + "cells evaluated \(autoEvaluated) of \(fixedEvaluated)")
        #expect(served > 1000)
        #expect(autoEvaluated < fixedEvaluated, "the proof stopped some rays early")
        #expect(mismatches == 0, "\(mismatches) of \(served) served cells differ")
        #expect(auto.serverCount.withUnsafeBufferPointer { Array($0) } == fixed.serverCount.withUnsafeBufferPointer { Array($0) })
    }
}
