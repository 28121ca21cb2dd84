import BlankSpotCore
import Foundation
import Testing

/// The sweep's combination of mechanisms at p = 50 % (``P1812/medianCombinedDB``, which
/// evaluates the blends Fj, Fk and eq. 60 only where they can change Lbam) against the full
/// eqs. 57–63 of ``P1812/combine`` — the function the 51 ITU validation datasets check — with
/// what an all-inland path at p = 50 % gives it: Fi = 0, ω = 0, Lb0p = Lbfs, Lbd50 = Lbd.
@Suite struct MedianCombinationTests {
    @Test func equalsTheFullCombinationBitForBit() {
        var rng = SplitMix64(seed: 6350)
        var counts = (ductingAboveLbd: 0, ductingBelowLminbapAbove: 0, blended: 0, troposcatterCounts: 0)
        for _ in 0..<20_000 {
            let lb0p = 80 + 70 * rng.nextUnit()               // free space, 80–150 dB
            let ldp = rng.nextUnit() < 0.1 ? 0 : 60 * rng.nextUnit()   // diffraction, often 0 on line of sight
            let lbd = lb0p + ldp
            // Ducting and troposcatter spread either side of Lbd, sometimes exactly on it.
            let lba = rng.nextUnit() < 0.05 ? lbd : lbd - 40 + 80 * rng.nextUnit()
            let lbs = lbd - 30 + 120 * rng.nextUnit()
            let theta = -5 + 40 * rng.nextUnit(), dKm = 0.1 + 79.9 * rng.nextUnit()

            let full = P1812.combine(lineOfSightDB: lb0p, lineOfSightBeta0DB: lb0p, diffractionDB: ldp, diffractionMedianBasicDB: lbd,
                                     diffractionBasicDB: lbd, troposcatterDB: lbs, ductingDB: lba, fi: 0, angularDistanceMrad: theta,
                                     pathLengthKm: dKm, seaFraction: 0, timePercent: 50, beta0Percent: 0)
            let median = P1812.medianCombinedDB(lineOfSightDB: lb0p, diffractionBasicDB: lbd, troposcatterDB: lbs, ductingDB: lba,
                                                      angularDistanceMrad: theta, pathLengthKm: dKm)
            // The same operations on the same values: no tolerance.
            #expect(median.bitPattern == full.lbc.bitPattern,
                    "Lb0p \(lb0p) Lbd \(lbd) Lba \(lba) Lbs \(lbs) θ \(theta) d \(dKm): \(median) vs \(full.lbc)")

            if lba >= lbd { counts.ductingAboveLbd += 1 } else if full.lminbap > lbd { counts.ductingBelowLminbapAbove += 1 } else { counts.blended += 1 }
            if abs(lbs - full.lbam) <= 60 && lbs - full.lbam < 30 { counts.troposcatterCounts += 1 }
        }
        // Every branch is exercised many times: ducting at or above Lbd (the skipped blends),
        // below Lbd with Lminbap still above it, the full Fk/Fj blend, and troposcatter close
        // enough to move Lbc.
        #expect(counts.ductingAboveLbd > 2000 && counts.ductingBelowLminbapAbove > 200 && counts.blended > 2000
                && counts.troposcatterCounts > 2000, "\(counts)")
    }

    /// Closed form: with Lbs = Lbam, eq. 63 gives Lbam − 5·log10 2; with Lbs far above, Lbam.
    @Test func troposcatterCombinationClosedForms() {
        let lbd = 140.0
        let equal = P1812.medianCombinedDB(lineOfSightDB: 120, diffractionBasicDB: lbd, troposcatterDB: lbd, ductingDB: 200,
                                                 angularDistanceMrad: 5, pathLengthKm: 30)
        // log10 2 to double precision; the combination takes one log10 and one exp10.
        #expect(abs(equal - (lbd - 5 * log10(2.0))) < 1e-12)
        let far = P1812.medianCombinedDB(lineOfSightDB: 120, diffractionBasicDB: lbd, troposcatterDB: lbd + 61, ductingDB: 200,
                                               angularDistanceMrad: 5, pathLengthKm: 30)
        #expect(far == lbd)
    }
}
