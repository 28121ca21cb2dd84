import Foundation

/// A lower bound of the P.1812 loss from the committed ray samples alone, so that with many
/// towers a receiver the tower cannot matter for is ruled out before its near points are
/// sampled (``RayProfileModel/isSurelyBelow(_:groundM:distanceM:dCol:dRow:nearFromM:nearToM:nearCount:)``).
///
/// The bound is that of ``P1812HorizonTerms/lossLowerBoundDB(constants:)`` (p = 50 %):
/// Lb ≥ max(Lbfs, min(Lbs, Lbfs + Lbulla, max(Lba, Lbfs)) − 5·log10 2 + location offset),
/// with each term replaced by a lower bound that holds whatever heights the near points turn
/// out to have. It is used only when the committed samples already make the path
/// trans-horizon (a committed sample above the line between the antennas), which the near
/// points cannot undo. Then, with the near points added:
/// - Stim, Srim, θt and θr can only grow (they are maxima over more points), and so can
///   Lbulla: ν at the Bullington point grows with either slope (along each line of the
///   Bullington "roof" ν grows towards the apex, so the apex is the roof's largest ν, and a
///   higher roof has a larger one), and J(ν) (eq. 12) and eq. 20 increase with ν; Lbs (eq. 44)
///   grows with θ.
/// - The transmitter horizon stays at the committed one (dlt = its distance) or moves to a near
///   point (dlt between the first and last near point); the receiver horizon likewise stays at
///   the committed tangent point or moves to a near point. So dlt + dlr is at least the sum of
///   the smallest candidates. Site shielding (eq. 48) grows with θ and, for a fixed θ, is a
///   concave function of the horizon distance where positive (the log of 1 plus a concave
///   function, plus a linear one) and 0 elsewhere, so its minimum over a candidate interval is
///   at an end. θ′ = min(θ, 0.1·dl) (eq. 52a) is at least min(θ lower bound, 0.1·dl lower bound).
/// - The elevation angles 1000·atan(s/1000) are bounded below without an arctangent:
///   atan y ≥ y − y³/3 for y ≥ 0 and atan y ≥ y for y < 0.
/// The margin the accumulator subtracts from `irrelevantBelow` (0.01 dB) covers the rounding of
/// these expressions.
extension P1812RayModel {
    /// What the committed samples say about a receiver's path (see the extension's notes), for
    /// the lower bounds below.
    struct EarlyPath {
        let pathKm: Double
        let hrsM: Double
        /// Lbfs (eq. 8), from the same function as ``receiverValue(groundM:distanceM:dCol:dRow:near:irrelevantBelow:)``.
        let lbfs: Double
        /// (z − hts)/d of the committed transmitter horizon and the committed tangent from the
        /// receiver, flattened m/km; lower bounds of θt, θr (mrad).
        let txSlope: Double
        let tangentSlope: Double
        let thetaTLowMrad: Double
        let thetaRLowMrad: Double
        /// The candidates for the horizon distances: the committed horizons, and the near
        /// points' extent (km from the transmitter).
        let txHorizonKm: Double
        let rxHorizonKm: Double
        let nearFromKm: Double
        let nearToKm: Double
        let dz: Double
    }

    /// The committed samples' view of the path to a receiver with ground `groundM` at
    /// `distanceM`, its near points to lie from `nearFromM` to `nearToM`; nil unless those
    /// samples already make the path trans-horizon.
    @inline(__always)
    func earlyPath(groundM: Double, distanceM: Double, nearFromM: Double, nearToM: Double) -> EarlyPath? {
        guard let flat, flat.count > 0 else { return nil }
        let d = distanceM / 1000, k = curvaturePerKm, hts = txAltitudeM
        let hrs = groundM + settings.rxHeightM
        let zrx = hrs - k * d * d
        guard maxFlatSlope > (zrx - hts) / d else { return nil }   // committed samples: line of sight so far
        let dz = (hrs - hts) / 1000
        let tangent = flat.tangentFromRight(x: d, y: zrx)
        return EarlyPath(pathKm: d, hrsM: hrs, lbfs: constants.slantFreeSpaceLossDB(pathKm: d, heightDifferenceKm: dz),
                         txSlope: maxFlatSlope, tangentSlope: tangent.slope,
                         thetaTLowMrad: Self.elevationLowerBoundMrad(flattenedSlope: maxFlatSlope),
                         thetaRLowMrad: Self.elevationLowerBoundMrad(flattenedSlope: tangent.slope - 2 * k * d),
                         txHorizonKm: maxFlatSlopeKm, rxHorizonKm: d - flat.x[tangent.index],
                         nearFromKm: nearFromM / 1000, nearToKm: nearToM / 1000, dz: dz)
    }

