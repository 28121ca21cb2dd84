@testable import BlankSpotCore
import Foundation
import Testing

/// The smooth-earth fit of P.1812 eqs. 83–86, point by point and with an even run of points
/// added at once (``SmoothEarthFit/appendEvenRun``, what the sweep does for a receiver's 16
/// exact-line points).
@Suite struct SmoothEarthFitTests {
    /// A least-squares line through points that lie on a line is that line: eqs. 85 and 86 must
    /// give its heights at both ends, whichever way the points were added.
    @Test func collinearPointsGiveTheirLine() {
        let interceptM = 212.5, slopeMPerKm = -3.75, spacingKm = 0.0317
        var fit = SmoothEarthFit()
        fit.append(distanceKm: 0, heightM: interceptM)
        for j in 1...40 { fit.append(distanceKm: Double(j) * 0.0291, heightM: interceptM + slopeMPerKm * Double(j) * 0.0291) }
        // An even run: points 41…56 of spacing 31.7 m, then the receiver at index 57.
        let a0 = 41, n = 16
        var sum = 0.0, weighted = 0.0
        let heights = (0..<n).map { interceptM + slopeMPerKm * Double(a0 + $0) * spacingKm }
        for k in 0..<n { sum += heights[k]; weighted += Double(a0 + k) * heights[k] }
        fit.appendEvenRun(count: n, firstIndex: a0, spacingKm: spacingKm, firstHeightM: heights[0], lastHeightM: heights[n - 1],
                          heightSumM: sum, indexWeightedHeightSumM: weighted)
        let dKm = Double(a0 + n) * spacingKm
        fit.append(distanceKm: dKm, heightM: interceptM + slopeMPerKm * dKm)
        // The heights are a few hundred metres; the sums' rounding is near 1e-16 of them.
        #expect(abs(fit.txHeightM - interceptM) < 1e-9)
        #expect(abs(fit.rxHeightM - (interceptM + slopeMPerKm * dKm)) < 1e-9)
    }

    /// On random terrain, the run added at once equals the run added point by point, up to the
    /// rounding of sums of about 2,000 terms (relative 1e-12 of the sums' size; a wrong weight
    /// at either end of the run moves v2 by a whole h·L² term, some 1e-4 of it).
    @Test func evenRunEqualsPointByPoint() {
        var rng = SplitMix64(seed: 8384)
        for _ in 0..<2_000 {
            let spacingKm = 0.03 + 0.09 * rng.nextUnit()
            let committed = Int(rng.nextUnit() * 1_500)
            let n = 1 + Int(rng.nextUnit() * 16)
            var pointwise = SmoothEarthFit()
            pointwise.append(distanceKm: 0, heightM: 3000 * rng.nextUnit())
            for j in 0..<committed { pointwise.append(distanceKm: Double(j + 1) * spacingKm * 0.97, heightM: 3000 * rng.nextUnit()) }
            var atOnce = pointwise
            let a0 = committed + 1
            var sum = 0.0, weighted = 0.0
            var heights: [Double] = []
            for k in 0..<n {
                let h = 3000 * rng.nextUnit()
                heights.append(h)
                sum += h
                weighted += Double(a0 + k) * h
                pointwise.append(distanceKm: Double(a0 + k) * spacingKm, heightM: h)
            }
            atOnce.appendEvenRun(count: n, firstIndex: a0, spacingKm: spacingKm, firstHeightM: heights[0], lastHeightM: heights[n - 1],
                                 heightSumM: sum, indexWeightedHeightSumM: weighted)
            let dKm = Double(a0 + n) * spacingKm, hn = 3000 * rng.nextUnit()
            pointwise.append(distanceKm: dKm, heightM: hn)
            atOnce.append(distanceKm: dKm, heightM: hn)
            #expect(atOnce.pointCount == pointwise.pointCount)
            #expect(abs(atOnce.v1 - pointwise.v1) <= 1e-12 * abs(pointwise.v1) + 1e-9)
            #expect(abs(atOnce.v2 - pointwise.v2) <= 1e-12 * abs(pointwise.v2) + 1e-9)
            // Smooth heights: v1·d and v2 are some 3000·d² m·km²; 1e-12 of that over d² is under 1e-8 m.
            #expect(abs(atOnce.txHeightM - pointwise.txHeightM) < 1e-6)
            #expect(abs(atOnce.rxHeightM - pointwise.rxHeightM) < 1e-6)
        }
    }
}
