import Foundation
import Testing
@testable import BlankSpotCore

/// The points the sweep hands a model next to each receiver (``NearProfile``) are meant to be
/// the last points of the exact grid line to that receiver. The reference is ``GridProfile``,
/// which samples that line with integer floor division; the sweep tracks the same position
/// incrementally, so the two must agree bit for bit, for every receiver cell of the disc.
@Suite struct NearProfileTests {
    /// Collects disagreements (the sweep calls the probe from one thread here).
    final class Findings: @unchecked Sendable {
        var cells = 0
        var pointsChecked = 0
        var mismatches: [String] = []
    }

    /// A model that evaluates nothing: it checks every near profile against ``GridProfile``.
    struct NearProbe: RayProfileModel {
        static let exactNearSamples = 16
        let terrain: TerrainRaster
        let site: GridSite
        let findings: Findings

        mutating func beginRay(stepM: Double) {}
        mutating func addSample(heightM: Double, distanceM: Double, inverseDistance: Double) {}
        func ownCellValue(groundM: Double) -> Float { 0 }

        func receiverValue(groundM: Double, distanceM: Double, dCol: Int, dRow: Int, near: NearProfile,
                           irrelevantBelow: Float) -> Float {
            findings.cells += 1
            let profile = GridProfile(terrain: terrain, fromCol: site.col, fromRow: site.row,
                                      toCol: site.col + dCol, toRow: site.row + dRow)!
            let steps = profile.distancesM.count - 1   // intermediate samples are 1..<steps
            let expectedCount = min(Self.exactNearSamples, steps - 1)
            if near.count != expectedCount {
                findings.mismatches.append("(\(dCol), \(dRow)): \(near.count) near points, expected \(expectedCount)")
                return 0
            }
            // The points as a model's single pass reads them.
            var distancesM: [Double] = [], heightsM: [Double] = [], inverseD: [Double] = [], inverseU: [Double] = []
            near.forEachPoint { _, d, h, invD, invU in
                distancesM.append(d); heightsM.append(h); inverseD.append(invD); inverseU.append(invU)
            }
            func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
            for k in 0..<near.count {
                let j = steps - near.count + k
                if !same(heightsM[k], profile.heightsM[j]) || distancesM[k] != profile.distancesM[j] {
                    findings.mismatches.append("(\(dCol), \(dRow)) point \(j): sweep (\(distancesM[k]), \(heightsM[k])), exact line (\(profile.distancesM[j]), \(profile.heightsM[j]))")
                }
                // One point at a time (what ITM reads) gives the same point.
                if !same(near.heightM(k), heightsM[k]) || near.distanceM(k) != distancesM[k]
                    || near.inverseDistancePerKm(k) != inverseD[k] || near.inverseRemainingPerKm(k) != inverseU[k] {
                    findings.mismatches.append("(\(dCol), \(dRow)) point \(j): random access differs from the pass")
                }
                // The reciprocals come from a 1/j table (times 1000/step) instead of dividing;
                // the receiver's distance √(i² + m²)·cell equals i·step up to rounding, so
                // they agree with direct division to a few units in the last place: 1e-12.
                let dKm = profile.distancesM[j] / 1000, toRxKm = (profile.distancesM[steps] - profile.distancesM[j]) / 1000
                if abs(inverseD[k] * dKm - 1) > 1e-12 || abs(inverseU[k] * toRxKm - 1) > 1e-12 {
                    findings.mismatches.append("(\(dCol), \(dRow)) point \(j): reciprocals \(inverseD[k]), \(inverseU[k]) for \(dKm) km, \(toRxKm) km")
                }
                findings.pointsChecked += 1
            }
            return 0
        }
    }

    /// Towers in the middle and near two edges (rays cut short by the grid), rays at one and two
    /// per perimeter cell, rugged terrain with a hole of no data.
    @Test(arguments: [(60, 60, 1), (60, 60, 2), (8, 100, 2), (115, 5, 1)])
    func nearPointsAreTheExactLinesLastPoints(col: Int, row: Int, subdivision: Int) {
        let size = 121
        var terrain = TestTerrains.fractal(size: size, cellM: 30, seed: 11, reliefM: 200, persistence: 0.6)
        var heights = terrain.heightsM
        for r in 30..<36 { for c in 80..<90 { heights[r * size + c] = .nan } }
        terrain = TerrainRaster(grid: terrain.grid, heightsM: heights)
        let site = TestTerrains.site(terrain, col: col, row: row, heightM: 30)
        var settings = SweepSettings(radiusM: 1_650, rxHeightM: 1.5)
        settings.raySubdivision = subdivision
        let findings = Findings()
        _ = CoverageEngine.rays(GridMergeRunner(threads: 1, progress: nil), terrain: terrain, sites: [site], settings: settings) { s in
            NearProbe(terrain: terrain, site: s, findings: findings)
        }
        #expect(findings.mismatches.isEmpty, "\(findings.mismatches.count) mismatches, first: \(findings.mismatches.prefix(3))")
        #expect(findings.cells > 2_000, "receivers checked: \(findings.cells)")
        #expect(findings.pointsChecked > 20_000)
    }
}
