import Foundation

/// Ducting and layer reflection (ITU-R P.1812-7/8 §4.5, eqs. 46–56): Lba = Af + Ad(p).
public enum P1812Ducting {
    /// Lba = Af + Ad(p) (eq. 46) for a point-to-point path.
    public static func lossDB(link: P1812Link, analysis a: P1812PathAnalysis, climate c: P1812RadioClimate) -> Double {
        let af = couplingLossDB(frequencyGHz: link.frequencyGHz, txHorizonKm: a.txHorizonKm, rxHorizonKm: a.rxHorizonKm,
                                txHorizonAngleMrad: a.txHorizonAngleMrad, rxHorizonAngleMrad: a.rxHorizonAngleMrad,
                                seaFraction: c.seaFraction, txCoastDistanceKm: link.txCoastDistanceKm,
                                rxCoastDistanceKm: link.rxCoastDistanceKm, htsM: a.txAltitudeM, hrsM: a.rxAltitudeM)
        return af + timeDependentLossDB(
            frequencyGHz: link.frequencyGHz, timePercent: link.timePercent, pathLengthKm: a.pathLengthKm,
            txHorizonKm: a.txHorizonKm, rxHorizonKm: a.rxHorizonKm, txHorizonAngleMrad: a.txHorizonAngleMrad,
            rxHorizonAngleMrad: a.rxHorizonAngleMrad, aeKm: c.effectiveEarthRadiusKm, hteM: a.ductingTxHeightM,
            hreM: a.ductingRxHeightM, roughnessM: a.roughnessM, beta0Percent: c.beta0Percent, tau: c.tau)
    }

    /// Fixed coupling losses Af (eq. 47): empirical low-frequency correction Alf, site
    /// shielding Ast, Asr (eq. 48) and over-sea duct coupling Act, Acr (eq. 49).
    public static func couplingLossDB(frequencyGHz f: Double, txHorizonKm dlt: Double, rxHorizonKm dlr: Double,
                                      txHorizonAngleMrad thetaT: Double, rxHorizonAngleMrad thetaR: Double,
                                      seaFraction omega: Double, txCoastDistanceKm: Double, rxCoastDistanceKm: Double,
                                      htsM: Double, hrsM: Double) -> Double {
        let alf = f < 0.5 ? 45.375 - 137.0 * f + 92.5 * f * f : 0
        let cubeRootF = cbrt(f)
        return 102.45 + 20 * DecibelMath.log10(f) + 20 * DecibelMath.log10(dlt + dlr) + alf
            + siteShieldingDB(thetaMrad: thetaT, horizonKm: dlt, frequencyGHz: f, cubeRootF: cubeRootF)
            + siteShieldingDB(thetaMrad: thetaR, horizonKm: dlr, frequencyGHz: f, cubeRootF: cubeRootF)
            + seaCouplingDB(seaFraction: omega, coastDistanceKm: txCoastDistanceKm, horizonKm: dlt, antennaAltitudeM: htsM)
            + seaCouplingDB(seaFraction: omega, coastDistanceKm: rxCoastDistanceKm, horizonKm: dlr, antennaAltitudeM: hrsM)
    }

    /// The over-sea surface-duct coupling correction of one terminal, Act or Acr (eq. 49):
    /// −3·e^(−0.25·dc²)·(1 + tanh(0.07·(50 − hs))) on paths at least 75 % over sea for a
    /// terminal within 5 km of the coast and no farther from it than from its horizon; else 0.
    /// Never below ``seaCouplingFloorDB``.
    @inline(__always)
    public static func seaCouplingDB(seaFraction omega: Double, coastDistanceKm dc: Double, horizonKm dl: Double,
                                     antennaAltitudeM hs: Double) -> Double {
        guard omega >= 0.75, dc <= dl, dc <= 5 else { return 0 }
        return -3 * exp(-0.25 * dc * dc) * (1 + tanh(0.07 * (50 - hs)))
    }

    /// The least the two terminals' sea coupling can add to Af (eq. 49: each term is at least
    /// −3·(1 + 1) dB, since e^(−x) ≤ 1 for x ≥ 0 and tanh < 1): what a lower bound of the
    /// ducting loss must allow on paths that may cross the sea.
    public static let seaCouplingFloorDB = -12.0

    /// Site-shielding loss of one terminal (eq. 48): θ″ = θ − 0.1·dl mrad;
    /// 20·log10(1 + 0.361·θ″·√(f·dl)) + 0.264·θ″·f^(1/3) when θ″ > 0.
    @inline(__always)
    public static func siteShieldingDB(thetaMrad: Double, horizonKm dl: Double, frequencyGHz f: Double, cubeRootF: Double) -> Double {
        let t = thetaMrad - 0.1 * dl
        return t > 0 ? 20 * DecibelMath.log10(1 + 0.361 * t * (f * dl).squareRoot()) + 0.264 * t * cubeRootF : 0
    }

    /// Time-percentage and angular-distance dependent losses Ad(p) (eqs. 50–56).
    public static func timeDependentLossDB(frequencyGHz f: Double, timePercent p: Double, pathLengthKm d: Double,
                                           txHorizonKm dlt: Double, rxHorizonKm dlr: Double,
                                           txHorizonAngleMrad thetaT: Double, rxHorizonAngleMrad thetaR: Double,
                                           aeKm ae: Double, hteM hte: Double, hreM hre: Double, roughnessM hm: Double,
                                           beta0Percent: Double, tau: Double) -> Double {
        let gammaD = 5e-5 * ae * cbrt(f)   // eq. 51, dB/mrad
        let thetaTp = thetaT <= 0.1 * dlt ? thetaT : 0.1 * dlt   // eq. 52a
        let thetaRp = thetaR <= 0.1 * dlr ? thetaR : 0.1 * dlr
        let thetaP = 1000 * d / ae + thetaTp + thetaRp   // eq. 52
        // Powers as e^(y·ln x), sharing ln d and ln(p/β): glibc's pow costs about two exp calls
        // (the results differ in the last bits only).
        let lnD = log(d)
        let alpha = max(-0.6 - 3.5e-9 * exp(3.1 * lnD) * tau, -3.4)   // eq. 55a
        let root = hte.squareRoot() + hre.squareRoot()
        let mu2 = min(exp(alpha * log(500 / ae * d * d / (root * root))), 1)   // eq. 55
        let dI = min(d - dlt - dlr, 40)   // eq. 56a
        let mu3 = hm <= 10 ? 1 : exp(-4.6e-5 * (hm - 10) * (43 + 6 * dI))   // eq. 56
        let beta = beta0Percent * mu2 * mu3   // eq. 54
        let lb = DecibelMath.log10(beta)
        let gamma = 1.076 * exp(-1.012 * log(2.0058 - lb) - (9.51 - 4.8 * lb + 0.198 * lb * lb) * 1e-6 * exp(1.13 * lnD))   // eq. 53a
        let lnPOverBeta = log(p / beta)
        let ap = -12 + (1.2 + 3.7e-3 * d) * DecibelMath.log10E * lnPOverBeta + 12 * exp(gamma * lnPOverBeta)   // eq. 53
        return gammaD * thetaP + ap   // eq. 50
    }
}
