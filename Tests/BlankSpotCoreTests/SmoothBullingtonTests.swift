import BlankSpotCore
import Foundation
import Testing

/// The sweep's closed-form Bullington loss of the smooth profile (``P1812/smoothBullingtonLossDB``,
/// which finds the maxima of eqs. 13, 15 and 17 from the shape of each expression) against the
/// point-to-point Bullington loss that scans every profile point (eqs. 12–21 over zero heights).
@Suite struct SmoothBullingtonTests {
    @Test func matchesTheFullScanOfTheSmoothProfile() {
        var rng = SplitMix64(seed: 1812)
        var lineOfSight = 0, transHorizon = 0
        for _ in 0..<3000 {
            let n = 1 + Int(rng.nextUnit() * 2500)
            let stepKm = 0.02 + rng.nextUnit() * 0.08
            // The receiver lies beyond the last sample, less than a step further on.
            let dKm = (Double(n) + 0.05 + 0.9 * rng.nextUnit()) * stepKm
            // Effective heights from a metre to 400 m (eq. 37 keeps both above the surface).
            let htsM = 1 + 399 * pow(rng.nextUnit(), 2), hrsM = 1 + 399 * pow(rng.nextUnit(), 2)
            let aeKm = 6371 * (rng.nextUnit() < 0.5 ? 4.0 / 3 : 3)
            let frequencyGHz = 0.4 + 2.6 * rng.nextUnit()
            let lambda = FreeSpace.wavelengthM(frequencyGHz: frequencyGHz)

            let swept = P1812.smoothBullingtonLossDB(htesphM: htsM, hresphM: hrsM, pathLengthKm: dKm, stepKm: stepKm,
                                                     sampleCount: n, aeKm: aeKm, wavelengthM: lambda)
            let distances = [0] + (1...n).map { Double($0) * stepKm } + [dKm]
            let scanned = P1812Diffraction.bullingtonLossDB(distancesKm: distances, heightsM: Array(repeating: 0, count: n + 2),
                                                            htsM: htsM, hrsM: hrsM, effectiveEarthRadiusKm: aeKm,
                                                            frequencyGHz: frequencyGHz)
            // Both evaluate the same expressions at the same point; only the order of a few
            // floating-point operations differs (k·x·(d − x) against 500·(1/ae)·x·(d − x)).
            #expect(abs(swept - scanned) <= 1e-9 * max(1, scanned), "n \(n) step \(stepKm) d \(dKm) hts \(htsM) hrs \(hrsM): \(swept) vs \(scanned)")
            let bulge = 500 / aeKm * dKm * dKm / 4
            if bulge < min(htsM, hrsM) { lineOfSight += 1 } else { transHorizon += 1 }
        }
        // Both branches (smooth line of sight, eq. 15; trans-horizon, eqs. 17–20) are exercised.
        #expect(lineOfSight > 300 && transHorizon > 300)
    }
}
