import Foundation
import Testing
@testable import BlankSpotCore

/// With many towers the P.1812 sweep rules a receiver out before sampling its near points when
/// a lower bound of the loss, from the committed ray samples alone, shows that the tower's value
/// there is below what could matter (``P1812RayModel/isSurelyBelow(_:groundM:distanceM:dCol:dRow:nearFromM:nearToM:nearCount:)``).
/// The oracle is the sweep's own full evaluation of the same cell, near points included: the
/// bound must never claim that a value lies below a level it reaches, and each of its terms
/// must stay at or below the term the full evaluation computes.
@Suite struct EarlyBoundTests {
    final class Findings: @unchecked Sendable {
        var cells = 0
        var provenTenAbove = 0
        var provenThreeAbove = 0
        var termsCompared = 0
        var violations: [String] = []
    }

    /// Evaluates every cell in full, and asks the early bound about levels around the result.
    struct BoundProbe: RayProfileModel {
        static let exactNearSamples = P1812RayModel.exactNearSamples
        var inner: P1812RayModel
        let findings: Findings

        mutating func beginRay(stepM: Double) { inner.beginRay(stepM: stepM) }
        mutating func addSample(heightM: Double, distanceM: Double, inverseDistance: Double) {
            inner.addSample(heightM: heightM, distanceM: distanceM, inverseDistance: inverseDistance)
        }
        func ownCellValue(groundM: Double) -> Float { inner.ownCellValue(groundM: groundM) }
        var reachM: Double { inner.reachM }

        func receiverValue(groundM: Double, distanceM: Double, dCol: Int, dRow: Int, near: NearProfile,
                           irrelevantBelow: Float) -> Float {
            let value = inner.receiverValue(groundM: groundM, distanceM: distanceM, dCol: dCol, dRow: dRow, near: near,
                                            irrelevantBelow: -.infinity)
            guard value.isFinite, near.count > 0 else { return value }
            func proves(_ level: Float) -> Bool {
                inner.isSurelyBelow(level, groundM: groundM, distanceM: distanceM, dCol: dCol, dRow: dRow,
                                    nearFromM: near.distanceM(0), nearToM: near.distanceM(near.count - 1), nearCount: near.count)
            }
            findings.cells += 1
            // Each term's bound against the term the full evaluation uses (same formulas, so
            // only rounding separates equal cases: 1e-9 dB).
            if let e = inner.earlyPath(groundM: groundM, distanceM: distanceM, nearFromM: near.distanceM(0),
                                       nearToM: near.distanceM(near.count - 1)) {
                let points = P1812RayModel.NearPoints(near, curvaturePerKm: inner.curvaturePerKm, txAltitudeM: inner.txAltitudeM,
                                                      rxAltitudeM: e.hrsM, pathKm: distanceM / 1000)
                let full = P1812HorizonTerms(summary: inner.pathSummary(d: distanceM / 1000, hn: groundM, hrs: e.hrsM, near: points),
                                             constants: inner.constants)
                let pairs = [("Lbs", inner.troposcatterLowerBoundDB(e), full.lbs),
                             ("ducting floor", inner.ductingLowerBoundDB(e, enough: .infinity), full.ductingFloor),
                             ("Lbulla", inner.bullingtonLowerBoundDB(e), full.lbulla),
                             ("Lbfs", e.lbfs, full.lbfs)]
                for (name, bound, term) in pairs where bound > term + 1e-9 {
                    findings.violations.append("(\(dCol), \(dRow)): \(name) bound \(bound) dB above the term \(term) dB")
                }
                findings.termsCompared += 1
            }
            // 0.001 dB under the value: far above the bound's rounding (about 1e-12 dB) and the
            // Float rounding of the value (under 1e-5 dB), far below any modelling slack.
            if proves(value - 0.001) {
                findings.violations.append("(\(dCol), \(dRow)): value \(value) dB, bound claims below \(value - 0.001)")
            }
            if proves(value + 10) { findings.provenTenAbove += 1 }
            if proves(value + 3) { findings.provenThreeAbove += 1 }
            return value
        }
    }

    /// Rugged terrain (deep shadows, horizons close to the receivers) at 30 m and 90 m cells,
    /// towers on low and high ground.
    @Test(arguments: [(30.0, 150, 150, 11 as UInt64), (30.0, 40, 200, 12), (90.0, 150, 150, 13)])
    func neverClaimsAValueBelowWhatItReaches(cellM: Double, col: Int, row: Int, seed: UInt64) {
        let terrain = TestTerrains.fractal(size: 301, cellM: cellM, seed: seed, reliefM: 250, persistence: 0.62)
        let site = TestTerrains.site(terrain, col: col, row: row, heightM: 25)
        let settings = SweepSettings(radiusM: 140 * cellM, rxHeightM: 1.5, raySubdivision: 2)
        let area = P1812AreaSettings(frequencyGHz: 1.8, rxHeightM: 1.5, deltaN: TropicalDefaults.deltaN, n0: TropicalDefaults.n0)
        let climate = P1812InlandClimateTable(maxPathKm: settings.radiusM / 1000 + 1)
        let findings = Findings()
        _ = CoverageEngine.rays(GridMergeRunner(threads: 1, progress: nil), terrain: terrain, sites: [site], settings: settings) { s in
            BoundProbe(inner: P1812RayModel(site: s, budget: LinkBudget(site: s, thresholds: ServiceThresholds()), settings: area,
                                            cellSizeM: cellM, climate: climate, maxSamples: 142),
                       findings: findings)
        }
        print("early bound, \(Int(cellM)) m, tower (\(col), \(row)): \(findings.cells) cells, \(findings.termsCompared) with terms compared; proven 10 dB above the value at \(findings.provenTenAbove), 3 dB above at \(findings.provenThreeAbove)")
        #expect(findings.violations.isEmpty, "\(findings.violations.count) violations, first: \(findings.violations.prefix(3))")
        #expect(findings.cells > 5_000)
        #expect(findings.termsCompared > findings.cells / 4)
        // Not vacuous: in this terrain the bound comes within 10 dB of the loss at many cells.
        #expect(findings.provenTenAbove > findings.cells / 10)
    }
}
