@testable import BlankSpotCore
import Testing

/// The four-lane scan behind the P.1812 roughness (eq. 93) over the committed ray samples
/// against the plain loop it replaces, on random profiles with samples missing.
@Suite struct RoughnessScanTests {
    @Test func equalsTheScalarLoop() {
        var rng = SplitMix64(seed: 9393)
        let n = 300
        let samples = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { samples.deallocate() }
        var ranges = 0
        for _ in 0..<3_000 {
            for j in 0..<n { samples[j] = rng.nextUnit() < 0.05 ? .nan : 2000 * rng.nextUnit() }
            let stepKm = 0.03 + 0.06 * rng.nextUnit(), hst = 500 * rng.nextUnit(), slope = 40 * (rng.nextUnit() - 0.5)
            let first = Int(rng.nextUnit() * Double(n)), last = Int(rng.nextUnit() * Double(n)) - 1
            var expected = -Double.infinity
            if first <= last {
                ranges += 1
                for j in first...last where !samples[j].isNaN {
                    expected = max(expected, samples[j] - (hst + slope * (Double(j + 1) * stepKm)))
                }
            }
            let scanned = P1812RayModel.Roughness.largestAboveLine(samples: samples, first: first, last: last, stepKm: stepKm,
                                                                   lineAtZeroM: hst, slope: slope)
            // The same expressions over the same samples: equal, not merely close.
            #expect(scanned == expected, "first \(first) last \(last)")
        }
        #expect(ranges > 1_000)
    }
}
