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

    /// Two towers (a valley town and a ridge), 25 km radius, 1,000 random cells each.
    @Test(arguments: [
        Case(lon: -71.1731, lat: 44.3878, heightM: 35, frequencyMHz: 1800, timePercent: 50),
        Case(lon: -71.6987, lat: 44.1565, heightM: 20, frequencyMHz: 900, timePercent: 50),
    ])
    func sweepMatchesPointToPoint(_ c: Case) throws {
        let oracle = try SweepOracle(lon: c.lon, lat: c.lat, heightM: c.heightM, frequencyMHz: c.frequencyMHz, radiusM: 25_000)
        let settings = SweepSettings(radiusM: oracle.radiusM, rxHeightM: 1.5)
        let area1812 = P1812AreaSettings(frequencyGHz: c.frequencyMHz / 1000, timePercent: c.timePercent, rxHeightM: 1.5,
                                         deltaN: TropicalDefaults.deltaN, n0: TropicalDefaults.n0)
        let thresholds = ServiceThresholds()
        let grids = CoverageEngine.run(terrain: oracle.terrain, sites: [oracle.site], settings: settings,
                                       model: .signal(.p1812(area1812), thresholds), threads: 2)
        let budget = LinkBudget(site: oracle.site, thresholds: thresholds)
        var diffs: [Double] = []
        for s in oracle.samples(1000, from: grids) {
            let g = oracle.terrain.grid
            let rx = SweepOracle.crs.unproject(points: [(g.centreXM(col: oracle.site.col + s.dCol), g.centreYM(row: oracle.site.row + s.dRow))])[0]!
            let link = P1812Link(frequencyGHz: c.frequencyMHz / 1000, timePercent: c.timePercent, txLatDeg: c.lat, txLonDeg: c.lon,
                                 rxLatDeg: rx.latDeg, rxLonDeg: rx.lonDeg, txHeightM: c.heightM, rxHeightM: 1.5,
                                 deltaN: TropicalDefaults.deltaN, n0: TropicalDefaults.n0)
            let ptp = try P1812.predict(link: link, profile: P1812Profile(distancesKm: s.profile.distancesM.map { $0 / 1000 }, heightsM: s.profile.heightsM))
            let expected = budget.marginDB(lossDB: ptp.basicTransmissionLossDB, dCol: s.dCol, dRow: s.dRow, distanceM: s.profile.distancesM.last!,
                                           rxAltitudeM: s.profile.heightsM.last! + 1.5)
            diffs.append(Double(s.swept - expected))
        }
        let r = SweepOracle.summary(diffs, tolerance: 0.5)
        print("\(c): median |Δ| \(r.median) dB, 90th \(r.p90) dB, 99th \(r.p99) dB, max \(r.max) dB, within 0.5 dB \(r.within)")
        #expect(r.within >= 0.99)
    }
}
