@testable import BlankSpotCore
import Foundation
import Testing

/// ``P1812RayModel/NearPoints`` (two passes, the maxima four lanes at a time, missing points
/// found from the sum) against a plain scalar loop over the same exact-line points read one at
/// a time (``NearProfile/heightM(_:)``), on rugged terrain with holes of no data.
@Suite struct NearPointsTests {
    @Test func equalsAScalarPassOverThePoints() {
        let size = 64, cellM = 30.0
        var terrain = TestTerrains.fractal(size: size, cellM: cellM, seed: 77, reliefM: 200, persistence: 0.6)
        var heights = terrain.heightsM
        for (c, r) in [(20, 30), (21, 30), (33, 35), (45, 20), (50, 41)] { heights[r * size + c] = .nan }
        terrain = TerrainRaster(grid: terrain.grid, heightsM: heights)
        let origin = (col: 2, row: 31), k = 500 / 8_500.0, hts = 330.0
        let inverseSteps = (0...size).map { $0 == 0 ? 0 : 1 / Double($0) }
        var checked = 0, withHoles = 0
        terrain.heightsM.withUnsafeBufferPointer { h in
            inverseSteps.withUnsafeBufferPointer { inv in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: NearProfile.scratchPerSample * 16) { scratch in
                    for i in 2...58 {
                        for m in -min(i, 30)...min(i, 30) {
                            let count = min(16, i - 1)
                            let spacingM = cellM * (1 + Double(m * m) / Double(i * i)).squareRoot()
                            let near = NearProfile(count: count, receiverStep: i, minorOffset: m, spacingM: spacingM,
                                                   originBase: origin.row * size + origin.col, majorStep: 1, minorUnit: size,
                                                   heights: h.baseAddress!, inverseSteps: inv.baseAddress!, scratch: scratch.baseAddress!)
                            let rxGround = Double(h[(origin.row + m) * size + origin.col + i])
                            guard !rxGround.isNaN else { continue }
                            let hrs = rxGround + 1.5, d = Double(i) * spacingM / 1000
                            let points = P1812RayModel.NearPoints(near, curvaturePerKm: k, txAltitudeM: hts, rxAltitudeM: hrs, pathKm: d)

                            // The scalar reference, the same expressions one point at a time.
                            let zrx = hrs - k * d * d, s = (hrs - hts) / d
                            var n = 0, maxSlope = -Double.infinity, maxSlopeKm = 0.0, tangent = -Double.infinity, tangentKm = 0.0
                            var top = -Double.infinity, rx = -Double.infinity, tx = -Double.infinity
                            var fit = SmoothEarthFit(), reference = SmoothEarthFit()
                            for j in 0..<count {
                                let hj = near.heightM(j)
                                guard !hj.isNaN else { continue }
                                let dj = near.distanceM(j) * 0.001, zj = hj - k * dj * dj
                                let invD = near.inverseDistancePerKm(j), invU = near.inverseRemainingPerKm(j)
                                if (zj - hts) * invD > maxSlope { maxSlope = (zj - hts) * invD; maxSlopeKm = dj }
                                if (zj - zrx) * invU > tangent { tangent = (zj - zrx) * invU; tangentKm = dj }
                                top = max(top, hj - s * dj)
                                rx = max(rx, (hj - hrs) * invU)
                                tx = max(tx, (hj - hts) * invD)
                                reference.append(distanceKm: dj, heightM: hj)
                                n += 1
                            }
                            points.append(to: &fit)
                            #expect(points.count == n)
                            #expect(points.isEvenRun == (n == count))
                            #expect(points.maxFlatSlope == maxSlope && points.rxTangentSlope == tangent)
                            #expect(points.rawTopM == top && points.rawRxSlope == rx && points.rawTxSlope == tx)
                            if n > 0 {
                                #expect(points.firstMaxFlatSlopeKm() == maxSlopeKm && points.firstRxTangentKm() == tangentKm)
                                // The fit's sums: rounding of ~16 terms of 1e5 (relative 1e-12).
                                #expect(abs(fit.v1 - reference.v1) <= 1e-12 * abs(reference.v1) + 1e-9)
                                #expect(abs(fit.v2 - reference.v2) <= 1e-12 * abs(reference.v2) + 1e-9)
                            }
                            checked += 1
                            if n < count { withHoles += 1 }
                        }
                    }
                }
            }
        }
        // Thousands of receivers, dozens of them with a hole among their near points.
        #expect(checked > 2_000 && withHoles > 20, "checked \(checked), with holes \(withHoles)")
    }
}
