import Foundation

/// The terms of Lb that a ``P1812PathSummary`` fixes on its own — line of sight, troposcatter,
/// the ducting coupling and the Bullington loss of the actual profile — and the lower bound of
/// Lb they give. A sweep checks the bound before it gathers the path's smooth surface.
public struct P1812HorizonTerms: Sendable {
    /// Free space over the slant distance (eq. 8) and Lb0p (eq. 11).
    public let lbfs: Double
    public let lb0p: Double
    /// 2.6·(1 − e^(−0.1·(dlt + dlr))) of eqs. 9a, 10 (0 at p = 50 %, where it is not needed).
    let focusingFactor: Double
    /// Angular distance θ, mrad (eq. 44a) and the troposcatter loss Lbs (eq. 44).
    let thetaMrad: Double
    public let lbs: Double
    /// Af (eq. 47, with the sea coupling of eq. 49 on paths with zones) and the ducting loss
    /// with A(p) = 0 (eqs. 46, 50, 52).
    let af: Double
    let ductingFloor: Double
    /// Lbulla (eq. 20) for the effective earth radius ae.
    public let lbulla: Double

    /// `freeSpaceDB`: Lbfs (eq. 8) when the caller has it already (the same expression), else nil.
    @inline(__always)
    public init(summary s: P1812PathSummary, constants k: P1812TowerConstants, freeSpaceDB: Double? = nil) {
        let p = k.settings.timePercent, d = s.pathLengthKm, ae = k.aeKm
        // Line of sight (eqs. 8–10) over the slant distance.
        lbfs = freeSpaceDB ?? k.slantFreeSpaceLossDB(pathKm: d, heightDifferenceKm: (s.htsM - s.hrsM) / 1000)
        focusingFactor = p == 50 ? 0 : 2.6 * (1 - exp(-0.1 * (s.txHorizonKm + s.rxHorizonKm)))
        lb0p = lbfs + focusingFactor * k.focusingLog
        thetaMrad = 1000 * d / ae + s.txHorizonAngleMrad + s.rxHorizonAngleMrad
        lbs = k.troposcatterConstant + 20 * DecibelMath.log10(d) + 0.573 * thetaMrad   // eq. 44
        let thetaTp = min(s.txHorizonAngleMrad, 0.1 * s.txHorizonKm), thetaRp = min(s.rxHorizonAngleMrad, 0.1 * s.rxHorizonKm)
        af = 102.45 + 20 * k.log10F + 20 * DecibelMath.log10(s.txHorizonKm + s.rxHorizonKm) + k.lowFrequencyCorrection
            + P1812Ducting.siteShieldingDB(thetaMrad: s.txHorizonAngleMrad, horizonKm: s.txHorizonKm, frequencyGHz: k.frequencyGHz, cubeRootF: k.cubeRootF)
            + P1812Ducting.siteShieldingDB(thetaMrad: s.rxHorizonAngleMrad, horizonKm: s.rxHorizonKm, frequencyGHz: k.frequencyGHz, cubeRootF: k.cubeRootF)
            + (s.zones.map { z in
                P1812Ducting.seaCouplingDB(seaFraction: z.seaFraction, coastDistanceKm: z.txCoastDistanceKm, horizonKm: s.txHorizonKm,
                                           antennaAltitudeM: s.htsM)
                    + P1812Ducting.seaCouplingDB(seaFraction: z.seaFraction, coastDistanceKm: z.rxCoastDistanceKm, horizonKm: s.rxHorizonKm,
                                                 antennaAltitudeM: s.hrsM)
            } ?? 0)
        ductingFloor = af + k.gammaD * (1000 * d / ae + thetaTp + thetaRp)
        lbulla = P1812.actualBullingtonLossDB(transHorizon: s.isTransHorizon, stim: s.stim, srim: s.srim, nuMax: s.nuMax,
                                              htsM: s.htsM, hrsM: s.hrsM, pathLengthKm: d, wavelengthM: k.wavelengthM)
    }

    /// A lower bound of Lb (eq. 69). At p = 50 %:
    /// Lb ≥ max(Lb0p, min(Lbs, Lbfs + Lbulla, max(Lba, Lb0p)) − 5·log10 2 + location offset),
    /// from eqs. 59–63 and 69 (Lbc ≥ min(Lbs, Lbam) − 1.51 dB, Lbam ≥ min(Lbda, Lminb0p),
    /// Lbda ≥ min(Lbd, Lminbap), Lminbap ≥ max(Lba, Lb0p), and Lbd, Lbd50 ≥ Lbfs + Lbulla since
    /// Ld ≥ Lbulla), with Lba ≥ the ducting floor (A(p) ≥ 0 at p = 50 %, see
    /// ``P1812AreaPrediction``'s notes). Otherwise Lb0p alone.
    @inline(__always)
    public func lossLowerBoundDB(constants k: P1812TowerConstants) -> Double {
        guard k.settings.timePercent == 50 else { return lb0p }
        let lbcFloor = min(lbs, lbfs + lbulla, max(ductingFloor, lb0p)) - 5 * DecibelMath.log10(2.0)
        return max(lb0p, lbcFloor + k.locationOffsetDB)
    }
}

extension P1812 {
    /// Lbulla (eq. 20) from a path's Bullington parameters: the knife-edge loss J(ν) (eq. 12)
    /// at the Bullington point (eqs. 18, 19) of a trans-horizon path, or at νmax (eq. 15) of a
    /// line-of-sight one, then eq. 20.
    @inline(__always)
    static func actualBullingtonLossDB(transHorizon: Bool, stim: Double, srim: Double, nuMax: Double,
                                       htsM: Double, hrsM: Double, pathLengthKm d: Double, wavelengthM: Double) -> Double {
        let luc = transHorizon
            ? KnifeEdge.lossDB(nu: P1812Diffraction.bullingtonNu(stim: stim, srim: srim, htsM: htsM, hrsM: hrsM, pathLengthKm: d,
                                                                 wavelengthM: wavelengthM))
            : KnifeEdge.lossDB(nu: nuMax)
        return P1812Diffraction.bullingtonLossDB(knifeEdgeDB: luc, pathLengthKm: d)
    }
}