    /// A lower bound of Lbs (eq. 44), with 20·log10 d from Lbfs (10·log10(1 + x) ≤ 10·log10(e)·x).
    @inline(__always)
    func troposcatterLowerBoundDB(_ e: EarlyPath) -> Double {
        let d = e.pathKm
        let twentyLog10D = e.lbfs - 92.4 - 20 * constants.log10F - 10 * DecibelMath.log10E * (e.dz * e.dz) / (d * d)
        return constants.troposcatterConstant + twentyLog10D + 0.573 * (1000 * d / constants.aeKm + e.thetaTLowMrad + e.thetaRLowMrad)
    }

    /// A lower bound of the ducting floor (eqs. 46–52 with A(p) ≥ 0; on runs with sea, less the
    /// most the sea coupling of eq. 49 can take off). The site-shielding terms
    /// (≥ 0) are added only while the bound is not above `enough`.
    @inline(__always)
    func ductingLowerBoundDB(_ e: EarlyPath, enough: Double) -> Double {
        let d = e.pathKm
        let dltLow = min(e.txHorizonKm, e.nearFromKm), dlrLow = min(e.rxHorizonKm, d - e.nearToKm)
        var floor = 102.45 + 20 * constants.log10F + 20 * DecibelMath.log10(dltLow + dlrLow) + constants.lowFrequencyCorrection
            + constants.seaCouplingFloorDB
            + constants.gammaD * (1000 * d / constants.aeKm + min(e.thetaTLowMrad, 0.1 * dltLow) + min(e.thetaRLowMrad, 0.1 * dlrLow))
        let f = constants.frequencyGHz, cubeRootF = constants.cubeRootF
        @inline(__always) func shielding(_ thetaMrad: Double, _ horizonKm: Double) -> Double {
            P1812Ducting.siteShieldingDB(thetaMrad: thetaMrad, horizonKm: horizonKm, frequencyGHz: f, cubeRootF: cubeRootF)
        }
        if floor <= enough {
            floor += min(shielding(e.thetaRLowMrad, e.rxHorizonKm), shielding(e.thetaRLowMrad, d - e.nearToKm),
                         shielding(e.thetaRLowMrad, d - e.nearFromKm))
        }
        if floor <= enough {
            floor += min(shielding(e.thetaTLowMrad, e.txHorizonKm), shielding(e.thetaTLowMrad, e.nearFromKm),
                         shielding(e.thetaTLowMrad, e.nearToKm))
        }
        return floor
    }

    /// A lower bound of Lbulla (eqs. 12–20): the Bullington loss over the committed samples.
    @inline(__always)
    func bullingtonLowerBoundDB(_ e: EarlyPath) -> Double {
        let k = curvaturePerKm, d = e.pathKm
        return P1812.actualBullingtonLossDB(transHorizon: true, stim: e.txSlope + k * d, srim: e.tangentSlope - k * d, nuMax: 0,
                                            htsM: txAltitudeM, hrsM: e.hrsM, pathLengthKm: d, wavelengthM: constants.wavelengthM)
    }

    func isSurelyBelow(_ irrelevantBelow: Float, groundM: Double, distanceM: Double, dCol: Int, dRow: Int,
                       nearFromM: Double, nearToM: Double, nearCount: Int) -> Bool {
        guard settings.timePercent == 50, nearCount > 0,
              let e = earlyPath(groundM: groundM, distanceM: distanceM, nearFromM: nearFromM, nearToM: nearToM) else { return false }
        // The antenna's gain relative to boresight is never positive: 0 gives a limit at least as high.
        let lossLimit = budget.eirpDBm - budget.thresholdDBm - Double(irrelevantBelow)
        if e.lbfs > lossLimit { return true }   // Lb ≥ Lb0p = Lbfs at p = 50 %
        // Every term of the min must exceed this; the cheapest first.
        let floor = lossLimit + 5 * DecibelMath.log10(2.0) - constants.locationOffsetDB
        return troposcatterLowerBoundDB(e) > floor
            && max(ductingLowerBoundDB(e, enough: floor), e.lbfs) > floor
            && e.lbfs + bullingtonLowerBoundDB(e) > floor
    }

    /// A lower bound of 1000·atan(s/1000), the elevation angle in mrad of a flattened slope s in
    /// m/km: atan y ≥ y − y³/3 for y ≥ 0, atan y ≥ y for y < 0.
    @inline(__always)
    static func elevationLowerBoundMrad(flattenedSlope s: Double) -> Double {
        s >= 0 ? s - s * s * s / 3e6 : s
    }
}
