import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

/// The receiver's own clutter in the models without a clutter profile, on the real Bungo terrain
/// and 2010 land cover:
/// - ITM: every cell's margin equals the bare-terrain ITM margin less the P.2108-1 §3.1
///   terminal correction A_h of the cell's class (the function checked against NTIA's 22
///   reference rows in P2108VectorTests), computed here from the table, cell by cell;
/// - Hata: every cell's margin equals that of a run with the cell's class's environment
///   everywhere (the fixed-environment Hata is checked in closed form in SignalModelTests).
@Suite struct ReceiverClutterSweepTests {
    static let bungo = P1812ClutterSweepTests.bungo
    static let crs = P1812ClutterSweepTests.crs

    /// A tower on the Muara Bungo plain (rubber, oil palm, settlement and forest around it),
    /// the terrain with the land cover, and the bare terrain.
    static func setting(radiusM: Double) throws -> (TerrainRaster, TerrainRaster, GridSite, LandCoverTable, [Int32]) {
        let (lon, lat) = (102.13235, -1.49127)
        let p = crs.project(lonLat: [(lon, lat)])[0]!
        let area = ProjectedExtent(points: [p], marginM: radiusM + 500)!
        let (bare, _) = try TerrainLoader.load(demPaths: [bungo + "/bungo_elev_srtm.tif"], crs: crs, area: area, resolutionM: nil)
        let table = try LandCoverTable.parse(text: String(contentsOfFile: bungo + "/bungo_landcover_table.csv", encoding: .utf8), file: "table")
        let codes = try LandCoverRaster.load(paths: [bungo + "/bungo_landcover_2010r.tif"], onto: bare.grid)
        let terrain = bare.withLandCover(try CellLandCover(codes: codes, noData: LandCoverRaster.noData, table: table, file: "land cover"))
        let cell = bare.grid.cell(containingXM: p.xM, yM: p.yM)!
        let tower = Tower(id: "T", lonDeg: lon, latDeg: lat, heightM: 42, eirpDBm: 50, frequencyMHz: 1800,
                          azimuthDeg: nil, beamwidthDeg: 65, tiltDeg: 0, technology: .lte, origin: "test")
        let site = GridSite(index: 0, col: cell.col, row: cell.row, groundM: Double(bare.heightM(col: cell.col, row: cell.row)),
                            tower: tower, xM: p.xM, yM: p.yM)
        return (terrain, bare, site, table, codes)
    }

    static func lookup(_ table: LandCoverTable, _ code: Int32) -> LandCoverClass {
        code == LandCoverRaster.noData ? table.fallback : table.lookup(Int(code))
    }

    @Test func itmTakesTheP2108TerminalCorrection() throws {
        let (terrain, bare, site, table, codes) = try Self.setting(radiusM: 6_000)
        let settings = SweepSettings(radiusM: 6_000, rxHeightM: 1.5)
        let itm = ITMCoverageSettings()
        let model = CoverageModel.signal(.itm(itm), ServiceThresholds())
        let withClutter = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: model, threads: 2)
        let without = CoverageEngine.run(terrain: bare, sites: [site], settings: settings, model: model, threads: 2)
        var compared = 0, corrected = 0
        var lossOfCode: [Int32: Double] = [:]
        for i in 0..<terrain.grid.cellCount {
            let c = Self.lookup(table, codes[i])
            let ah = try lossOfCode[codes[i]] ?? (c.clutterHeightM > 1.5
                ? P2108.heightGainCorrectionDB(frequencyGHz: 1.8, heightM: 1.5, clutterHeightM: c.clutterHeightM, type: c.p2108Type) : 0)
            lossOfCode[codes[i]] = ah
            let v = withClutter.bestValue![i], b = without.bestValue![i]
            // Served with clutter ⇒ served without, by exactly A_h more (0.01 dB: Float32 margins).
            if v >= 0 {
                #expect(abs(Double(b - v) - ah) < 0.01, "cell \(i): bare \(b), clutter \(v), A_h \(ah)")
                compared += 1
                if ah > 1 { corrected += 1 }
            } else if b.isFinite && Double(b) - ah > 0.01 {
                Issue.record("cell \(i): served by \(Double(b) - ah) dB after A_h \(ah), but not in the clutter run (\(v))")
            }
        }
        print("ITM with receiver clutter: \(compared) served cells compared, \(corrected) with A_h > 1 dB; A_h by code \(lossOfCode.sorted { $0.key < $1.key })")
        #expect(compared > 1000 && corrected > 500)
    }

    @Test func hataTakesEachCellsEnvironment() throws {
        let (terrain, _, site, table, codes) = try Self.setting(radiusM: 10_000)
        let settings = SweepSettings(radiusM: 10_000, rxHeightM: 1.5)
        let thresholds = ServiceThresholds()
        let perCell = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: .signal(.hata(nil), thresholds), threads: 2)
        var fixed: [Hata.Environment: CoverageGrids] = [:]
        for e in Hata.Environment.allCases {
            fixed[e] = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: .signal(.hata(e), thresholds), threads: 1)
        }
        var counts: [Hata.Environment: Int] = [:]
        for i in 0..<terrain.grid.cellCount {
            let e = Self.lookup(table, codes[i]).hataEnvironment
            let v = perCell.bestValue![i], w = fixed[e]!.bestValue![i]
            #expect(v == w || (v.isInfinite && w.isInfinite), "cell \(i): \(v), \(e) everywhere \(w)")
            if v >= 0 { counts[e, default: 0] += 1 }
        }
        print("Hata per cell: served cells by environment \(counts)")
        #expect(counts.count >= 2, "the window mixes environments")
    }
}
