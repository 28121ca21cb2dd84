import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

/// The sweep's per-cell P.1812 against the point-to-point P.1812 (validated on the ITU vectors)
/// on the exact grid profile to each cell, over the real SRTM tile.
@Suite struct P1812SweepTests {
    struct Case: Sendable, CustomStringConvertible {
        var lon: Double, lat: Double, heightM: Double, frequencyMHz: Double, timePercent: Double
        var description: String { "tower at \(lon), \(lat), \(frequencyMHz) MHz, p \(timePercent) %" }
    }

    static let crs = try! AnalysisCRS(userInput: "EPSG:32619")

    /// Two towers (a valley town and a ridge), 25 km radius, 1,000 random cells each.
    @Test(arguments: [
        Case(lon: -71.1731, lat: 44.3878, heightM: 35, frequencyMHz: 1800, timePercent: 50),
        Case(lon: -71.6987, lat: 44.1565, heightM: 20, frequencyMHz: 900, timePercent: 50),
    ])
    func sweepMatchesPointToPoint(_ c: Case) throws {
        let p = Self.crs.project(lonLat: [(c.lon, c.lat)])[0]!
        let radiusM = 25_000.0
        let area = ProjectedExtent(points: [p], marginM: radiusM + 500)!
        let (terrain, _) = try TerrainLoader.load(demPaths: [Fixtures.whiteMountainsTile], crs: Self.crs, area: area, resolutionM: 90)
        let cell = terrain.grid.cell(containingXM: p.xM, yM: p.yM)!
        let tower = Tower(id: "T", lonDeg: c.lon, latDeg: c.lat, heightM: c.heightM, eirpDBm: 50, frequencyMHz: c.frequencyMHz,
                          azimuthDeg: nil, beamwidthDeg: 65, tiltDeg: 0, technology: .lte, origin: "test")
        let site = GridSite(index: 0, col: cell.col, row: cell.row, groundM: Double(terrain.heightM(col: cell.col, row: cell.row)),
                            tower: tower, xM: p.xM, yM: p.yM)
        let settings = SweepSettings(radiusM: radiusM, rxHeightM: 1.5)
        let area1812 = P1812AreaSettings(frequencyGHz: c.frequencyMHz / 1000, timePercent: c.timePercent, rxHeightM: 1.5,
                                         deltaN: TropicalDefaults.deltaN, n0: TropicalDefaults.n0)
        let thresholds = ServiceThresholds()
        let grids = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings,
                                       model: .signal(.p1812(area1812), thresholds), threads: 2)
        let budget = LinkBudget(site: site, thresholds: thresholds)

        var rng = SplitMix64(seed: 2026)
        var diffs: [Double] = []
        let rCells = radiusM / terrain.grid.cellSizeM
        while diffs.count < 1000 {
            let dc = Int((rng.nextUnit() * 2 - 1) * rCells), dr = Int((rng.nextUnit() * 2 - 1) * rCells)
            guard max(abs(dc), abs(dr)) >= 2, Double(dc * dc + dr * dr) <= rCells * rCells else { continue }
            let col = cell.col + dc, row = cell.row + dr
            guard col >= 0, row >= 0, col < terrain.grid.width, row < terrain.grid.height else { continue }
            let swept = grids.bestValue[row * terrain.grid.width + col]
            guard grids.bestIndex[row * terrain.grid.width + col] == 0 else { continue }
            let profile = GridProfile(terrain: terrain, fromCol: cell.col, fromRow: cell.row, toCol: col, toRow: row)!
            guard !profile.heightsM.contains(where: { $0.isNaN }) else { continue }
            let rx = Self.crs.unproject(points: [(terrain.grid.centreXM(col: col), terrain.grid.centreYM(row: row))])[0]!
            let link = P1812Link(frequencyGHz: c.frequencyMHz / 1000, timePercent: c.timePercent, txLatDeg: c.lat, txLonDeg: c.lon,
                                 rxLatDeg: rx.latDeg, rxLonDeg: rx.lonDeg, txHeightM: c.heightM, rxHeightM: 1.5,
                                 deltaN: TropicalDefaults.deltaN, n0: TropicalDefaults.n0)
            let ptp = try P1812.predict(link: link, profile: P1812Profile(distancesKm: profile.distancesM.map { $0 / 1000 }, heightsM: profile.heightsM))
            let expected = budget.marginDB(lossDB: ptp.basicTransmissionLossDB, dCol: dc, dRow: dr, distanceM: profile.distancesM.last!,
                                           rxAltitudeM: profile.heightsM.last! + 1.5)
            diffs.append(Double(swept - expected))
        }
        let abs = diffs.map { Swift.abs($0) }.sorted()
        let within = Double(abs.filter { $0 <= 0.5 }.count) / Double(abs.count)
        print("\(c): median |Δ| \(abs[abs.count / 2]) dB, 90th \(abs[abs.count * 9 / 10]) dB, 99th \(abs[abs.count * 99 / 100]) dB, max \(abs.last!) dB, within 0.5 dB \(within)")
        #expect(within >= 0.99)
    }
}
